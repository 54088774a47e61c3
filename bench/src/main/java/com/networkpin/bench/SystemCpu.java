package com.networkpin.bench;

import com.networkpin.localinfra.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time used by every process of the system, from Linux's {@code /proc/<pid>/stat} (utime + stime, in
 * clock ticks), by role: the services (their pids given), PostgreSQL (the postmaster and all its children;
 * the postmaster's cutime + cstime hold the backends that exited), the Kafka broker and Keycloak (children
 * of this JVM, told apart by their command line), other helpers of this JVM, and the load generator — this
 * JVM — apart. A process that starts between two samples counts in full; the benchmark's fixtures (the
 * floor service) are left out. Linux only; where PostgreSQL is not a local process (a container) it is
 * missing from the sums, and its role says so.
 */
final class SystemCpu {

    static final String LOAD_GENERATOR = "load generator (bench JVM)";
    /** Part of the bench JVM's CPU: the threads that send the requests and read the answers (no JIT, GC, sampling). */
    static final String EVENT_LOOPS = "  of which the load generator's event loops";
    private static final Set<String> APART = Set.of(LOAD_GENERATOR, EVENT_LOOPS);
    static final String POSTGRES = "postgresql (all processes)";
    private static final long CLOCK_TICKS = clockTicks();

    private final long postmaster;
    private final Supplier<Map<String, Long>> services;
    private final Supplier<Set<Long>> fixtures;

    /** Seconds of CPU per role, in the order found; the load generator and its event loops last. */
    record Usage(Map<String, Double> seconds) {

        double system() {
            return seconds.entrySet().stream().filter(e -> !isApart(e.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum();
        }

        double loadGenerator() {
            return seconds.getOrDefault(LOAD_GENERATOR, 0.0);
        }

        double eventLoops() {
            return seconds.getOrDefault(EVENT_LOOPS, 0.0);
        }
    }

    /** A point in time's ticks per role, and the CPU time of the load generator's event loops (ns, per thread). */
    record Sample(Map<String, Long> ticks, long eventLoopNanos) {
    }

    SystemCpu(PostgresServer postgres, Supplier<Map<String, Long>> services, Supplier<Set<Long>> fixtures) {
        this.postmaster = postmasterPid(postgres);
        this.services = services;
        this.fixtures = fixtures;
    }

    Sample sample() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<Long, String> named = new HashMap<>();
        services.get().forEach((name, pid) -> named.put(pid, name));
        named.forEach((pid, name) -> ticks.merge(name, ticks(pid, false), Long::sum));
        Set<Long> counted = new HashSet<>(named.keySet());
        if (postmaster > 0) {
            long postgres = ticks(postmaster, true);
            counted.add(postmaster);
            for (long child : childrenOf(postmaster)) {
                postgres += ticks(child, false);
                counted.add(child);
            }
            ticks.put(POSTGRES, postgres);
        }
        Set<Long> left = fixtures.get();
        ProcessHandle.current().descendants().forEach(process -> {
            long pid = process.pid();
            if (!counted.contains(pid) && !left.contains(pid) && !isUnder(pid, left)) {
                ticks.merge(role(pid), ticks(pid, false), Long::sum);
            }
        });
        ticks.put(LOAD_GENERATOR, ticks(ProcessHandle.current().pid(), false));
        return new Sample(ticks, Load.eventLoopCpuNanos());
    }

    static Usage between(Sample before, Sample after) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        after.ticks().forEach((role, ticks) ->
                seconds.put(role, (ticks - before.ticks().getOrDefault(role, 0L)) / (double) CLOCK_TICKS));
        Double generator = seconds.remove(LOAD_GENERATOR);
        seconds.put(LOAD_GENERATOR, generator == null ? 0.0 : generator);
        seconds.put(EVENT_LOOPS, (after.eventLoopNanos() - before.eventLoopNanos()) / 1e9);
        return new Usage(seconds);
    }

    /** CPU time (utime + stime) a process has used so far, in seconds. */
    static double seconds(long pid) {
        return ticks(pid, false) / (double) CLOCK_TICKS;
    }

    /** The load generator and its event loops: shown apart, not in the system's sum. */
    static boolean isApart(String role) {
        return APART.contains(role);
    }

    /** What a child process of this JVM that is not a service is, by its command line. */
    private static String role(long pid) {
        String command = commandLine(pid);
        if (command.contains("keycloak") || command.contains("kc.sh")) {
            return "keycloak";
        }
        if (command.contains("kafka")) {
            return "kafka broker";
        }
        return "other helpers (watchdogs)";
    }

    private static boolean isUnder(long pid, Set<Long> ancestors) {
        return ProcessHandle.of(pid).flatMap(ProcessHandle::parent)
                .map(parent -> ancestors.contains(parent.pid()) || isUnder(parent.pid(), ancestors)).orElse(false);
    }

    /** utime + stime (+ cutime + cstime: children it has waited for); 0 for a process that is gone. */
    private static long ticks(long pid, boolean withReapedChildren) {
        String[] fields = statFields(pid);
        if (fields == null) {
            return 0;
        }
        // Fields after "(comm)": [0] state, [1] ppid, … [11] utime, [12] stime, [13] cutime, [14] cstime.
        long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return withReapedChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
    }

    private static long[] childrenOf(long parent) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(path -> path.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong)
                    .filter(pid -> {
                        String[] fields = statFields(pid);
                        return fields != null && Long.parseLong(fields[1]) == parent;
                    })
                    .toArray();
        } catch (IOException e) {
            return new long[0];
        }
    }

    /** The fields of /proc/pid/stat after the command name, which may itself hold spaces and parentheses. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The parent of a backend of ours is the postmaster, if it is a local process; -1 otherwise. */
    private static long postmasterPid(PostgresServer postgres) {
        try (Connection connection = JdbcLoad.connect(postgres, "postgres");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            String[] fields = statFields(row.getLong(1));
            if (fields == null) {
                return -1;
            }
            long parent = Long.parseLong(fields[1]);
            return commandLine(parent).contains("postgres") ? parent : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    /** getconf CLK_TCK: the unit of /proc's times (100 on nearly every Linux). */
    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}

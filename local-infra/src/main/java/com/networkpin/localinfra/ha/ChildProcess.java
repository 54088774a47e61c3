package com.networkpin.localinfra.ha;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One server of the replicated topology run as a child process, its output appended to a log file, guarded against orphaning. */
final class ChildProcess {

    private final Process process;
    private final OrphanGuard guard;

    private ChildProcess(Process process, OrphanGuard guard) {
        this.process = process;
        this.guard = guard;
    }

    /** @param postmasterData the data directory of a PostgreSQL this child starts detached (null if none) */
    static ChildProcess start(List<String> command, Path log, Path postmasterData) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ChildProcess(process, OrphanGuard.guard(process, postmasterData));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command.get(0), e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, then SIGKILL after {@code graceSeconds}; waits until it is gone. */
    void stop(int graceSeconds) {
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        guard.dismiss();
    }

    /** SIGKILL, as a crash: nothing is cleaned up. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        guard.dismiss();
    }
}

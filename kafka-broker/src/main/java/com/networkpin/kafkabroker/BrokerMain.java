package com.networkpin.kafkabroker;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import kafka.Kafka;
import kafka.tools.StorageTool;

/**
 * Entry point of the broker child JVM: formats the KRaft storage, then runs a
 * KRaft node (broker and controller) until the parent closes our stdin.
 *
 * <p>Arguments: {@code <server.properties> <clusterId> [<scram credential>...]}, each credential as
 * {@code kafka-storage format --add-scram} takes it, e.g. {@code SCRAM-SHA-512=[name=admin,password=…]}:
 * the users that must exist before the broker can authenticate anyone (the administrator).
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: BrokerMain <server.properties> <clusterId> [<scram credential>...]");
            System.exit(2);
        }
        String properties = args[0];
        String clusterId = args[1];
        exitWhenParentGoes();
        formatStorage(properties, clusterId, Arrays.copyOfRange(args, 2, args.length));
        // Blocks until shutdown; Kafka's own shutdown hook stops the broker on System.exit.
        Kafka.main(new String[] {properties});
    }

    /** Same as {@code kafka-storage.sh format}, but in this JVM (saves a JVM start-up). */
    private static void formatStorage(String properties, String clusterId, String[] scramCredentials) {
        List<String> formatArgs = new ArrayList<>(
                List.of("format", "-t", clusterId, "-c", properties, "--ignore-formatted"));
        for (String credential : scramCredentials) {
            formatArgs.add("--add-scram");
            formatArgs.add(credential);
        }
        int status;
        try {
            status = StorageTool.execute(formatArgs.toArray(String[]::new), System.out);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        if (status != 0) {
            System.err.println("Formatting the KRaft storage failed with status " + status);
            System.exit(status);
        }
    }

    /**
     * The parent holds our stdin open for as long as it lives; EOF means it stopped us or died,
     * so we exit instead of surviving as an orphan holding the ports and the log dir.
     */
    private static void exitWhenParentGoes() {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() != -1) {
                    // Input is ignored; only the end of the stream matters.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same as EOF.
            }
            System.exit(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}

package com.networkpin.localinfra.ha;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Kills a child process when our JVM dies, however it dies: a small shell process waits for EOF on
 * its stdin (which comes when the JVM is gone, even after {@code kill -9}), then kills the child and,
 * where given, the postmaster of a data directory (Patroni starts PostgreSQL detached from itself, so
 * it would outlive both). Shutdown hooks cover a normal exit; this covers the rest.
 */
final class OrphanGuard {

    /** Builtins only while waiting, so that dismissing it leaves no child process behind. */
    private static final String SCRIPT = "while read -r ignored; do :; done; kill -KILL \"$0\" 2>/dev/null; "
            + "[ -n \"$1\" ] && pid=$(head -n 1 \"$1/postmaster.pid\" 2>/dev/null) && kill -QUIT \"$pid\" 2>/dev/null";

    private final Process guard;

    private OrphanGuard(Process guard) {
        this.guard = guard;
    }

    /** Guards {@code child}; {@code dataDirectory} (may be null) is a PostgreSQL data directory whose postmaster dies too. */
    static OrphanGuard guard(Process child, Path dataDirectory) {
        try {
            return new OrphanGuard(new ProcessBuilder("sh", "-c", SCRIPT, Long.toString(child.pid()),
                    dataDirectory == null ? "" : dataDirectory.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the orphan guard", e);
        }
    }

    /** Once the child was stopped or killed on purpose. */
    void dismiss() {
        guard.destroy();
    }
}

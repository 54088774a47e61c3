package com.networkpin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares generated text with a checked-in file. Run with {@code -Dgolden.update=true} to rewrite
 * the files after an intended change, then review the diff.
 */
final class GoldenFiles {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private GoldenFiles() {
    }

    static void assertMatches(Path file, String actual) throws IOException {
        if (UPDATE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
            return;
        }
        assertEquals(Files.readString(file), actual,
                file + " changed; if intended, rerun with -Dgolden.update=true and review the diff");
    }
}

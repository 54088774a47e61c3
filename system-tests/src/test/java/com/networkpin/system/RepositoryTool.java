package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A third-party checker run on a file of the repository, where .ci/run could install it; skipped where not. */
final class RepositoryTool {

    private RepositoryTool() {
    }

    /** Runs {@code tool args} in the repository's root, asserts it succeeds, and answers its output. */
    static String check(String tool, String installedBy, String... args) throws Exception {
        Path executable = Path.of(tool);
        assumeTrue(Files.isExecutable(executable), tool + " is not installed (" + installedBy + ")");
        List<String> command = new ArrayList<>(List.of(tool));
        command.addAll(List.of(args));
        Process check = new ProcessBuilder(command).directory(new File("..")).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertEquals(true, check.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), output);
        return output;
    }
}

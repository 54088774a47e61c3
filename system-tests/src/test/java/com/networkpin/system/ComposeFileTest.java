package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Docker path cannot run here, but its compose file can be checked: .ci/run installs docker-compose. */
class ComposeFileTest {

    @Test
    void composeFileIsValid() throws Exception {
        Path tool = Path.of("/usr/bin/docker-compose");
        assumeTrue(Files.isExecutable(tool), "docker-compose is not installed (.ci/run installs it)");

        Process check = new ProcessBuilder(tool.toString(), "-f", "docker-compose.yml", "config", "-q")
                .directory(new File(".."))
                .redirectErrorStream(true)
                .start();
        String output = new String(check.getInputStream().readAllBytes());

        assertEquals(true, check.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), output);
    }
}

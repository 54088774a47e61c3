package com.networkpin.system;

import org.junit.jupiter.api.Test;

/** The Docker path cannot run here, but its compose file can be checked: .ci/run installs docker-compose. */
class ComposeFileTest {

    @Test
    void composeFileIsValid() throws Exception {
        RepositoryTool.check("/usr/bin/docker-compose", ".ci/run installs it", "-f", "docker-compose.yml", "config", "-q");
    }
}

package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.launcher.StackService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each service runs with the AppCDS archive its build wrote: the JVM maps an archive only when it
 * accepts it (same JVM, same jars, run from the application's directory), and drops it otherwise.
 */
@ExtendWith(RunningSystem.class)
class StartUpArchiveTest {

    @Test
    void everyServiceLoadsItsClassesFromItsAppCdsArchive() throws IOException {
        for (StackService service : StackService.backends()) {
            long pid = RunningSystem.fleet().process(service).pid();
            String maps = Files.readString(Path.of("/proc", Long.toString(pid), "maps"));
            assertTrue(maps.contains("/" + service.moduleName() + "/target/quarkus-app/app-cds.jsa"),
                    service.moduleName() + " did not map its app-cds.jsa");
        }
    }
}

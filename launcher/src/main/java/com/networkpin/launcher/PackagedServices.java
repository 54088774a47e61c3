package com.networkpin.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A snapshot of the three packaged services (and of the web console, when it is packaged), laid out like the repository ({@code <module>/target/quarkus-app}),
 * made of hard links (copies where links are impossible). A rebuild of a service while the tests run
 * replaces its files, and would otherwise pull the jars from under a service that is started or
 * restarted later in the run.
 */
public final class PackagedServices {

    private PackagedServices() {
    }

    /** The runnable jar of a packaged Quarkus application of the repository. */
    public static Path jar(Path repository, String module) {
        return repository.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The root to hand to {@code ServiceFleet} in place of the repository. */
    public static Path snapshot(Path repository, Path snapshotRoot) {
        return snapshot(repository, snapshotRoot, List.of());
    }

    /** As {@link #snapshot(Path, Path)}, with further packaged modules (a benchmark's fixture). */
    public static Path snapshot(Path repository, Path snapshotRoot, List<String> moreModules) {
        try {
            deleteRecursively(snapshotRoot);
            for (StackService service : StackService.values()) {
                Path app = jar(repository, service.moduleName()).getParent();
                if (service == StackService.WEB_CONSOLE && !Files.isDirectory(app)) {
                    continue; // only the browser tests need it
                }
                linkTree(app, snapshotRoot.resolve(repository.relativize(app)));
            }
            for (String module : moreModules) {
                Path app = jar(repository, module).getParent();
                linkTree(app, snapshotRoot.resolve(repository.relativize(app)));
            }
            return snapshotRoot;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot snapshot the packaged services (build them first)", e);
        }
    }

    private static void linkTree(Path app, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(app)) {
            for (Path file : files.toList()) {
                link(file, target.resolve(app.relativize(file).toString()));
            }
        }
    }

    private static void link(Path source, Path target) throws IOException {
        if (Files.isDirectory(source)) {
            Files.createDirectories(target);
            return;
        }
        try {
            Files.createLink(target, source);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> deepestFirst = files.sorted(Comparator.reverseOrder()).toList();
            for (Path file : deepestFirst) {
                Files.delete(file);
            }
        }
    }
}

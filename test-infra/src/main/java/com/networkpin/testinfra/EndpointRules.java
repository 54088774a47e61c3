package com.networkpin.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every JAX-RS resource method of a service's compiled classes with the access rule that applies
 * to it, for tests that fail when an endpoint declares none (deny by default must not be the only
 * thing standing between a new endpoint and the world).
 */
public final class EndpointRules {

    private static final Set<String> RULES = Set.of("jakarta.annotation.security.RolesAllowed",
            "jakarta.annotation.security.PermitAll", "jakarta.annotation.security.DenyAll");

    /** A resource method, e.g. {@code PinResource.verify}, and its rule, e.g. {@code @RolesAllowed({"channel"})}. */
    public record Endpoint(String method, String rule) {
        public boolean declared() {
            return rule != null;
        }
    }

    private EndpointRules() {
    }

    /** Every HTTP method of the resources under {@code basePackage}, from the classes directory of {@code anchor}. */
    public static List<Endpoint> of(Class<?> anchor, String basePackage) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> type : classes(anchor, basePackage)) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && httpMethod(method)) {
                    String rule = rule(method.getAnnotations());
                    endpoints.add(new Endpoint(type.getSimpleName() + "." + method.getName(),
                            rule != null ? rule : rule(type.getAnnotations())));
                }
            }
        }
        endpoints.sort((a, b) -> a.method().compareTo(b.method()));
        return Collections.unmodifiableList(endpoints);
    }

    private static boolean httpMethod(Method method) {
        return Stream.of(method.getAnnotations())
                .anyMatch(a -> Stream.of(a.annotationType().getAnnotations())
                        .anyMatch(meta -> meta.annotationType().getName().equals("jakarta.ws.rs.HttpMethod")));
    }

    private static String rule(Annotation[] annotations) {
        return Stream.of(annotations).filter(a -> RULES.contains(a.annotationType().getName()))
                .map(Annotation::toString).findFirst().orElse(null);
    }

    /**
     * From every class path root holding the package: main and test classes live in different ones, and
     * a library's resources (e.g. event-store's operator resource) in its jar.
     */
    private static List<Class<?>> classes(Class<?> anchor, String basePackage) {
        String directory = basePackage.replace('.', '/');
        List<Class<?>> classes = new ArrayList<>();
        try {
            for (URL root : Collections.list(anchor.getClassLoader().getResources(directory))) {
                if ("jar".equals(root.getProtocol())) {
                    for (String name : classNamesInJar(root, directory)) {
                        classes.add(Class.forName(name, false, anchor.getClassLoader()));
                    }
                    continue;
                }
                if (!"file".equals(root.getProtocol())) {
                    throw new IllegalStateException("Cannot list the classes of " + basePackage + " in " + root);
                }
                Path base = Path.of(root.toURI());
                try (Stream<Path> files = Files.walk(base)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        String relative = base.relativize(file).toString();
                        String name = basePackage + "." + relative.substring(0, relative.length() - ".class".length())
                                .replace(java.io.File.separatorChar, '.');
                        classes.add(Class.forName(name, false, anchor.getClassLoader()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }

    private static List<String> classNamesInJar(URL root, String directory) throws IOException {
        java.net.JarURLConnection connection = (java.net.JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (java.util.jar.JarFile jar = connection.getJarFile()) {
            return jar.stream().map(java.util.jar.JarEntry::getName)
                    .filter(name -> name.startsWith(directory + "/") && name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
    }
}

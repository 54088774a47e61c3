package com.networkpin.system;

import com.networkpin.launcher.Actor;
import com.networkpin.launcher.Actors;
import com.networkpin.launcher.Http;
import com.networkpin.launcher.PackagedServices;
import com.networkpin.launcher.ServiceFleet;
import com.networkpin.launcher.ServiceProcess;
import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.localinfra.KeycloakServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The three packaged services, the web console and the Keycloak whose tokens they accept, started once per test JVM and shared by every end-to-end test
 * class (starting them costs tens of seconds on a small machine). The fleet lives in the root
 * extension store, which closes it when the whole run ends. The services run from a snapshot of
 * their packaged jars (see {@link PackagedServices}). Before each test every service is
 * brought back to ready, so a test that stopped one and failed cannot spoil the next.
 */
public final class RunningSystem implements BeforeAllCallback, BeforeEachCallback {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningSystem.class);

    private static volatile ServiceFleet fleet;
    /** A failed start is not tried again by every test class: each would wait minutes for the same failure. */
    private static volatile RuntimeException startFailure;

    /** The shared fleet; only valid in a test class extended with this class. */
    public static ServiceFleet fleet() {
        if (fleet == null) {
            throw new IllegalStateException("extend the test class with RunningSystem");
        }
        return fleet;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (startFailure != null) {
            throw new IllegalStateException("the services did not start for an earlier test class", startFailure);
        }
        fleet = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(ServiceFleet.class, key -> start(), ServiceFleet.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        for (StackService service : StackService.values()) {
            ServiceProcess process = fleet.process(service);
            if (!process.isAlive()) {
                System.out.printf("%s was down before %s: restarting it%n", service.moduleName(),
                        context.getDisplayName());
                fleet.start(service);
            }
            process.awaitReady(READY_TIMEOUT);
        }
    }

    /** The story's principals, with tokens of the fleet's Keycloak. */
    public static Actors actors() {
        return new Actors(Infrastructure.tokens());
    }

    public static Http as(Actor actor) {
        return new Http().as(actor);
    }

    private static ServiceFleet start() {
        CompletableFuture<KeycloakServer> keycloak = Infrastructure.keycloakInBackground();
        Infrastructure infrastructure = Infrastructure.get();
        Path services = PackagedServices.snapshot(Path.of("..").toAbsolutePath().normalize(),
                Path.of("target/packaged-services").toAbsolutePath());
        ServiceFleet started = new ServiceFleet(services, Path.of("target/service-logs"), infrastructure.postgres(),
                infrastructure.kafka(), keycloak.join().issuer(), "demo");
        // The realm sends people back to the console at http://localhost:8080 only; it may run elsewhere
        // (STACK_WEB_CONSOLE_PORT, so that the tests do not clash with a running stack).
        Infrastructure.tokens().allowRedirect(StackService.WEB_CONSOLE.url() + "/*");
        try {
            Map<StackService, Duration> ready = started.startAll(START_TIMEOUT);
            ready.forEach((service, took) ->
                    System.out.printf("%s ready in %d ms%n", service.moduleName(), took.toMillis()));
            System.out.printf("web-console ready in %d ms%n", started.startConsole(START_TIMEOUT).toMillis());
            return started;
        } catch (RuntimeException e) {
            started.close(); // nothing half-started left behind
            startFailure = e;
            throw e;
        }
    }
}

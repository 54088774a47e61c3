package com.networkpin.console;

import com.networkpin.localinfra.FreePort;
import com.networkpin.localinfra.Infrastructure;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The console under test with the real Keycloak and, as its reservation-service, a local HTTP server whose
 * behaviour the test chooses: answering at once, answering past the console's read time-out, or refusing
 * with 503 and Retry-After. Its pin-service is a port where nothing listens (the connection is refused).
 */
public class StandInServices implements QuarkusTestResourceLifecycleManager {

    /** What the stand-in reservation-service does with the next requests. */
    enum Behaviour { ANSWER, SLOW, OVERLOADED }

    static final long SLOW_SECONDS = 10;
    static final int RETRY_AFTER_SECONDS = 7;
    static volatile Behaviour behaviour = Behaviour.ANSWER;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        var keycloak = Infrastructure.keycloakInBackground();
        server = serve(StandInServices::answer);
        return Map.of("quarkus.oidc.auth-server-url", keycloak.join().issuer(),
                "network-pin.console.reservation-service-url", "http://localhost:" + server.getAddress().getPort(),
                "network-pin.console.pin-service-url", "http://localhost:" + FreePort.find(),
                "network-pin.console.calls.connect-timeout", "PT1S",
                "network-pin.console.calls.read-timeout", "PT1S",
                "network-pin.console.calls.retry-after", "PT4S");
    }

    /** A local HTTP server on a free port, answering every path with {@code handler}. */
    static HttpServer serve(HttpHandler handler) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("no port for a stand-in service", e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", handler);
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (behaviour) {
                case SLOW -> {
                    sleep();
                    send(exchange, 200, "application/json", "[]");
                }
                case OVERLOADED -> {
                    exchange.getResponseHeaders().add("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
                    send(exchange, 503, "application/problem+json", "{\"type\":\"/problems/overloaded\","
                            + "\"title\":\"Overloaded\",\"status\":503,\"detail\":\"nothing was recorded\"}");
                }
                default -> send(exchange, 200, "application/json", "[]");
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(SLOW_SECONDS * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the console gave up waiting: nobody reads this answer
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

package com.networkpin.support;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * A stop that drops nothing. On SIGTERM Quarkus turns readiness DOWN first ({@code quarkus.shutdown.delay-enabled}:
 * the load balancer stops sending here) and waits {@code quarkus.shutdown.delay}; from that moment every new
 * request but the {@code /q/} endpoints (health, metrics) is answered 503 {@code shutting-down} with Retry-After
 * and {@code Connection: close}, before it is read, so a client retries elsewhere or later. Requests already
 * accepted go on: Quarkus waits for them up to {@code quarkus.shutdown.timeout}, and only then fires
 * {@link ShutdownEvent}, on which the consumers and the outbox relay stop after the batch or round in hand.
 */
@ApplicationScoped
public class Draining {

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Logger LOG = Logger.getLogger(Draining.class);

    private volatile boolean stopping;

    void onDelay(@Observes ShutdownDelayInitiatedEvent event) {
        LOG.info("stopping: readiness is DOWN, new requests are refused (503), accepted ones are answered");
        stopping = true;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public boolean isStopping() {
        return stopping;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            if (stopping && !ctx.normalizedPath().startsWith("/q/")) {
                Overload.answer(ctx.response().putHeader(HttpHeaders.CONNECTION, "close"), Overload.shuttingDown(RETRY_AFTER));
                return;
            }
            ctx.next();
        });
    }
}

package com.networkpin.eventstore.outbox;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the outbox relay: DOWN when its thread has ended (nothing would leave any more). Parked
 * rows keep it UP, since the other keys flow, and are reported with the relay's last failure.
 */
@Readiness
@ApplicationScoped
public class OutboxRelayHealth implements AsyncHealthCheck {

    private static final Duration DB_TIMEOUT = Duration.ofSeconds(5);

    private final OutboxRelay relay;
    private final ParkedOutbox parked;

    public OutboxRelayHealth(OutboxRelay relay, ParkedOutbox parked) {
        this.relay = relay;
        this.parked = parked;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        OutboxRelay.State state = relay.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay")
                .status(state != OutboxRelay.State.STOPPED)
                .withData("state", state.name());
        String failure = relay.lastFailure();
        if (failure != null) {
            response.withData("last-failure", failure);
        }
        return parked.count().ifNoItem().after(DB_TIMEOUT).fail()
                .map(count -> response.withData("parked", count).build())
                .onFailure().recoverWithItem(e -> response.withData("parked", "unknown").build());
    }
}

package com.networkpin.reservation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networkpin.eventstore.idempotency.IdempotencyStore;
import com.networkpin.eventstore.idempotency.IdempotentRequest;
import com.networkpin.eventstore.idempotency.NewAnswer;
import com.networkpin.reservation.rest.ReservationView;
import com.networkpin.support.idempotency.IdempotencyHeader;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The answers of check-ins, cancellations and reschedules sent with an Idempotency-Key (event-store's
 * kept answers). Called once the reservation's stream is locked and the caller allowed: a retry waits
 * there for a first request in flight, then gets its answer. A refusal is not kept: it changed nothing,
 * and decided again on the same state it answers the same.
 */
@ApplicationScoped
public class ChangeAnswers {

    private static final int OK = 200;

    private final IdempotencyStore store;
    private final ObjectMapper json;

    public ChangeAnswers(IdempotencyStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /** The kept answer for the request's key, else the change, kept with its answer in this transaction. */
    Uni<BookingOutcome> once(SqlClient tx, Optional<IdempotentRequest> idempotency, Instant now,
                             Supplier<Uni<ReservationView>> change) {
        if (idempotency.isEmpty()) {
            return change.get().map(view -> new BookingOutcome(view, false));
        }
        IdempotentRequest request = idempotency.get();
        return store.find(tx, request.key()).chain(earlier -> {
            if (earlier.isPresent()) {
                if (!request.sameRequestAs(earlier.get())) {
                    throw IdempotencyHeader.reused();
                }
                return Uni.createFrom().item(new BookingOutcome(read(earlier.get().body()), true));
            }
            return change.get().call(view -> store.keep(tx, new NewAnswer(request, OK, write(view)), now))
                    .map(view -> new BookingOutcome(view, false));
        });
    }

    private ReservationView read(String body) {
        try {
            return json.readValue(body, ReservationView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept answer cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private String write(ReservationView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer cannot be written: " + e.getClass().getSimpleName());
        }
    }
}

package com.networkpin.reservation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networkpin.reservation.domain.BookVisit;
import com.networkpin.reservation.rest.ReservationView;
import com.networkpin.reservation.store.IdempotencyStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The answers of booking requests by Idempotency-Key: a key that already booked answers what it
 * answered then, and a key sent again with another request is refused.
 */
@ApplicationScoped
public class BookingAnswers {

    private final IdempotencyStore idempotency;
    private final ObjectMapper json;

    public BookingAnswers(IdempotencyStore idempotency, ObjectMapper json) {
        this.idempotency = idempotency;
        this.json = json;
    }

    /** Claims the key in this transaction; the earlier answer when the key already booked this request. */
    Uni<Optional<BookingOutcome>> claim(SqlClient tx, String key, BookVisit command, Instant now) {
        String hash = requestHash(command);
        return idempotency.claim(tx, key, hash, now)
                .map(earlier -> earlier.map(answer -> replay(answer, hash)));
    }

    /** Keeps the answer with the booking, in the booking's transaction. */
    Uni<Void> keep(SqlClient tx, String key, String reservationNumber, ReservationView answer) {
        return idempotency.complete(tx, key, reservationNumber, write(answer));
    }

    private BookingOutcome replay(IdempotencyStore.Earlier earlier, String hash) {
        if (!earlier.requestHash().equals(hash)) {
            throw new IdempotencyKeyReused();
        }
        try {
            return new BookingOutcome(json.readValue(earlier.response(), ReservationView.class), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer unreadable for " + earlier.reservationNumber(), e);
        }
    }

    private String write(ReservationView answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer not serialisable", e);
        }
    }

    /** The booking request's meaning, so that the same request written differently is still the same. */
    static String requestHash(BookVisit command) {
        String canonical = String.join("\n", command.contractId(), command.shopId(), command.start().toString(),
                command.purpose().name());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}

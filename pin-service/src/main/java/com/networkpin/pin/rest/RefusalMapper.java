package com.networkpin.pin.rest;

import com.networkpin.pin.domain.PinRefused;
import com.networkpin.pin.domain.RefusalReason;
import com.networkpin.support.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A domain refusal as a problem answer whose {@code reason} is the machine-readable {@link RefusalReason}. */
public class RefusalMapper {

    /** How soon the shop terminal may ask again for a grant that has not arrived. */
    static final Duration GRANT_RETRY = Duration.ofSeconds(5);

    private final Clock clock;

    public RefusalMapper(Clock clock) {
        this.clock = clock;
    }

    @ServerExceptionMapper
    public Response refused(PinRefused e) {
        Response response = problem(e).toResponse();
        Duration retryAfter = retryAfter(e);
        return retryAfter == null ? response
                : Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, retryAfter.toSeconds()).build();
    }

    static Problem problem(PinRefused e) {
        RefusalReason reason = e.reason();
        Problem problem = switch (reason) {
            case NOT_FOUR_DIGITS -> Problem.of(422, "invalid-pin", "Invalid PIN", e.getMessage());
            case ALL_SAME_DIGITS, ASCENDING_RUN, DESCENDING_RUN, BIRTH_DATE, BIRTH_YEAR, PHONE_NUMBER ->
                    Problem.of(422, "weak-pin", "PIN too easy to guess", e.getMessage());
            case PIN_NOT_SET -> Problem.of(404, "pin-not-set", "No PIN", e.getMessage());
            case PIN_ALREADY_SET -> Problem.of(409, "pin-already-set", "PIN already set", e.getMessage());
            case OUTSIDE_MANNED_HOURS -> Problem.of(409, "manned-chat-closed", "Manned chat closed", e.getMessage())
                    .with("mannedChatOpensAt", e.retryAt().orElse(null));
            case DAILY_DISCLOSURE_LIMIT -> Problem.of(429, "disclosure-limit", "Daily disclosure limit reached",
                    e.getMessage()).with("retryAt", e.retryAt().orElse(null));
            case AGENT_DISCLOSURE_LIMIT -> Problem.of(429, "agent-disclosure-limit", "Disclosure limit of this agent reached",
                    e.getMessage()).with("retryAt", e.retryAt().orElse(null));
            case STAFF_RESET_LIMIT -> Problem.of(429, "staff-reset-limit", "Reset limit of this staff member reached",
                    e.getMessage()).with("retryAt", e.retryAt().orElse(null));
            case GRANT_NOT_RECEIVED -> Problem.of(409, "reset-grant-pending", "Reset grant not received yet",
                    e.getMessage()).with("retryable", true);
            case GRANT_OF_ANOTHER_SHOP -> Problem.of(403, "grant-of-another-shop", "Reset grant of another shop",
                    e.getMessage());
            case GRANT_EXPIRED, GRANT_USED -> Problem.of(409, "reset-grant-unusable", "Reset grant not usable",
                    e.getMessage());
        };
        return problem.with("reason", reason.name());
    }

    private Duration retryAfter(PinRefused e) {
        if (e.reason() == RefusalReason.GRANT_NOT_RECEIVED) {
            return GRANT_RETRY;
        }
        return e.retryAt().map(at -> Duration.between(clock.instant(), at))
                .map(d -> d.isNegative() ? Duration.ZERO : Duration.ofSeconds(d.getSeconds() + (d.getNano() > 0 ? 1 : 0)))
                .orElse(null);
    }
}

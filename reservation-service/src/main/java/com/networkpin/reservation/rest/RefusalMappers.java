package com.networkpin.reservation.rest;

import com.networkpin.reservation.domain.IdentityDocuments;
import com.networkpin.reservation.domain.Refusal;
import com.networkpin.reservation.domain.Refused;
import com.networkpin.reservation.service.IdempotencyKeyReused;
import com.networkpin.reservation.service.ReservationNotFound;
import com.networkpin.reservation.service.ShopNotFound;
import com.networkpin.support.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The service's refusals as problem+json: 422 for a request that cannot succeed, 409 for a clash with state. */
public class RefusalMappers {

    @ServerExceptionMapper
    public Response refused(Refused e) {
        Refusal refusal = e.refusal();
        int status = refusal.kind() == Refusal.Kind.CONFLICT ? 409 : 422;
        Problem problem = Problem.of(status, refusal.slug(), refusal.title(), e.getMessage());
        if (refusal == Refusal.DOCUMENT_NOT_ACCEPTED) {
            problem = problem.with("accepted", IdentityDocuments.ACCEPTED);
        }
        return problem.toResponse();
    }

    @ServerExceptionMapper
    public Response reservationNotFound(ReservationNotFound e) {
        return Problem.of(404, "reservation-not-found", "Reservation not found",
                "No reservation has this number.").toResponse();
    }

    @ServerExceptionMapper
    public Response shopNotFound(ShopNotFound e) {
        return Problem.of(404, "shop-not-found", "Shop not found", "No shop has this id.").toResponse();
    }

    @ServerExceptionMapper
    public Response idempotencyKeyReused(IdempotencyKeyReused e) {
        return Problem.of(422, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage()).toResponse();
    }
}

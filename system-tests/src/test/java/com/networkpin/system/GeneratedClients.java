package com.networkpin.system;

import com.networkpin.launcher.Actor;
import com.networkpin.launcher.StackService;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The clients openapi-generator wrote from each service's OpenAPI document (system-tests' pom), each
 * calling as one principal with its real Keycloak bearer token: the generated {@code native} library
 * has no bearer authentication of its own, so a request interceptor adds the header.
 */
final class GeneratedClients {

    /** A refused call as the generated client reports it: its status, content type and problem body. */
    record Refusal(int status, String contentType, String body) {
    }

    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    private GeneratedClients() {
    }

    static com.networkpin.client.pin.ApiClient pinService(Actor actor) {
        var client = new com.networkpin.client.pin.ApiClient();
        client.updateBaseUri(StackService.PIN_SERVICE.url());
        return client.setRequestInterceptor(bearer(actor));
    }

    static com.networkpin.client.scheduler.ApiClient lockScheduler(Actor actor) {
        var client = new com.networkpin.client.scheduler.ApiClient();
        client.updateBaseUri(StackService.LOCK_SCHEDULER.url());
        return client.setRequestInterceptor(bearer(actor));
    }

    static com.networkpin.client.reservation.ApiClient reservationService(Actor actor) {
        var client = new com.networkpin.client.reservation.ApiClient();
        client.updateBaseUri(StackService.RESERVATION_SERVICE.url());
        return client.setRequestInterceptor(bearer(actor));
    }

    private static Consumer<HttpRequest.Builder> bearer(Actor actor) {
        return request -> {
            String token = actor.bearer();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
        };
    }

    /** The refusal of a call that must fail. */
    static Refusal refusal(Callable<?> call) {
        return refusalOf(call).orElseThrow(() -> new AssertionError("expected a refusal but the call succeeded"));
    }

    /** The refusal of a call, or empty when it succeeded; each generated client has its own ApiException class. */
    static Optional<Refusal> refusalOf(Callable<?> call) {
        try {
            call.call();
            return Optional.empty();
        } catch (com.networkpin.client.pin.ApiException e) {
            return Optional.of(refusal(e.getCode(), e.getResponseHeaders(), e.getResponseBody()));
        } catch (com.networkpin.client.scheduler.ApiException e) {
            return Optional.of(refusal(e.getCode(), e.getResponseHeaders(), e.getResponseBody()));
        } catch (com.networkpin.client.reservation.ApiException e) {
            return Optional.of(refusal(e.getCode(), e.getResponseHeaders(), e.getResponseBody()));
        } catch (Exception e) {
            throw new AssertionError("the call failed without an answer", e);
        }
    }

    private static Refusal refusal(int status, HttpHeaders headers, String body) {
        return new Refusal(status, headers == null ? "" : headers.firstValue("Content-Type").orElse(""), body);
    }

    /** Calls until the answer satisfies {@code done}; a refusal meanwhile (e.g. 404 before a consumer ran) is "not yet". */
    static <T> T await(String what, Callable<T> call, Predicate<T> done) {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                T answer = call.call();
                if (done.test(answer)) {
                    return answer;
                }
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        throw new AssertionError("waited " + PROPAGATION.toSeconds() + " s for " + what, last);
    }
}

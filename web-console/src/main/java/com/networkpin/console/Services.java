package com.networkpin.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networkpin.console.SchedulerViews.Listing;
import com.networkpin.console.SchedulerViews.NextMidnight;
import com.networkpin.console.SchedulerViews.PendingLock;
import com.networkpin.console.SchedulerViews.PublishedMidnight;
import com.networkpin.console.Views.DaySlots;
import com.networkpin.console.Views.Disclosed;
import com.networkpin.console.Views.HistoryEntry;
import com.networkpin.console.Views.InsiderPage;
import com.networkpin.console.Views.PinState;
import com.networkpin.console.Views.Reservation;
import com.networkpin.console.Views.Shop;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The services' REST APIs, called with the logged-in person's own access token: the services
 * decide what the person may do, the console only shows it. A refusal becomes a
 * {@link ServiceProblem}. Every call has a connect and a read time-out ({@link ServiceCalls}); a service
 * that answers 503 or 429, times out or refuses the connection is busy: the page says "try again" with
 * the service's Retry-After (else the console's own) and answers 503 ({@link Busy}). Nothing here logs a
 * request body (a new PIN travels in one).
 */
@ApplicationScoped
public class Services {

    private static final Logger LOG = Logger.getLogger(Services.class);
    private final HttpClient http;
    private final ServiceCalls calls;
    private final Busy busy;
    private final ObjectMapper json;
    private final String pinService;
    private final String reservationService;
    private final String lockScheduler;

    public Services(ObjectMapper json, ServiceCalls calls, Busy busy,
                    @ConfigProperty(name = "network-pin.console.pin-service-url") String pinService,
                    @ConfigProperty(name = "network-pin.console.reservation-service-url") String reservationService,
                    @ConfigProperty(name = "network-pin.console.lock-scheduler-url") String lockScheduler) {
        this.json = json;
        this.calls = calls;
        this.busy = busy;
        this.http = HttpClient.newBuilder().connectTimeout(calls.connectTimeout()).build();
        this.pinService = pinService;
        this.reservationService = reservationService;
        this.lockScheduler = lockScheduler;
    }

    public PinState pinState(String token, String contractId) {
        return call(token, "GET", pinService + "/contracts/" + path(contractId) + "/pin", null, Map.of(), PinState.class);
    }

    /** The PIN's events, oldest first (support-agent, or the holder). */
    public List<HistoryEntry> history(String token, String contractId) {
        return call(token, "GET", pinService + "/contracts/" + path(contractId) + "/pin/history", null, Map.of(),
                new TypeReference<List<HistoryEntry>>() { });
    }

    /**
     * The manned chat's disclosure: the answer holds the PIN, for the one page that shows it. The
     * agent and their session recorded are the token's; the console sends the identity-check method and the
     * chat's case number.
     */
    public Disclosed disclose(String token, String contractId, String identityCheck, String caseRef) {
        return call(token, "POST", pinService + "/contracts/" + path(contractId) + "/pin/disclosures",
                Map.of("identityCheck", identityCheck, "identityCheckRef", caseRef), Map.of(), Disclosed.class);
    }

    /** One page of the audit trail of disclosures and resets (operator); null filters are left out. */
    public InsiderPage insiderActions(String token, AuditFilter filter, Long before) {
        StringBuilder url = new StringBuilder(pinService).append("/audit/insider-actions?limit=").append(AuditFilter.PAGE);
        filter.parameters().forEach((name, value) -> url.append('&').append(name).append('=').append(query(value)));
        if (before != null) {
            url.append("&before=").append(before);
        }
        return call(token, "GET", url.toString(), null, Map.of(), InsiderPage.class);
    }

    /** A new PIN under the reservation's reset grant (shop terminal). */
    public void resetPin(String token, String contractId, String reservationNumber, String newPin) {
        call(token, "POST", pinService + "/contracts/" + path(contractId) + "/pin/reset",
                Map.of("reservationNumber", reservationNumber, "newPin", newPin), Map.of(), JsonNode.class);
    }

    /** The public shop finder: every shop, or those of one prefecture. */
    public List<Shop> shops(String prefecture) {
        String query = prefecture == null || prefecture.isBlank() ? "" : "?prefecture=" + query(prefecture);
        return call(null, "GET", reservationService + "/shops" + query, null, Map.of(), new TypeReference<List<Shop>>() { });
    }

    public Shop shop(String shopId) {
        return call(null, "GET", reservationService + "/shops/" + path(shopId), null, Map.of(), Shop.class);
    }

    public DaySlots slots(String shopId, LocalDate date) {
        return call(null, "GET", reservationService + "/shops/" + path(shopId) + "/slots?date=" + date, null, Map.of(),
                DaySlots.class);
    }

    /** A shop's visits of one Japan date (its own staff). */
    public List<Reservation> visitsOf(String token, String shopId, LocalDate date) {
        return call(token, "GET", reservationService + "/shops/" + path(shopId) + "/reservations?date=" + date, null,
                Map.of(), new TypeReference<List<Reservation>>() { });
    }

    /** Adds or replaces a shop (operator). */
    public Shop putShop(String token, String shopId, Map<String, Object> definition) {
        return call(token, "PUT", reservationService + "/shops/" + path(shopId), definition, Map.of(), Shop.class);
    }

    public Listing<PendingLock> pendingLocks(String token, int page) {
        return call(token, "GET", lockScheduler + "/locks?size=20&page=" + page, null, Map.of(),
                new TypeReference<Listing<PendingLock>>() { });
    }

    public NextMidnight nextMidnight(String token) {
        return call(token, "GET", lockScheduler + "/midnights/next", null, Map.of(), NextMidnight.class);
    }

    public Listing<PublishedMidnight> midnights(String token) {
        return call(token, "GET", lockScheduler + "/midnights?size=10", null, Map.of(),
                new TypeReference<Listing<PublishedMidnight>>() { });
    }

    /** Books under {@code idempotencyKey}: the same key and request again answer the same reservation. */
    public Reservation book(String token, String idempotencyKey, String contractId, String shopId,
                            OffsetDateTime start, String purpose) {
        return call(token, "POST", reservationService + "/reservations",
                Map.of("contractId", contractId, "shopId", shopId, "start", start.toString(), "purpose", purpose),
                Map.of("Idempotency-Key", idempotencyKey), Reservation.class);
    }

    public List<Reservation> reservationsOf(String token, String contractId) {
        return call(token, "GET", reservationService + "/contracts/" + path(contractId) + "/reservations", null,
                Map.of(), new TypeReference<List<Reservation>>() { });
    }

    public Reservation reservation(String token, String number) {
        return call(token, "GET", reservationService + "/reservations/" + path(number), null, Map.of(), Reservation.class);
    }

    public Reservation cancel(String token, String number) {
        return call(token, "POST", reservationService + "/reservations/" + path(number) + "/cancel", null, Map.of(),
                Reservation.class);
    }

    public Reservation checkIn(String token, String number, String idDocument, boolean original) {
        return call(token, "POST", reservationService + "/reservations/" + path(number) + "/check-in",
                Map.of("idDocument", idDocument, "original", original), Map.of(), Reservation.class);
    }

    private <T> T call(String token, String method, String url, Object body, Map<String, String> headers, Class<T> type) {
        return call(token, method, url, body, headers, json.constructType(type));
    }

    private <T> T call(String token, String method, String url, Object body, Map<String, String> headers,
                       TypeReference<T> type) {
        return call(token, method, url, body, headers, json.constructType(type));
    }

    private <T> T call(String token, String method, String url, Object body, Map<String, String> headers, JavaType type) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(calls.readTimeout())
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 503 || response.statusCode() == 429) {
                throw busy.saw(ServiceProblem.busy(response.statusCode(), readProblem(response.body()),
                        Busy.retryAfter(response.headers().firstValue("Retry-After"), calls.retryAfter())));
            }
            if (response.statusCode() >= 400) {
                throw new ServiceProblem(response.statusCode(), readProblem(response.body()));
            }
            return json.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            LOG.warnf("%s %s answered what the console cannot read", method, URI.create(url).getPath());
            throw ServiceProblem.unreachable();
        } catch (IOException e) {
            // A time-out, a refused connection or a broken one. The URL names no secret; the body (which may
            // hold a PIN) is never logged.
            LOG.warnf("%s %s failed: %s", method, URI.create(url).getPath(), e.getClass().getSimpleName());
            throw busy.saw(ServiceProblem.busy(0, null, calls.retryAfter()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServiceProblem.unreachable();
        }
    }

    private JsonNode readProblem(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

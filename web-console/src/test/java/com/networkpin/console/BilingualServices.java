package com.networkpin.console;

import com.networkpin.localinfra.Infrastructure;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.Map;

/**
 * The console under test with the real Keycloak and, as its pin-service and reservation-service, one local
 * HTTP server answering as they do: a locked PIN with its guidance notes (one of a code the console does
 * not know), no bookings, and two shops named in English and in Japanese.
 */
public class BilingualServices implements QuarkusTestResourceLifecycleManager {

    static final String LOCKED_PIN = """
            {"contractId":"C-0001","status":"LOCKED","consecutiveFailures":3,"remainingAttempts":0,
             "lockedAt":"2026-12-08T15:00:00+09:00","unlocksAt":"2026-12-09T00:00:00+09:00",
             "guidance":{"chatbot":"The support chatbot answers 24 hours a day about the PIN's state.",
              "mannedChat":{"openNow":false,"hours":"09:00-20:00 Asia/Tokyo","nextOpening":"2026-12-09T09:00:00+09:00",
               "forgottenPin":"Only the manned chat confirms a forgotten PIN."},
              "shopReset":"The lock lifts by itself at 2026-12-09T00:00:00+09:00 (00:00 Asia/Tokyo). To reset ...",
              "notes":[
               {"code":"lock-lifts-at-midnight","params":{"unlocksAt":"2026-12-09T00:00:00+09:00","zone":"Asia/Tokyo"},
                "text":"The lock lifts by itself at 2026-12-09T00:00:00+09:00 (00:00 Asia/Tokyo)."},
               {"code":"shop-reset-sooner","params":{},"text":"To reset the PIN sooner, book a shop visit."},
               {"code":"bring-identity-document","params":{},"text":"Bring an original identity document."},
               {"code":"chatbot-round-the-clock","params":{},"text":"The support chatbot answers 24 hours a day."},
               {"code":"manned-chat-forgotten-pin","params":{},"text":"Only the manned chat confirms a forgotten PIN."},
               {"code":"manned-chat-opens-at","params":{"opens":"09:00","closes":"20:00","zone":"Asia/Tokyo",
                "nextOpening":"2026-12-09T09:00:00+09:00"},"text":"The manned chat opens next at 09:00."},
               {"code":"a-code-from-the-future","params":{},"text":"A sentence the console cannot word yet."}]}}
            """;

    static final String SHOPS = """
            [{"id":"aichi-nagoya-sakae","name":"Nagoya Sakae Shop","nameJa":"名古屋栄店","prefecture":"Aichi",
              "prefectureJa":"愛知県","address":"3-5-1 Sakae, Naka-ku, Nagoya 460-0008","counters":2,
              "openingHours":{"MONDAY":{"opens":"10:00","closes":"19:00"}},"closedDates":[]},
             {"id":"tokyo-shinjuku-west","name":"Shinjuku West Exit Shop","nameJa":"新宿西口店","prefecture":"Tokyo",
              "prefectureJa":"東京都","address":"1-5-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo 160-0023","counters":4,
              "openingHours":{"MONDAY":{"opens":"10:00","closes":"19:00"}},"closedDates":[]}]
            """;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        var keycloak = Infrastructure.keycloakInBackground();
        server = StandInServices.serve(BilingualServices::answer);
        String url = "http://localhost:" + server.getAddress().getPort();
        return Map.of("quarkus.oidc.auth-server-url", keycloak.join().issuer(),
                "network-pin.console.reservation-service-url", url,
                "network-pin.console.pin-service-url", url);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = path.endsWith("/pin") ? LOCKED_PIN : path.startsWith("/shops") ? SHOPS : "[]";
            StandInServices.send(exchange, 200, "application/json", body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}

package com.networkpin.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.networkpin.launcher.Http;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The pin-service's REST API as the fault tests use it, against one instance, with real tokens. */
final class PinApi {

    static final String RIGHT_PIN = "2580";
    static final String WRONG_PIN = "1357";

    /** One entry of the support history: the event id is the envelope id on the PIN topic. */
    record HistoryEntry(UUID eventId, String type, JsonNode data) {
    }

    /** The pin-service's view of a contract's lock: empty when not locked. */
    record Status(String status, Optional<Instant> unlocksAt) {
    }

    private final Http contracting = RunningSystem.as(RunningSystem.actors().contracting());
    private final Http channel = RunningSystem.as(RunningSystem.actors().channel());
    private final Http agent = RunningSystem.as(RunningSystem.actors().supportAgent());
    private final String url;

    PinApi(String url) {
        this.url = url;
    }

    Http.Reply setPin(String contractId) {
        return contracting.put(url + "/contracts/" + contractId + "/pin", Map.of("pin", RIGHT_PIN));
    }

    Http.Reply verify(String contractId, String pin) {
        return channel.post(url + "/contracts/" + contractId + "/pin/verifications",
                Map.of("pin", pin, "channel", "MY_DOCOMO"));
    }

    /** Sets a PIN and locks it with three wrong entries; returns when the lock lifts. */
    Instant setAndLock(String contractId) {
        expect(setPin(contractId), 201);
        Http.Reply third = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            third = expect(verify(contractId, WRONG_PIN), 200);
        }
        if (!"LOCKED".equals(third.text("outcome"))) {
            throw new AssertionError("the third wrong entry did not lock " + contractId + ": " + third.rawBody());
        }
        return Instant.parse(third.text("unlocksAt"));
    }

    Status status(String contractId) {
        Http.Reply reply = agent.get(url + "/contracts/" + contractId + "/pin");
        if (reply.status() == 404) {
            return new Status("NOT_SET", Optional.empty());
        }
        expect(reply, 200);
        String status = reply.text("status");
        return new Status(status, "LOCKED".equals(status)
                ? Optional.of(Instant.parse(reply.text("unlocksAt"))) : Optional.empty());
    }

    List<HistoryEntry> history(String contractId) {
        Http.Reply reply = expect(agent.get(url + "/contracts/" + contractId + "/pin/history"), 200);
        List<HistoryEntry> entries = new ArrayList<>();
        for (JsonNode entry : reply.body()) {
            entries.add(new HistoryEntry(UUID.fromString(entry.path("eventId").asText()),
                    entry.path("type").asText(), entry.path("data")));
        }
        return entries;
    }

    static Http.Reply expect(Http.Reply reply, int... statuses) {
        if (Arrays.stream(statuses).noneMatch(status -> status == reply.status())) {
            throw new AssertionError("expected " + Arrays.toString(statuses) + " from " + reply.method() + " "
                    + reply.url() + " but got " + reply.status() + ": " + reply.rawBody());
        }
        return reply;
    }
}

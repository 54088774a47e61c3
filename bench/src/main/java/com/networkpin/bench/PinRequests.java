package com.networkpin.bench;

import com.networkpin.launcher.Actor;
import com.networkpin.launcher.StackService;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * The pin-service requests the benchmark sends: as the contracting system and a channel gateway; to the
 * stack's pin-service, or to another instance (the old path) or the floor fixture, at their own address.
 */
final class PinRequests {

    private final String url;
    private final Actor contracting = Principals.actors().contracting();
    private final Actor channel = Principals.actors().channel();

    PinRequests() {
        this(StackService.PIN_SERVICE.url());
    }

    PinRequests(String url) {
        this.url = url;
    }

    HttpRequest set(String contract, String pin) {
        return HttpRequest.newBuilder(URI.create(url + "/contracts/" + contract + "/pin"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + contracting.bearer())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"pin\":\"" + pin + "\"}"))
                .build();
    }

    HttpRequest verification(String contract, String pin) {
        return asChannel("/contracts/" + contract + "/pin/verifications",
                "{\"pin\":\"" + pin + "\",\"channel\":\"MY_DOCOMO\"}");
    }

    /** A verification's body (with the contract the pin-service takes from its path) to a floor endpoint. */
    HttpRequest floor(String endpoint, String contract, String pin) {
        return asChannel(endpoint, "{\"contractId\":\"" + contract + "\",\"pin\":\"" + pin + "\",\"channel\":\"MY_DOCOMO\"}");
    }

    private HttpRequest asChannel(String path, String body) {
        return HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + channel.bearer())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}

package com.networkpin.bench;

import com.networkpin.launcher.StackService;
import java.net.URI;
import java.net.http.HttpRequest;

/** The pin-service requests the benchmark sends. */
final class PinRequests {

    private final String url = StackService.PIN_SERVICE.url();

    HttpRequest set(String contract, String pin) {
        return HttpRequest.newBuilder(URI.create(url + "/contracts/" + contract + "/pin"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"pin\":\"" + pin + "\"}"))
                .build();
    }

    HttpRequest verification(String contract, String pin) {
        return HttpRequest.newBuilder(URI.create(url + "/contracts/" + contract + "/pin/verifications"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pin\":\"" + pin + "\",\"channel\":\"MY_DOCOMO\"}"))
                .build();
    }
}

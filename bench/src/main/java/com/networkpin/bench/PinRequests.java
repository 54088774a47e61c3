package com.networkpin.bench;

import com.networkpin.launcher.Actor;
import com.networkpin.launcher.StackService;
import java.net.URI;
import java.net.http.HttpRequest;

/** The pin-service requests the benchmark sends: as the contracting system and a channel gateway. */
final class PinRequests {

    private final String url = StackService.PIN_SERVICE.url();
    private final Actor contracting = Principals.actors().contracting();
    private final Actor channel = Principals.actors().channel();

    HttpRequest set(String contract, String pin) {
        return HttpRequest.newBuilder(URI.create(url + "/contracts/" + contract + "/pin"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + contracting.bearer())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"pin\":\"" + pin + "\"}"))
                .build();
    }

    HttpRequest verification(String contract, String pin) {
        return HttpRequest.newBuilder(URI.create(url + "/contracts/" + contract + "/pin/verifications"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + channel.bearer())
                .POST(HttpRequest.BodyPublishers.ofString("{\"pin\":\"" + pin + "\",\"channel\":\"MY_DOCOMO\"}"))
                .build();
    }
}

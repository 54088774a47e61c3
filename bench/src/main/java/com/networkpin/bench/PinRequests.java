package com.networkpin.bench;

import com.networkpin.launcher.Actor;
import com.networkpin.launcher.StackService;

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

    JsonRequest set(String contract, String pin) {
        return JsonRequest.put(url + "/contracts/" + contract + "/pin", contracting.bearer(),
                "{\"pin\":\"" + pin + "\"}");
    }

    JsonRequest verification(String contract, String pin) {
        return verification(channel, "MY_DOCOMO", contract, pin);
    }

    /** As {@code gateway}, for a channel its token allows. */
    JsonRequest verification(Actor gateway, String channelName, String contract, String pin) {
        return JsonRequest.post(url + "/contracts/" + contract + "/pin/verifications", gateway.bearer(),
                "{\"pin\":\"" + pin + "\",\"channel\":\"" + channelName + "\"}");
    }

    /** A verification's body (with the contract the pin-service takes from its path) to a floor endpoint. */
    JsonRequest floor(String endpoint, String contract, String pin) {
        return asChannel(endpoint, "{\"contractId\":\"" + contract + "\",\"pin\":\"" + pin + "\",\"channel\":\"MY_DOCOMO\"}");
    }

    private JsonRequest asChannel(String path, String body) {
        return JsonRequest.post(url + path, channel.bearer(), body);
    }
}

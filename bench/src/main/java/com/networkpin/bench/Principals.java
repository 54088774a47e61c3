package com.networkpin.bench;

import com.networkpin.launcher.Actors;
import com.networkpin.localinfra.Infrastructure;

/** Who the benchmark calls as: real principals with tokens of the benchmark's own Keycloak. */
final class Principals {

    private static final Actors ACTORS = new Actors(Infrastructure.tokens());

    private Principals() {
    }

    static Actors actors() {
        return ACTORS;
    }
}

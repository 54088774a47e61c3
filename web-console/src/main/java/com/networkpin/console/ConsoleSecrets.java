package com.networkpin.console;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start without the console's two keys (production reads them from the environment;
 * dev, test and demo have development values). Quarkus OIDC reads the session key only when a
 * login needs it and would then draw a random one, logging everyone out at each restart.
 */
@Startup
@ApplicationScoped
public class ConsoleSecrets {

    static final int MIN_LENGTH = 32;

    public ConsoleSecrets(@ConfigProperty(name = "quarkus.oidc.token-state-manager.encryption-secret") String session,
                          @ConfigProperty(name = "quarkus.oidc.authentication.state-secret") String state) {
        if (session.length() < MIN_LENGTH || state.length() < MIN_LENGTH) {
            throw new IllegalStateException("CONSOLE_SESSION_SECRET and CONSOLE_STATE_SECRET need at least "
                    + MIN_LENGTH + " characters");
        }
    }
}

package com.networkpin.pin.config;

import com.networkpin.pin.domain.HmacAesPinSecrets;
import com.networkpin.pin.domain.PinPolicy;
import com.networkpin.pin.domain.PinSecrets;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the domain's policy and key holder from configuration, and checks the keys at start-up. */
@ApplicationScoped
public class PinBeans {

    private static final String PROD_PROFILE = "prod";

    private final PinConfig config;

    public PinBeans(PinConfig config) {
        this.config = config;
    }

    /**
     * The service does not start with missing keys, or with the development keys in the prod
     * profile. A packaged jar may run another profile (the local stack runs {@code demo}), so the
     * profile decides, not the launch mode.
     */
    void checkSecrets(@Observes StartupEvent event) {
        List<String> problems = SecretsCheck.problems(config.secrets(), config.developmentSecrets(),
                ConfigUtils.getProfiles().contains(PROD_PROFILE));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("pin-service refuses to start, its PIN keys are not usable: "
                    + String.join("; ", problems) + ". Set them from the secret store (see README, pin-service).");
        }
    }

    @Produces
    @Singleton
    PinPolicy policy() {
        return new PinPolicy(config.maxConsecutiveFailures(), config.zone(), config.mannedChatOpens(),
                config.mannedChatCloses(), config.resetGrantLifetime(), config.dailyDisclosureLimit());
    }

    @Produces
    @Singleton
    PinSecrets secrets() {
        PinConfig.Secrets secrets = config.secrets();
        return new HmacAesPinSecrets(decoded(secrets.peppers()), secrets.activePepperId().orElseThrow(),
                secrets.legacyPepperId().orElse(null), decoded(secrets.encryptionKeys()),
                secrets.activeKeyId().orElseThrow());
    }

    private static Map<String, byte[]> decoded(Map<String, String> keys) {
        return keys.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> SecretsCheck.decode(e.getValue())));
    }
}

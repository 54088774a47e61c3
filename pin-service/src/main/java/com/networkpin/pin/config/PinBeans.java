package com.networkpin.pin.config;

import com.networkpin.pin.domain.HmacAesPinSecrets;
import com.networkpin.pin.domain.InsiderPolicy;
import com.networkpin.pin.domain.PinPolicy;
import com.networkpin.pin.domain.PinSecrets;
import com.networkpin.events.JapanTime;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the domain's policy and key holder from configuration, and checks the keys at start-up. */
@ApplicationScoped
public class PinBeans {

    private static final String PROD_PROFILE = "prod";

    private final PinConfig config;
    private final ZoneId zone;

    public PinBeans(PinConfig config,
                    @ConfigProperty(name = JapanTime.ZONE_PROPERTY, defaultValue = JapanTime.DEFAULT_ZONE_ID) ZoneId zone) {
        this.config = config;
        this.zone = zone;
    }

    /** One zone for the whole system: the former pin-only setting may only repeat it. */
    void checkZone(@Observes StartupEvent event) {
        requireOneZone(config.zone(), zone);
    }

    static void requireOneZone(Optional<String> legacySetting, ZoneId zone) {
        legacySetting.map(ZoneId::of).filter(legacy -> !legacy.equals(zone)).ifPresent(legacy -> {
            throw new IllegalStateException("pin-service refuses to start: network-pin.pin.zone=" + legacy
                    + " differs from " + JapanTime.ZONE_PROPERTY + "=" + zone + ". Set only " + JapanTime.ZONE_PROPERTY
                    + ", which every service reads (see README, Configuration).");
        });
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
                    + String.join("; ", problems) + ". Set them from the secret store (see pin-service/README.md).");
        }
    }

    @Produces
    @Singleton
    PinPolicy policy() {
        return new PinPolicy(config.maxConsecutiveFailures(), zone, config.mannedChatOpens(),
                config.mannedChatCloses(), config.resetGrantLifetime(), config.dailyDisclosureLimit());
    }

    @Produces
    @Singleton
    InsiderPolicy insiderPolicy() {
        return new InsiderPolicy(config.insiders().disclosuresPerAgentHour(), config.insiders().disclosuresPerAgentDay(),
                config.insiders().resetsPerStaffDay());
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

package com.networkpin.pin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "network-pin.pin")
public interface PinConfig {

    /** Consecutive wrong entries that lock the PIN. */
    @WithDefault("3")
    int maxConsecutiveFailures();

    /**
     * The former name of {@code network-pin.zone} (see {@link com.networkpin.events.JapanTime}), read by
     * every service. Still accepted when it names the same zone; a different zone refuses the start-up,
     * since the scheduler would then publish midnights hours away from this service's unlock times.
     */
    Optional<String> zone();

    @WithDefault("09:00")
    LocalTime mannedChatOpens();

    @WithDefault("20:00")
    LocalTime mannedChatCloses();

    /** How long after the shop's identity check the terminal may set the new PIN. */
    @WithDefault("PT2H")
    Duration resetGrantLifetime();

    /** Support disclosures per contract per date. */
    @WithDefault("3")
    int dailyDisclosureLimit();

    /** Locks lifted per transaction when a MidnightUnlock arrives. */
    @WithDefault("5000")
    int midnightUnlockChunk();

    /**
     * Transactions a midnight's unlock runs side by side, each on its own share of the contracts (by a
     * hash of the id), so the database works on more than one chunk at a time.
     */
    @WithDefault("2")
    int midnightUnlockLanes();

    /**
     * How far ahead of this service's clock an announced midnight may be and still be applied at once
     * (a scheduler's clock a little ahead). A midnight further ahead is held: remembered, and applied
     * by the unlock sweep once this clock reaches it.
     */
    @WithDefault("PT5S")
    Duration midnightTolerance();

    /**
     * How often the unlock sweep lifts every lock due by the latest midnight received and reached
     * (read by the sweep's {@code @Scheduled} expression; "off" disables it). It catches locks that
     * committed after their midnight's unlock ran, and midnights that were held.
     */
    @WithDefault("5s")
    String unlockSweepEvery();

    GroupCommit groupCommit();

    Insiders insiders();

    /**
     * Limits on the people with power over PINs (InsiderPolicy), in rolling windows: past them a disclosure or
     * reset is refused 429 with the time it frees up, and counted. A carrier's agent confirms a handful of PINs
     * an hour; the defaults leave room for a busy shift and stop a harvest.
     */
    interface Insiders {

        @WithDefault("10")
        int disclosuresPerAgentHour();

        @WithDefault("40")
        int disclosuresPerAgentDay();

        @WithDefault("30")
        int resetsPerStaffDay();
    }

    /**
     * Verifications share transactions: each lane runs one transaction at a time, and the verifications
     * that arrive meanwhile go together in its next one (no waiting when the lane is idle).
     */
    interface GroupCommit {

        /** Off: each verification in a transaction of its own, as every other command. */
        @WithDefault("true")
        boolean enabled();

        /** Transactions in flight at once; a contract always goes to the same lane. */
        @WithDefault("4")
        int lanes();

        /** At most this many verifications in one transaction. */
        @WithDefault("128")
        int maxBatch();

        Admission admission();
    }

    /**
     * Admission control of the verifications' lanes: refuse early, never decide late. A client alone may fill
     * a lane; in a full lane a client below its share takes the place of the newest request of the client
     * holding the most past its share (that one is answered 429). A request that finds its lane full otherwise
     * is answered 503 {@code overloaded} (429 when its own client holds its share), one still waiting at its
     * deadline 503: each before anything is decided or written, with Retry-After. The defaults come from the
     * benchmark (bench/README.md, P7).
     */
    interface Admission {

        /** Off: the lanes queue every request without bound or deadline (the benchmark's baseline). */
        @WithDefault("true")
        boolean enabled();

        /**
         * The most requests one lane holds waiting for their transaction (the target wait may hold it lower):
         * about what a lane starts in 50 ms at P1's capacity (~5,000/s over 4 lanes, ~1,300/s a lane), so that
         * past capacity a request is refused when it arrives, at once, and an admitted one starts within ~50 ms.
         */
        @WithDefault("64")
        int bound();

        /** The share of a full lane's bound one client (the token's {@code azp}) keeps when others wait. */
        @WithDefault("0.5")
        double perClientShare();

        /**
         * How long a request may wait for its transaction to start; past it, it is refused, never decided. A
         * backstop (a stall of the database or of the JVM), well under a gateway's time-out: past capacity the
         * bound refuses first.
         */
        @WithDefault("PT0.5S")
        Duration deadline();

        /**
         * How long an admitted request may expect to wait for its lane: after each batch a lane's room is set to
         * what it starts within this time (at least a few, at most {@code bound}), from its recent time per
         * verification. Half of the accepted requests' latency goal (P7: p99 under 100 ms).
         */
        @WithDefault("PT0.05S")
        Duration targetWait();

        /** The Retry-After of the refusals. */
        @WithDefault("PT1S")
        Duration retryAfter();
    }

    Secrets secrets();

    /** The development keys, known to everyone: only for %dev/%test, refused by the prod profile. */
    Secrets developmentSecrets();

    /** Every value is base64 (standard or URL-safe alphabet, padding optional). */
    interface Secrets {
        /**
         * Pepper id -> base64 of at least 32 bytes: the HMAC keys of the verification hash. Old ids
         * stay to verify PINs hashed before a rotation; each is re-hashed with the active pepper at
         * its next successful verification.
         */
        Map<String, String> peppers();

        /** The pepper id new PINs are hashed with. */
        Optional<String> activePepperId();

        /**
         * The pepper id of PINs stored before peppers had ids. May be left out while one pepper is
         * configured (it is that one); required once there are more, so that a rotation never checks
         * those PINs against the new pepper.
         */
        Optional<String> legacyPepperId();

        /** No longer read (a pepper needs an id): refused at start-up, naming its replacement. */
        Optional<String> pepper();

        /** Key id -> base64 of a 32-byte AES key. Old ids stay to read PINs sealed before a rotation. */
        Map<String, String> encryptionKeys();

        /** The key id new PINs are sealed with. */
        Optional<String> activeKeyId();
    }
}

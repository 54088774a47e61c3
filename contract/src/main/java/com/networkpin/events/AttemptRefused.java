package com.networkpin.events;

import java.time.Instant;

/** An attempt while locked: refused without comparing the PIN. */
public record AttemptRefused(String contractId, Channel channel, Instant attemptedAt, Instant unlocksAt)
        implements PinEvent {
}

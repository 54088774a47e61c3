package com.networkpin.system;

import java.util.ArrayList;
import java.util.List;

/**
 * What one contract's client was told: the event types each accepted answer stands for, in order,
 * and whether its last request went unanswered (sent, but the connection failed or the service
 * answered a 5xx), in which case the pin-service may have recorded up to two more events the client
 * never heard of.
 */
final class ContractLog {

    /** A third wrong entry records the failure and the lock. */
    static final int MOST_EVENTS_PER_REQUEST = 2;

    private final String contractId;
    private final List<String> expectedTypes = new ArrayList<>();
    private boolean locked;
    private boolean unanswered;
    private int accepted;
    private final List<String> refusals = new ArrayList<>();

    ContractLog(String contractId) {
        this.contractId = contractId;
    }

    String contractId() {
        return contractId;
    }

    synchronized void pinSet() {
        accepted++;
        expectedTypes.add("PinSet");
    }

    /** An answered verification: VERIFIED, MISMATCH or LOCKED (the first LOCKED is the lock itself). */
    synchronized void verified(String outcome) {
        accepted++;
        switch (outcome) {
            case "VERIFIED" -> expectedTypes.add("AttemptSucceeded");
            case "MISMATCH" -> expectedTypes.add("AttemptFailed");
            case "LOCKED" -> {
                if (locked) {
                    expectedTypes.add("AttemptRefused");
                } else {
                    expectedTypes.addAll(List.of("AttemptFailed", "Locked"));
                    locked = true;
                }
            }
            default -> throw new IllegalArgumentException("unknown outcome " + outcome);
        }
    }

    synchronized void unanswered() {
        unanswered = true;
    }

    /** An answer other than the expected 2xx: the request changed nothing (or should not have). */
    synchronized void refused(String what) {
        refusals.add(what);
    }

    synchronized List<String> expectedTypes() {
        return List.copyOf(expectedTypes);
    }

    synchronized boolean isUnanswered() {
        return unanswered;
    }

    synchronized int accepted() {
        return accepted;
    }

    synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }
}

package com.networkpin.reservation.domain;

/** A domain decision not to do something; the detail is written by the domain and safe to show. */
public class Refused extends RuntimeException {

    private final Refusal refusal;

    public Refused(Refusal refusal, String detail) {
        super(detail, null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}

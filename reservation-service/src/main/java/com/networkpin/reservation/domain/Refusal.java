package com.networkpin.reservation.domain;

/** Why a request about a shop or a reservation is refused. Each has a stable slug clients branch on. */
public enum Refusal {
    IN_THE_PAST("in-the-past", "Slot in the past", Kind.INVALID),
    NOT_ON_SLOT_BOUNDARY("not-on-slot-boundary", "Not a 15-minute slot", Kind.INVALID),
    TOO_FAR_AHEAD("too-far-ahead", "Too far ahead", Kind.INVALID),
    SHOP_CLOSED("shop-closed", "Shop closed that day", Kind.INVALID),
    OUTSIDE_OPENING_HOURS("outside-opening-hours", "Outside opening hours", Kind.INVALID),
    SAME_SLOT("same-slot", "Already booked for that slot", Kind.INVALID),
    UNKNOWN_SHOP("unknown-shop", "Unknown shop", Kind.INVALID),
    INVALID_SHOP("invalid-shop", "Invalid shop definition", Kind.INVALID),
    DOCUMENT_NOT_ACCEPTED("document-not-accepted", "Identity document not accepted", Kind.INVALID),
    SLOT_FULL("slot-full", "Slot full", Kind.CONFLICT),
    ACTIVE_BOOKING_EXISTS("active-booking-exists", "Already booked for this purpose", Kind.CONFLICT),
    NOT_BOOKED("not-booked", "Reservation not open for this", Kind.CONFLICT),
    CHECK_IN_NOT_TODAY("check-in-not-today", "Not the day of the visit", Kind.CONFLICT),
    CHECK_IN_CLOSED("check-in-closed", "Check-in closed", Kind.CONFLICT);

    /** INVALID: the request can never succeed as sent; CONFLICT: it clashes with the current state. */
    public enum Kind { INVALID, CONFLICT }

    private final String slug;
    private final String title;
    private final Kind kind;

    Refusal(String slug, String title, Kind kind) {
        this.slug = slug;
        this.title = title;
        this.kind = kind;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Kind kind() {
        return kind;
    }
}

package com.networkpin.reservation.domain;

import com.networkpin.events.IdDocument;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The identity check at the shop: only the originals of a few documents prove who the customer is. */
public final class IdentityDocuments {

    /** What the customer is told to bring, and what a refusal lists. */
    public static final List<String> ACCEPTED = List.of(
            "Driving licence (DRIVING_LICENCE), original",
            "My Number card (MY_NUMBER_CARD), original",
            "Physical disability certificate, 身体障害者手帳 (PHYSICAL_DISABILITY_CERTIFICATE), original",
            "Mental disability certificate, 精神障害者保健福祉手帳 (MENTAL_DISABILITY_CERTIFICATE), original",
            "Intellectual disability certificate, 療育手帳 (INTELLECTUAL_DISABILITY_CERTIFICATE), original");

    public static final String NOT_ACCEPTED = "Copies are not accepted, and a health insurance card alone is not"
            + " accepted.";

    private IdentityDocuments() {
    }

    /** The document, if it is one of the accepted kinds and an original; otherwise refused with the list. */
    public static IdDocument accept(String presented, boolean original) {
        IdDocument document = Arrays.stream(IdDocument.values()).filter(IdDocument::acceptable)
                .filter(d -> d.name().equals(presented == null ? "" : presented.trim().toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new Refused(Refusal.DOCUMENT_NOT_ACCEPTED,
                        "This document does not prove identity for a PIN change or reset. " + NOT_ACCEPTED));
        if (!original) {
            throw new Refused(Refusal.DOCUMENT_NOT_ACCEPTED, "Only an original document is accepted. " + NOT_ACCEPTED);
        }
        return document;
    }

    public static List<String> toBring() {
        return List.of("One of these identity documents, as the original: " + String.join("; ", ACCEPTED) + ".",
                NOT_ACCEPTED);
    }
}

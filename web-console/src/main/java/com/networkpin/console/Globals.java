package com.networkpin.console;

import io.quarkus.qute.TemplateGlobal;
import java.util.List;

/** Fixed lists every template may use. */
@TemplateGlobal
public final class Globals {

    /** The visit purposes, in the order offered. */
    static final List<String> purposes = List.of("PIN_RESET", "PIN_CHANGE", "OTHER");

    /** The identity documents the reservation-service accepts, as originals. */
    static final List<String> documents = List.of("DRIVING_LICENCE", "MY_NUMBER_CARD", "PHYSICAL_DISABILITY_CERTIFICATE",
            "MENTAL_DISABILITY_CERTIFICATE", "INTELLECTUAL_DISABILITY_CERTIFICATE");

    /** The ways a manned-chat agent checks identity before a disclosure, as the pin-service accepts them. */
    static final List<String> identityChecks = List.of("KNOWLEDGE_QUESTIONS", "CALLBACK_TO_CONTRACT_LINE",
            "SMS_CODE_TO_CONTRACT_LINE", "SIGNED_IN_ACCOUNT", "MY_NUMBER_CARD_JPKI");

    private Globals() {
    }
}

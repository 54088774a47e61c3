package com.networkpin.events;

/** Identity documents a shop accepts, as originals, before a PIN change or reset. */
public enum IdDocument {
    DRIVING_LICENCE,
    MY_NUMBER_CARD,
    PHYSICAL_DISABILITY_CERTIFICATE,
    MENTAL_DISABILITY_CERTIFICATE,
    INTELLECTUAL_DISABILITY_CERTIFICATE
}

package com.networkpin.events;

/** Identity documents a shop accepts, as originals, before a PIN change or reset. */
public enum IdDocument {
    DRIVING_LICENCE,
    MY_NUMBER_CARD,
    PHYSICAL_DISABILITY_CERTIFICATE,
    MENTAL_DISABILITY_CERTIFICATE,
    INTELLECTUAL_DISABILITY_CERTIFICATE,
    /** Only in a grant or reset recorded before the document was (schema version 1); never accepted at a shop. */
    NOT_RECORDED;

    /** Whether a shop may accept it: all but {@link #NOT_RECORDED}. */
    public boolean acceptable() {
        return this != NOT_RECORDED;
    }
}

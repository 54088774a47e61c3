package com.networkpin.pin.domain;

/** The keyed operations on PINs; the keys stay inside the implementation. */
public interface PinSecrets {

    /** A fresh credential (new salt, new nonce) for {@code pin} of this contract. */
    Credential protect(String contractId, PinCode pin);

    /** Whether {@code attempt} is the PIN of the credential, compared in constant time. */
    boolean matches(Credential credential, PinCode attempt);

    /** Decrypts the PIN for the audited support disclosure; the contract id must be the one it was sealed for. */
    PinCode reveal(String contractId, Credential credential);
}

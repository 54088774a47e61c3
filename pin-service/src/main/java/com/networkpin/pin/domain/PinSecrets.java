package com.networkpin.pin.domain;

import java.util.List;
import java.util.Optional;

/** The keyed operations on PINs; the keys stay inside the implementation. */
public interface PinSecrets {

    /** A fresh credential (new salt, new nonce), hashed with the active pepper, for {@code pin} of this contract. */
    Credential protect(String contractId, PinCode pin);

    /**
     * Whether {@code attempt} is the PIN of the credential, compared in constant time with the
     * pepper the credential was hashed with.
     */
    boolean matches(Credential credential, PinCode attempt);

    /**
     * After {@code pin} {@linkplain #matches matched}: when the credential was hashed with another
     * pepper than the active one (or before peppers had ids), the same sealed PIN with a fresh salt
     * and hash under the active pepper; otherwise empty.
     */
    Optional<Credential> rehashed(Credential credential, PinCode pin);

    /**
     * Keyed digests (hex) of a request's canonical text, to tell whether a retry asked the same: a
     * request may hold a PIN, whose plain hash would give it away to anyone trying the 10,000 PINs. The
     * first is made with the active pepper (the one to store); then one with each other pepper still
     * configured, so that a retry of a request first made before a pepper rotation is still the same request.
     */
    List<String> requestDigests(String canonicalRequest);

    /** Decrypts the PIN for the audited support disclosure; the contract id must be the one it was sealed for. */
    PinCode reveal(String contractId, Credential credential);
}

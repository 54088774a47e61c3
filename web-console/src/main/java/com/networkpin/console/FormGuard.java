package com.networkpin.console;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cross-site request forgery guard: every POST form carries a token that only this console can
 * make for this login session, an HMAC of the session's subject and Keycloak session id keyed with
 * the console's state secret. It survives token refreshes and console restarts, and needs no
 * server-side state.
 */
@ApplicationScoped
public class FormGuard {

    private final SecretKeySpec key;

    public FormGuard(@ConfigProperty(name = "quarkus.oidc.authentication.state-secret") String secret) {
        this.key = new SecretKeySpec(("form-token|" + secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String token(String subject, String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((subject + "|" + session).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    public void check(String subject, String session, String presented) {
        if (subject == null || presented == null || !MessageDigest.isEqual(
                token(subject, session).getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII))) {
            throw new FormExpired();
        }
    }

    /** A POST without this session's form token: a forged request, or a form from an earlier login. */
    public static final class FormExpired extends RuntimeException {
        public FormExpired() {
            super("form token missing or not of this session", null, false, false);
        }
    }
}

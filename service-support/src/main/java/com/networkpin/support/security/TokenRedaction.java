package com.networkpin.support.security;

import io.quarkus.logging.LoggingFilter;
import java.util.Locale;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * Takes bearer tokens out of log lines before any handler writes them. Quarkus' OIDC logs a token it
 * refuses together with the reason (e.g. "Invalid JWS Signature: JsonWebSignature{…}->eyJ…"): a
 * token with a forged signature still carries a real token's header and payload, and one of
 * another issuer is a valid token there. The reason stays; the token becomes {@value #REDACTED}.
 * Enabled per handler: {@code quarkus.log.console.filter=bearer-token-redaction} (likewise
 * {@code quarkus.log.file.filter}).
 */
@LoggingFilter(name = "bearer-token-redaction")
public final class TokenRedaction implements Filter {

    static final String REDACTED = "[token redacted]";

    /**
     * A JWS or JWE in compact form (its JSON header starts "eyJ"), signed or not, and the credential
     * (token68) after "Bearer " ({@code Bearer realm="…"} is a challenge, not a credential).
     */
    private static final Pattern TOKEN = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]*){0,3}"
            + "|(?i)(?<=bearer )[A-Za-z0-9._~+/-]+=*(?![A-Za-z0-9._~+/=\"-])");

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        if (message != null && mayHoldAToken(message)) {
            record.setMessage(redact(message));
        }
        Object[] parameters = record.getParameters();
        if (parameters != null) {
            Object[] redacted = null;
            for (int i = 0; i < parameters.length; i++) {
                String text = parameters[i] == null ? null : parameters[i].toString();
                if (text != null && mayHoldAToken(text)) {
                    redacted = redacted == null ? parameters.clone() : redacted;
                    redacted[i] = redact(text); // only these become strings: numbers keep their %d
                }
            }
            if (redacted != null) {
                record.setParameters(redacted);
            }
        }
        return true;
    }

    static String redact(String text) {
        return TOKEN.matcher(text).replaceAll(REDACTED);
    }

    private static boolean mayHoldAToken(String text) {
        return text.contains("eyJ") || text.toLowerCase(Locale.ROOT).contains("bearer ");
    }
}

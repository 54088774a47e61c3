package com.networkpin.events;

import java.util.regex.Pattern;

/**
 * What a contract id looks like, the same for every service: 1 to 64 ASCII letters, digits and
 * hyphens, e.g. {@code C-0001}. A PIN can only be set for such an id, so no service may accept
 * another one (a shop visit booked for {@code C_1} could never reset a PIN).
 */
public final class ContractIds {

    /** For bean validation ({@code @Pattern(regexp = ContractIds.PATTERN)}), which matches the whole value. */
    public static final String PATTERN = "[A-Za-z0-9-]{1,64}";
    public static final String MESSAGE = "must be 1-64 ASCII letters, digits or '-'";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private ContractIds() {
    }

    public static boolean isValid(String contractId) {
        return contractId != null && COMPILED.matcher(contractId).matches();
    }

    /** The id itself, or an {@link IllegalArgumentException} that does not echo it (it may be anything). */
    public static String requireValid(String contractId) {
        if (!isValid(contractId)) {
            throw new IllegalArgumentException("contract id " + MESSAGE);
        }
        return contractId;
    }
}

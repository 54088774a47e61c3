package com.networkpin.launcher;

import java.util.function.Supplier;

/**
 * Who makes a call: a role of the network-pin realm, the principal's name and where its bearer
 * token comes from. The demo prints it beside every request.
 */
public record Actor(String role, String name, Supplier<String> token) {

    /** No token at all. */
    public static final Actor ANONYMOUS = new Actor("anonymous", "", () -> null);

    public String bearer() {
        return token.get();
    }

    /** e.g. {@code as support-agent agent1 (Bearer eyJhbGciOi…)}. */
    public String label(String bearer) {
        if (bearer == null) {
            return "anonymous (no token)";
        }
        return "as " + role + " " + name + " (Bearer " + bearer.substring(0, Math.min(12, bearer.length())) + "…)";
    }
}

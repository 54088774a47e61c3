package com.networkpin.localinfra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * What a realm file's authentication flows ask of a person, read as Keycloak runs them: an execution that is
 * DISABLED is skipped, a CONDITIONAL sub-flow runs when all its conditions hold ({@code conditional-user-role},
 * with composite roles and {@code negate}; {@code conditional-user-configured}), a REQUIRED or ALTERNATIVE
 * sub-flow is entered.
 */
final class LoginFlows {

    /** Keycloak's one-time code form of the browser login and its check of the password grant's {@code totp}. */
    static final Set<String> ONE_TIME_CODE = Set.of("auth-otp-form", "direct-grant-validate-otp");

    private final JsonNode realm;

    LoginFlows(JsonNode realm) {
        this.realm = realm;
    }

    /**
     * Whether the flow {@code alias} makes a person holding {@code roles} enter a one-time code (REQUIRED, not one
     * alternative among others); {@code configured}: whether they already set one up.
     */
    boolean asksForCode(String alias, Set<String> roles, boolean configured) {
        for (JsonNode execution : flow(alias).path("authenticationExecutions")) {
            String requirement = execution.path("requirement").asText();
            if (execution.path("authenticatorFlow").asBoolean()) {
                String sub = execution.path("flowAlias").asText();
                boolean runs = requirement.equals("REQUIRED") || requirement.equals("ALTERNATIVE")
                        || requirement.equals("CONDITIONAL") && conditionsHold(sub, roles, configured);
                if (runs && asksForCode(sub, roles, configured)) {
                    return true;
                }
            } else if (ONE_TIME_CODE.contains(execution.path("authenticator").asText()) && requirement.equals("REQUIRED")) {
                return true;
            }
        }
        return false;
    }

    private boolean conditionsHold(String alias, Set<String> roles, boolean configured) {
        for (JsonNode execution : flow(alias).path("authenticationExecutions")) {
            String authenticator = execution.path("authenticator").asText();
            if (!authenticator.startsWith("conditional-") || execution.path("requirement").asText().equals("DISABLED")) {
                continue;
            }
            boolean holds = switch (authenticator) {
                case "conditional-user-configured" -> configured;
                case "conditional-user-role" -> {
                    JsonNode config = config(execution.path("authenticatorConfig").asText());
                    String role = config.path("condUserRole").asText();
                    // Keycloak: a role the realm does not have matches nobody, negated or not.
                    yield exists(role) && config.path("negate").asBoolean(false) != holds(roles, role);
                }
                default -> throw new AssertionError("a condition this reading does not know: " + authenticator);
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** Whether a person with {@code roles} holds {@code role}, directly or through composite realm roles. */
    boolean holds(Set<String> roles, String role) {
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(roles);
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            for (JsonNode realmRole : realm.path("roles").path("realm")) {
                if (next.equals(realmRole.path("name").asText())) {
                    realmRole.path("composites").path("realm").forEach(composite -> pending.push(composite.asText()));
                }
            }
        }
        return seen.contains(role);
    }

    private boolean exists(String role) {
        for (JsonNode realmRole : realm.path("roles").path("realm")) {
            if (role.equals(realmRole.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private JsonNode flow(String alias) {
        for (JsonNode flow : realm.path("authenticationFlows")) {
            if (alias.equals(flow.path("alias").asText())) {
                return flow;
            }
        }
        throw new AssertionError("no authentication flow " + alias);
    }

    private JsonNode config(String alias) {
        for (JsonNode config : realm.path("authenticatorConfig")) {
            if (alias.equals(config.path("alias").asText())) {
                return config.path("config");
            }
        }
        throw new AssertionError("no authenticator config " + alias);
    }
}

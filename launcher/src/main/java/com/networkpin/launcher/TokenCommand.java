package com.networkpin.launcher;

import com.networkpin.localinfra.KeycloakTokens;
import java.util.List;

/**
 * {@code ./stack token ROLE [--contract ID] [--shop ID]}: a bearer token of a demo principal of the
 * running stack, for curl and scripts.
 */
final class TokenCommand {

    static final String USAGE = "usage: ./stack token channel | contracting | chatbot | support-agent | operator"
            + " | customer [--contract ID] | shop-staff [--shop ID]";

    private TokenCommand() {
    }

    static String token(KeycloakTokens tokens, List<String> arguments) {
        if (arguments.isEmpty()) {
            throw new StackException(USAGE);
        }
        Actors actors = new Actors(tokens);
        String contract = option(arguments, "--contract", null);
        String shop = option(arguments, "--shop", null);
        Actor actor = switch (arguments.get(0)) {
            case "channel" -> actors.channel();
            case "contracting" -> actors.contracting();
            case "chatbot" -> actors.chatbot();
            case "support-agent" -> actors.supportAgent();
            case "operator" -> actors.operator();
            case "customer" -> contract == null ? actors.person("customer", "customer1") : actors.customer(contract);
            case "shop-staff" -> shop == null ? actors.person("shop-staff", "staff1") : actors.shopStaff(shop);
            default -> throw new StackException("unknown role '" + arguments.get(0) + "'; " + USAGE);
        };
        try {
            return actor.bearer();
        } catch (IllegalStateException e) {
            throw new StackException(e.getMessage() + " (is the stack up? ./stack up)");
        }
    }

    private static String option(List<String> arguments, String name, String fallback) {
        int at = arguments.indexOf(name);
        if (at < 0) {
            return fallback;
        }
        if (at + 1 >= arguments.size()) {
            throw new StackException(name + " needs a value; " + USAGE);
        }
        return arguments.get(at + 1);
    }
}

package com.networkpin.launcher;

import com.networkpin.localinfra.KeycloakTokens;

/** The story's principals, each with real tokens of the network-pin realm (identity/network-pin-realm.json). */
public final class Actors {

    private final KeycloakTokens tokens;

    public Actors(KeycloakTokens tokens) {
        this.tokens = tokens;
    }

    /** A channel gateway allowed every channel (client credentials). */
    public Actor channel() {
        return new Actor("channel", "channel-gateway", () -> tokens.client("channel-gateway"));
    }

    /** The contracting system (client credentials). */
    public Actor contracting() {
        return new Actor("contracting", "contracting-system", () -> tokens.client("contracting-system"));
    }

    public Actor chatbot() {
        return new Actor("chatbot", "chatbot", () -> tokens.client("chatbot"));
    }

    public Actor supportAgent() {
        return person("support-agent", "agent1");
    }

    public Actor operator() {
        return person("operator", "operator1");
    }

    /** A person of the realm file, e.g. customer1 (contract C-0001) or staff1 (tokyo-shinjuku-west). */
    public Actor person(String role, String username) {
        return new Actor(role, username, () -> tokens.user(username));
    }

    /** The holder of a contract; a user is added to the realm for a contract it does not know. */
    public Actor customer(String contractId) {
        String name = tokens.ensureCustomer(contractId);
        return new Actor("customer", name, () -> tokens.user(name));
    }

    /** A staff member of a shop; added to the realm for a shop it does not know. */
    public Actor shopStaff(String shopId) {
        String name = tokens.ensureShopStaff(shopId);
        return new Actor("shop-staff", name, () -> tokens.user(name));
    }
}

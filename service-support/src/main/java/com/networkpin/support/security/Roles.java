package com.networkpin.support.security;

/** The realm roles of the network-pin realm (identity/network-pin-realm.json). */
public final class Roles {

    /** Channel gateways (client credentials); claim {@code channels} lists the channels they may report. */
    public static final String CHANNEL = "channel";
    /** The contracting system (client credentials): sets a contract's first PIN. */
    public static final String CONTRACTING = "contracting";
    /** The support chatbot (client credentials). */
    public static final String CHATBOT = "chatbot";
    /** A manned-chat agent (user login). */
    public static final String SUPPORT_AGENT = "support-agent";
    /** Shop staff (user login); claim {@code shop_id}. */
    public static final String SHOP_STAFF = "shop-staff";
    /** A contract holder (user login); claim {@code contract_id}. */
    public static final String CUSTOMER = "customer";
    /** Operations staff (user login). */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}

package com.networkpin.events;

/**
 * How a manned-chat agent confirmed, remotely, that the person in the chat holds the contract before
 * disclosing its PIN. One of these is chosen for every disclosure; there is no free text.
 */
public enum IdentityCheck {
    /** The holder answered the registered details (name, birth date, address, contact number) in the chat. */
    KNOWLEDGE_QUESTIONS,
    /** The agent called the contract's own line back and the holder answered. */
    CALLBACK_TO_CONTRACT_LINE,
    /** The holder read back a one-time code sent by SMS to the contract's own line. */
    SMS_CODE_TO_CONTRACT_LINE,
    /** The holder opened the chat signed in to the carrier's customer account with its second factor. */
    SIGNED_IN_ACCOUNT,
    /** The holder signed with the My Number card's electronic certificate (JPKI) in the carrier's app. */
    MY_NUMBER_CARD_JPKI,
    /** Only in a disclosure recorded before the method was (schema version 1); never chosen. */
    NOT_RECORDED;

    /** The methods an agent may choose: all but {@link #NOT_RECORDED}. */
    public boolean choosable() {
        return this != NOT_RECORDED;
    }
}

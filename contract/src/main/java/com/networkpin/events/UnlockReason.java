package com.networkpin.events;

/** Why a lock was lifted: the date changed in Japan, or the PIN was reset at a shop. */
public enum UnlockReason {
    MIDNIGHT,
    RESET
}

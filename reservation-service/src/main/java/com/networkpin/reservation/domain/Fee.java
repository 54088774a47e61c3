package com.networkpin.reservation.domain;

import com.networkpin.events.VisitPurpose;

/** What the visit costs, tax included, and why. */
public record Fee(int amountJpy, String reason) {

    public static final int SHOP_SUPPORT_JPY = 3_300;

    public static Fee forPurpose(VisitPurpose purpose) {
        return purpose.authorisesPinReset()
                ? new Fee(0, "PIN change and reset at a shop are free of charge.")
                : new Fee(SHOP_SUPPORT_JPY, "ahamo is an online-only plan, so support at a shop costs 3,300 JPY"
                        + " (tax included); only PIN change and reset are free.");
    }
}

package com.networkpin.reservation.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.networkpin.events.VisitPurpose;
import com.networkpin.reservation.domain.Fee;
import com.networkpin.reservation.domain.IdentityDocuments;
import com.networkpin.reservation.domain.ReservationStatus;
import com.networkpin.reservation.domain.Shop;
import com.networkpin.reservation.domain.Slots;
import com.networkpin.reservation.store.ReservationRecord;
import java.time.Instant;
import java.util.List;

/**
 * A reservation as the customer and the shop see it; times are written in Japan time, as every
 * answer's ({@code AnswerTimes}). {@code lockAdvice} is present while the contract's PIN is locked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReservationView(String reservationNumber, ReservationStatus status, String contractId,
                              ShopSummary shop, Instant start, Instant end, VisitPurpose purpose, Fee fee,
                              List<String> documentsToBring, String lockAdvice) {

    public record ShopSummary(String id, String name, String nameJa, String prefecture, String prefectureJa,
                              String address) {
    }

    public static ReservationView of(ReservationRecord record, Shop shop, String lockAdvice) {
        return new ReservationView(record.number(), record.status(), record.contractId(),
                new ShopSummary(shop.id(), shop.name(), shop.nameJa(), shop.prefecture(), shop.prefectureJa(),
                        shop.address()),
                record.start(), Slots.end(record.start()), record.purpose(),
                Fee.forPurpose(record.purpose()), IdentityDocuments.toBring(), lockAdvice);
    }
}

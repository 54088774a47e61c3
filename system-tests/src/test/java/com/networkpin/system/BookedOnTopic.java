package com.networkpin.system;

import com.networkpin.events.DomainEvent;
import com.networkpin.events.EventEnvelope;
import com.networkpin.events.EventJson;
import com.networkpin.events.ReservationBooked;
import com.networkpin.events.Topics;
import com.networkpin.testinfra.TopicReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Answered bookings against the reservation topic: each answered reservation number has its
 * {@code ReservationBooked} there (lost: missing), each event once (duplicated: extra copies), and no
 * contract was booked twice (a retried booking that booked again).
 */
record BookedOnTopic(int expected, int seen, int lost, int duplicated, int bookedTwice) {

    static BookedOnTopic check(String contractPrefix, List<BookingTraffic.Booking> bookings, Duration timeout) {
        List<ConsumerRecord<String, String>> records = TopicReader.read(Topics.RESERVATION_EVENTS,
                record -> record.value().contains(contractPrefix), bookings.size(), timeout);
        Map<UUID, Integer> copies = new HashMap<>();
        Map<String, Set<String>> numbersByContract = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope<DomainEvent> envelope = EventJson.read(record.value());
            copies.merge(envelope.id(), 1, Integer::sum);
            if (envelope.data() instanceof ReservationBooked booked) {
                numbersByContract.computeIfAbsent(booked.contractId(), contract -> new HashSet<>())
                        .add(booked.reservationNumber());
            }
        }
        int seen = 0;
        for (BookingTraffic.Booking booking : bookings) {
            if (numbersByContract.getOrDefault(booking.contractId(), Set.of()).contains(booking.number())) {
                seen++;
            }
        }
        int duplicated = copies.values().stream().mapToInt(count -> count - 1).sum();
        int bookedTwice = (int) numbersByContract.values().stream().filter(numbers -> numbers.size() > 1).count();
        return new BookedOnTopic(bookings.size(), seen, bookings.size() - seen, duplicated, bookedTwice);
    }
}

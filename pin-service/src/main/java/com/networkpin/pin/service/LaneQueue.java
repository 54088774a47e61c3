package com.networkpin.pin.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The waiting room of one group-commit lane: bounded, with a deadline, and fair between clients. Not
 * thread-safe (the lane synchronises). Times are a monotonic clock's nanoseconds, passed in by the caller.
 *
 * <ul>
 *   <li>{@link #admit}: refused at once when the lane holds {@code bound} requests ({@link Admission#LANE_FULL})
 *       or the client already holds {@code perClient} of them ({@link Admission#CLIENT_QUOTA});</li>
 *   <li>{@link #next}: first removes every request that waited longer than {@code deadline} (they are
 *       refused, never decided), then forms the batch taking one request of each client in turn, so a
 *       client with a long queue cannot make another's request wait for more than one batch.</li>
 * </ul>
 * With {@code bound} and {@code perClient} at {@link Integer#MAX_VALUE} and no deadline (admission off), it is
 * a plain first-come queue.
 */
final class LaneQueue<T> {

    enum Admission { ADMITTED, LANE_FULL, CLIENT_QUOTA }

    /** What {@link #next} took: the batch to decide, and the requests whose deadline passed. */
    record Next<T>(List<T> batch, List<T> expired) {
    }

    private record Entry<T>(T item, long admittedAt) {
    }

    private final int bound;
    private final int perClient;
    private final long deadlineNanos;
    /** Each client's requests, oldest first; a client is in {@code turns} while it has some. */
    private final Map<String, ArrayDeque<Entry<T>>> byClient = new HashMap<>();
    private final ArrayDeque<String> turns = new ArrayDeque<>();
    private int size;

    /** {@code deadlineNanos} ≤ 0: no deadline. */
    LaneQueue(int bound, int perClient, long deadlineNanos) {
        this.bound = bound;
        this.perClient = perClient;
        this.deadlineNanos = deadlineNanos;
    }

    Admission admit(T item, String client, long now) {
        if (size >= bound) {
            return Admission.LANE_FULL;
        }
        ArrayDeque<Entry<T>> queue = byClient.get(client);
        if (queue != null && queue.size() >= perClient) {
            return Admission.CLIENT_QUOTA;
        }
        if (queue == null) {
            queue = new ArrayDeque<>();
            byClient.put(client, queue);
            turns.add(client);
        }
        queue.add(new Entry<>(item, now));
        size++;
        return Admission.ADMITTED;
    }

    Next<T> next(int maxBatch, long now) {
        List<T> expired = new ArrayList<>();
        if (deadlineNanos > 0) {
            for (Iterator<String> clients = turns.iterator(); clients.hasNext(); ) {
                String client = clients.next();
                ArrayDeque<Entry<T>> queue = byClient.get(client);
                while (!queue.isEmpty() && now - queue.peek().admittedAt() > deadlineNanos) {
                    expired.add(queue.poll().item());
                    size--;
                }
                if (queue.isEmpty()) {
                    byClient.remove(client);
                    clients.remove();
                }
            }
        }
        List<T> batch = new ArrayList<>(Math.min(maxBatch, size));
        while (batch.size() < maxBatch && !turns.isEmpty()) {
            String client = turns.poll();
            ArrayDeque<Entry<T>> queue = byClient.get(client);
            batch.add(queue.poll().item());
            size--;
            if (queue.isEmpty()) {
                byClient.remove(client);
            } else {
                turns.add(client);
            }
        }
        return new Next<>(batch, expired);
    }

    int size() {
        return size;
    }
}

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
 *   <li>{@link #limit}: the lane's owner may lower the room below {@code bound} (to what it can start within its
 *       target wait); a client's share shrinks in proportion;</li>
 *   <li>{@link #admit}: a lane with room admits anyone, so a client alone may use all of it. A full lane
 *       (at its limit) makes room for a client holding less than its share ({@code perClient}) by
 *       pushing out the newest request of the client holding the most, if that one holds more than its share
 *       (that request is answered {@link Admission#CLIENT_QUOTA}, never decided); otherwise the newcomer is
 *       refused: {@link Admission#CLIENT_QUOTA} when its own client holds its share, else
 *       {@link Admission#LANE_FULL};</li>
 *   <li>{@link #next}: first removes every request that waited longer than {@code deadline} (they are
 *       refused, never decided), then forms the batch taking one request of each client in turn, so a
 *       client with a long queue cannot make another's request wait for more than one batch.</li>
 * </ul>
 * With {@code bound} and {@code perClient} at {@link Integer#MAX_VALUE} and no deadline (admission off), it is
 * a plain first-come queue.
 */
final class LaneQueue<T> {

    enum Admission { ADMITTED, LANE_FULL, CLIENT_QUOTA }

    /** The newcomer's admission, and the request pushed out to make room for it (else null). */
    record Admitted<T>(Admission admission, T pushedOut) {
    }

    /** What {@link #next} took: the batch to decide, and the requests whose deadline passed. */
    record Next<T>(List<T> batch, List<T> expired) {
    }

    private record Entry<T>(T item, long admittedAt) {
    }

    private final int bound;
    private final int perClientOfBound;
    private final long deadlineNanos;
    private int limit;
    private int perClient;
    /** Each client's requests, oldest first; a client is in {@code turns} while it has some. */
    private final Map<String, ArrayDeque<Entry<T>>> byClient = new HashMap<>();
    private final ArrayDeque<String> turns = new ArrayDeque<>();
    private int size;

    /** {@code deadlineNanos} ≤ 0: no deadline. */
    LaneQueue(int bound, int perClient, long deadlineNanos) {
        this.bound = bound;
        this.perClientOfBound = perClient;
        this.deadlineNanos = deadlineNanos;
        limit(bound);
    }

    /** The room from now on: {@code requested}, at least 1 and at most the bound; each client's share scaled alike. */
    void limit(int requested) {
        limit = Math.min(bound, Math.max(1, requested));
        perClient = limit == bound ? perClientOfBound : Math.max(1, (int) ((long) perClientOfBound * limit / bound));
    }

    int limit() {
        return limit;
    }

    /**
     * What {@link #admit} would answer now for a request of {@code client}, without admitting it: the check made
     * when a request arrives, before it is read (a request that would push another out is admitted here).
     */
    Admission wouldAdmit(String client) {
        if (size < limit) {
            return Admission.ADMITTED;
        }
        ArrayDeque<Entry<T>> queue = byClient.get(client);
        if (queue != null && queue.size() >= perClient) {
            return Admission.CLIENT_QUOTA;
        }
        String heaviest = heaviest();
        return heaviest == null || byClient.get(heaviest).size() <= perClient ? Admission.LANE_FULL : Admission.ADMITTED;
    }

    Admitted<T> admit(T item, String client, long now) {
        ArrayDeque<Entry<T>> queue = byClient.get(client);
        T pushedOut = null;
        if (size >= limit) {
            Admission admission = wouldAdmit(client);
            if (admission != Admission.ADMITTED) {
                return new Admitted<>(admission, null);
            }
            pushedOut = removeNewest(heaviest());
        }
        if (queue == null) {
            queue = new ArrayDeque<>();
            byClient.put(client, queue);
            turns.add(client);
        }
        queue.add(new Entry<>(item, now));
        size++;
        return new Admitted<>(Admission.ADMITTED, pushedOut);
    }

    private String heaviest() {
        String heaviest = null;
        int most = 0;
        for (Map.Entry<String, ArrayDeque<Entry<T>>> held : byClient.entrySet()) {
            if (held.getValue().size() > most) {
                most = held.getValue().size();
                heaviest = held.getKey();
            }
        }
        return heaviest;
    }

    private T removeNewest(String client) {
        ArrayDeque<Entry<T>> queue = byClient.get(client);
        T newest = queue.pollLast().item();
        size--;
        if (queue.isEmpty()) {
            byClient.remove(client);
            turns.remove(client);
        }
        return newest;
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

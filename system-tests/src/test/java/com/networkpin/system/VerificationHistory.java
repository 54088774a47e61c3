package com.networkpin.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * A history checker for open-loop verifications: it compares every entry the clients made (and the
 * answer each got) with the event store's history of its contract. Every acknowledged entry must be
 * recorded ({@code missing}: entries answered MISMATCH or VERIFIED without their AttemptFailed or
 * AttemptSucceeded), and nothing may be recorded beyond
 * what the clients attempted ({@code doubleCounts}: an entry sent again with its Idempotency-Key
 * takes effect once, and no entry that was never sent appears). An entry that failed for good (its
 * outcome unknown to its client) may be recorded or not; {@code mismatches} lists every contract
 * whose history differs from the entries made.
 */
final class VerificationHistory {

    /** What the checker found; {@code mismatches} by contract: what was made and what was recorded. */
    record Result(int entries, long unfinished, List<String> failures, Map<String, Long> outcomes, long missing,
                  long doubleCounts, Map<String, String> mismatches) {

        FaultFigures addTo(FaultFigures figures) {
            return figures.put("entries", entries).put("finalFailures", failures.size()).put("lost", unfinished)
                    .put("missing", missing).put("doubleCounts", doubleCounts)
                    .put("contractsMismatched", mismatches.size()).put("outcomes", outcomes);
        }

        /** A few mismatches and failures, as [fault] lines of the named test. */
        void printExamples(String fault) {
            mismatches.entrySet().stream().limit(5).forEach(mismatch ->
                    System.out.println("[fault] " + fault + " mismatch " + mismatch.getKey() + ": " + mismatch.getValue()));
            failures.stream().limit(5).forEach(failure -> System.out.println("[fault] " + fault + " failure " + failure));
        }
    }

    private VerificationHistory() {
    }

    static Result check(PinApi pin, OpenLoopVerifications load) throws Exception {
        List<OpenLoopVerifications.Entry> entries = load.all();
        long unfinished = entries.stream().filter(entry -> !entry.finished()).count();
        List<String> failures = entries.stream().filter(entry -> entry.failure != null)
                .map(entry -> entry.contractId + " " + entry.key + ": " + entry.failure).toList();
        Map<String, Long> outcomes = new TreeMap<>(entries.stream().filter(OpenLoopVerifications.Entry::answered)
                .collect(Collectors.groupingBy(entry -> entry.outcome, Collectors.counting())));

        Map<String, Map<String, Long>> recorded = histories(pin, load.entries().keySet());
        Map<String, String> mismatches = new TreeMap<>();
        long doubleCounts = 0;
        long missing = 0;
        for (Map.Entry<String, List<OpenLoopVerifications.Entry>> contract : load.entries().entrySet()) {
            long wrong = contract.getValue().stream().filter(entry -> !entry.right).count();
            long right = contract.getValue().size() - wrong;
            // Answers that name what was recorded: MISMATCH an AttemptFailed, VERIFIED an AttemptSucceeded.
            long wrongAcknowledged = contract.getValue().stream().filter(entry -> "MISMATCH".equals(entry.outcome)).count();
            long rightAcknowledged = contract.getValue().stream().filter(entry -> "VERIFIED".equals(entry.outcome)).count();
            Map<String, Long> events = recorded.get(contract.getKey());
            long failed = events.getOrDefault("AttemptFailed", 0L);
            long succeeded = events.getOrDefault("AttemptSucceeded", 0L);
            doubleCounts += Math.max(0, failed - wrong) + Math.max(0, succeeded - right);
            missing += Math.max(0, wrongAcknowledged - failed) + Math.max(0, rightAcknowledged - succeeded);
            Map<String, Long> expected = new TreeMap<>(Map.of("PinSet", 1L));
            if (wrong > 0) {
                expected.put("AttemptFailed", wrong);
            }
            if (right > 0) {
                expected.put("AttemptSucceeded", right);
            }
            if (!expected.equals(events)) {
                mismatches.put(contract.getKey(), "made " + expected + ", recorded " + events);
            }
        }
        return new Result(entries.size(), unfinished, failures, outcomes, missing, doubleCounts, mismatches);
    }

    /** What the lockout check found: contracts hammered, how many locked, and each rule broken (by contract). */
    record Lockouts(int contracts, long locked, List<String> violations) {

        FaultFigures addTo(FaultFigures figures) {
            return figures.put("hammered", contracts).put("lockedAtTheLimit", locked)
                    .put("lockoutViolations", violations.size());
        }
    }

    /**
     * Exactly-N lockout for contracts sent wrong entries only ({@link OpenLoopVerifications#wrongOnly}):
     * the first {@code limit} wrong entries recorded are failures and the last of them locks, whatever
     * was sent again; what follows is refused while locked. So each history holds
     * min(limit, recorded) {@code AttemptFailed}, one {@code Locked} once there are {@code limit}, and
     * never more attempts than entries made nor fewer than were answered; and the answers read
     * MISMATCH until the limit's entry, which reads LOCKED.
     */
    static Lockouts checkLockouts(PinApi pin, OpenLoopVerifications hammer, int limit) throws Exception {
        Map<String, Map<String, Long>> recorded = histories(pin, hammer.entries().keySet());
        List<String> violations = new ArrayList<>();
        long locked = 0;
        for (Map.Entry<String, List<OpenLoopVerifications.Entry>> contract : hammer.entries().entrySet()) {
            List<OpenLoopVerifications.Entry> made = contract.getValue();
            Map<String, Long> events = recorded.get(contract.getKey());
            long failed = events.getOrDefault("AttemptFailed", 0L);
            long refused = events.getOrDefault("AttemptRefused", 0L);
            long locks = events.getOrDefault("Locked", 0L);
            long answered = made.stream().filter(OpenLoopVerifications.Entry::answered).count();
            List<String> broken = new ArrayList<>();
            if (failed != Math.min(limit, failed + refused)) {
                broken.add(failed + " failures recorded beside " + refused + " refusals");
            }
            if (locks != (failed == limit ? 1 : 0)) {
                broken.add(locks + " locks after " + failed + " failures");
            }
            if (failed + refused > made.size() || failed + refused < answered) {
                broken.add((failed + refused) + " attempts recorded for " + made.size() + " entries made, "
                        + answered + " answered");
            }
            // While every entry before it was answered, the i-th entry's answer says how many failures came before it.
            for (int i = 0; i < Math.min(limit, made.size()) && made.get(i).answered(); i++) {
                String due = i == limit - 1 ? "LOCKED" : "MISMATCH";
                if (!made.get(i).outcome.equals(due)) {
                    broken.add("entry " + (i + 1) + " answered " + made.get(i).outcome + ", not " + due);
                }
            }
            locked += locks;
            if (!broken.isEmpty()) {
                violations.add(contract.getKey() + ": " + broken + " " + events);
            }
        }
        return new Lockouts(hammer.entries().size(), locked, violations);
    }

    /** Sets the right PIN on {@code count} fresh contracts, a few at a time. */
    static List<String> setPins(PinApi pin, String prefix, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> set = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String contract = prefix + "-" + i;
                set.add(pool.submit(() -> {
                    PinApi.expect(pin.setPin(contract), 201);
                    return contract;
                }));
            }
            List<String> contracts = new ArrayList<>();
            for (Future<String> future : set) {
                contracts.add(future.get());
            }
            return contracts;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each contract's recorded event types, counted; a few contracts at a time. */
    private static Map<String, Map<String, Long>> histories(PinApi pin, Iterable<String> contracts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Map<String, Future<Map<String, Long>>> pending = new TreeMap<>();
            for (String contract : contracts) {
                pending.put(contract, pool.submit(() -> new TreeMap<>(pin.history(contract).stream()
                        .collect(Collectors.groupingBy(PinApi.HistoryEntry::type, Collectors.counting())))));
            }
            Map<String, Map<String, Long>> histories = new TreeMap<>();
            for (Map.Entry<String, Future<Map<String, Long>>> contract : pending.entrySet()) {
                histories.put(contract.getKey(), contract.getValue().get());
            }
            return histories;
        } finally {
            pool.shutdownNow();
        }
    }
}

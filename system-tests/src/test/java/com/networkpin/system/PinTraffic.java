package com.networkpin.system;

import com.networkpin.launcher.Http;
import com.networkpin.launcher.StackException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A steady stream of PIN verifications from a few clients in a closed loop, each working through
 * fresh contracts: set a PIN, then either right-wrong-right, or (every fourth contract) three wrong
 * entries and the right one while locked. Every answer is logged per contract. A client whose
 * request goes unanswered (or is answered with a 5xx, whose outcome is as unknown) gives that contract
 * up and, after a short pause, starts a fresh one.
 */
final class PinTraffic {

    private static final Duration THINK_TIME = Duration.ofMillis(40);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofMillis(200);
    private static final List<String> PLAIN = List.of(PinApi.RIGHT_PIN, PinApi.WRONG_PIN, PinApi.RIGHT_PIN);
    private static final List<String> LOCKING =
            List.of(PinApi.WRONG_PIN, PinApi.WRONG_PIN, PinApi.WRONG_PIN, PinApi.RIGHT_PIN);

    /** Requests answered with a 2xx, and requests that got no answer at all. */
    record Counts(int accepted, int unanswered) {
    }

    private final PinApi pin;
    private final String prefix;
    private final int clients;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ConcurrentLinkedQueue<ContractLog> contracts = new ConcurrentLinkedQueue<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();

    PinTraffic(PinApi pin, String testName, int clients) {
        this.pin = pin;
        this.prefix = testName + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        this.clients = clients;
    }

    void start() {
        running.set(true);
        for (int client = 0; client < clients; client++) {
            int id = client;
            Thread thread = new Thread(() -> loop(id), prefix + "-client-" + id);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** What has been answered so far, e.g. to check that requests were accepted during an outage. */
    Counts counts() {
        return new Counts(accepted.get(), unanswered.get());
    }

    /** Stops the clients after their current request (again: no effect); returns every contract they touched. */
    List<ContractLog> stop() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(60).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return List.copyOf(contracts);
    }

    private void loop(int client) {
        for (int n = 0; running.get(); n++) {
            ContractLog contract = new ContractLog(prefix + "-" + client + "-" + n);
            contracts.add(contract);
            if (!play(contract, n % 4 == 3 ? LOCKING : PLAIN)) {
                sleep(PAUSE_AFTER_FAILURE);
            }
        }
    }

    /** False when a request went unanswered or was refused: the contract is then given up. */
    private boolean play(ContractLog contract, List<String> attempts) {
        Http.Reply set = send(contract, () -> pin.setPin(contract.contractId()));
        if (set == null || set.status() != 201) {
            return refused(contract, set);
        }
        contract.pinSet();
        for (String attempt : attempts) {
            sleep(THINK_TIME);
            Http.Reply reply = send(contract, () -> pin.verify(contract.contractId(), attempt));
            if (reply == null || reply.status() != 200) {
                return refused(contract, reply);
            }
            contract.verified(reply.text("outcome"));
        }
        return true;
    }

    private Http.Reply send(ContractLog contract, java.util.function.Supplier<Http.Reply> request) {
        try {
            Http.Reply reply = request.get();
            if (reply.status() / 100 == 2) {
                accepted.incrementAndGet();
            } else if (reply.status() / 100 == 5) {
                contract.unanswered(); // the service failed midway: it may have recorded the request or not
            }
            return reply;
        } catch (StackException e) { // connection refused or reset: no answer
            unanswered.incrementAndGet();
            contract.unanswered();
            return null;
        }
    }

    private static boolean refused(ContractLog contract, Http.Reply reply) {
        if (reply != null) {
            contract.refused(reply.method() + " " + reply.url() + " -> " + reply.status() + " " + reply.rawBody());
        }
        return false;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

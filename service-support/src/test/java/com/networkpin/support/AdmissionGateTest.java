package com.networkpin.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Bound, deadline and cancellation of the admission control, with work the test finishes itself. */
class AdmissionGateTest {

    private final AtomicInteger started = new AtomicInteger();

    private Supplier<Uni<String>> work(CompletableFuture<String> done) {
        return () -> {
            started.incrementAndGet();
            return Uni.createFrom().completionStage(done);
        };
    }

    /** A request doing {@code work}, as its client subscribes to the answer. */
    private static UniAssertSubscriber<String> send(AdmissionGate gate, Supplier<Uni<String>> work) {
        return gate.admit(work).subscribe().withSubscriber(UniAssertSubscriber.create());
    }

    /** A request that holds its place until the test completes the returned future. */
    private CompletableFuture<String> running(AdmissionGate gate) {
        CompletableFuture<String> done = new CompletableFuture<>();
        send(gate, work(done));
        return done;
    }

    @Test
    void givenOneRunningAndOneWaiting_whenAThirdComes_thenItIsRefusedAtOnceAndTheWaiterStartsWhenRoomIsMade() {
        AdmissionGate gate = new AdmissionGate(1, 1, Duration.ofSeconds(30), Duration.ofSeconds(2));
        CompletableFuture<String> firstDone = new CompletableFuture<>();
        CompletableFuture<String> secondDone = new CompletableFuture<>();
        var first = send(gate, work(firstDone));
        var second = send(gate, work(secondDone));

        var third = send(gate, work(new CompletableFuture<>()));

        thenOverloaded(third.assertFailedWith(ProblemException.class).getFailure(), 2);
        assertEquals(1, started.get(), "only the first began its work");
        assertEquals(1, gate.waiting());
        firstDone.complete("first");
        first.assertItem("first");
        assertEquals(2, started.get(), "the waiter took the place");
        secondDone.complete("second");
        second.awaitItem().assertItem("second");
        assertEquals(0, gate.inProgress());
        assertEquals(0, gate.waiting());
    }

    @Test
    void givenAWaiter_whenItsDeadlinePasses_thenItIsRefusedWithoutStartingAndLaterRequestsRun() {
        AdmissionGate gate = new AdmissionGate(1, 5, Duration.ofMillis(100), Duration.ofSeconds(1));
        CompletableFuture<String> firstDone = running(gate);

        var late = send(gate, work(new CompletableFuture<>()));

        thenOverloaded(late.awaitFailure(Duration.ofSeconds(10)).getFailure(), 1);
        assertEquals(1, started.get(), "the refused request never began its work");
        assertEquals(0, gate.waiting());
        firstDone.complete("first");
        assertEquals(0, gate.inProgress(), "the place is free again");
        send(gate, () -> Uni.createFrom().item("next")).assertItem("next");
    }

    @Test
    void givenAWaiter_whenItsClientGoesAway_thenItLeavesTheQueueAndNeverStarts() {
        AdmissionGate gate = new AdmissionGate(1, 1, Duration.ofSeconds(30), Duration.ofSeconds(1));
        CompletableFuture<String> firstDone = running(gate);
        var gone = send(gate, work(new CompletableFuture<>()));

        gone.cancel();

        assertEquals(0, gate.waiting());
        firstDone.complete("first");
        assertEquals(1, started.get());
        assertEquals(0, gate.inProgress());
    }

    @Test
    void aFailedRequestGivesItsPlaceBackToo() {
        AdmissionGate gate = new AdmissionGate(1, 0, Duration.ofSeconds(1), Duration.ofSeconds(1));
        send(gate, () -> Uni.createFrom().<String>failure(new IllegalStateException("refused by the domain")))
                .assertFailedWith(IllegalStateException.class);

        assertEquals(0, gate.inProgress());
        send(gate, () -> Uni.createFrom().item("next")).assertItem("next");
    }

    private static void thenOverloaded(Throwable failure, long retryAfterSeconds) {
        ProblemException refusal = assertInstanceOf(ProblemException.class, failure);
        assertEquals(503, refusal.problem().status());
        assertEquals("/problems/overloaded", refusal.problem().type());
        assertTrue(refusal.retryAfter().isPresent());
        assertEquals(retryAfterSeconds, refusal.retryAfter().get().toSeconds());
    }
}

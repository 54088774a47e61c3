package com.networkpin.eventstore.outbox;

import com.networkpin.events.LogSafe;
import com.networkpin.eventstore.config.EventStoreConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka, oldest first, and deletes a row only once the broker has
 * acknowledged it: at-least-once, in order per topic and key. One relay per database is active at a
 * time ({@link RelayLeadership}), so replicas of a service never reorder a stream.
 *
 * <p>Order per key: a round ({@link RelayRound}) sends at most one row of each topic and key, so a later
 * row of a key is never in flight beside an earlier one that might still fail; the next row of a key
 * leaves in the next round, once the earlier one is acknowledged. Rows of different keys leave together.
 *
 * <p>Failures: while Kafka is unreachable (a retriable failure) rows wait and the relay backs off;
 * nothing is lost. A row Kafka refuses for good ({@link KafkaRefusals}) is parked with its reason
 * ({@link RelayParking}): the relay goes on with the other keys, and the later rows of the parked row's
 * topic and key wait until an operator retries or discards it ({@link ParkedOutbox}).
 *
 * <p>This class is the loop: it runs on its own thread because the Kafka producer blocks while the
 * broker is unreachable. Nothing ends that thread but shutdown: any failure, an {@link Error} too, is
 * logged and the loop goes on after a back-off; should the thread end all the same, readiness is DOWN
 * ({@link OutboxRelayHealth}).
 */
@ApplicationScoped
public class OutboxRelay {

    /** What the relay is doing, for the readiness check. */
    public enum State { STARTING, RUNNING, BACKING_OFF, STOPPED, DISABLED }

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EventStoreConfig.Relay config;
    private final RelayRound round;
    private final RelayProducer producer;
    private final OutboxPurge purge;
    private final RelayFaults faults;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private volatile State state = State.STARTING;
    private volatile String lastFailure;
    private Thread thread;

    public OutboxRelay(EventStoreConfig config, RelayRound round, RelayProducer producer, OutboxPurge purge,
                RelayFaults faults) {
        this.config = config.relay();
        this.round = round;
        this.producer = producer;
        this.purge = purge;
        this.faults = faults;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            state = State.DISABLED;
            return;
        }
        producer.get();
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (thread == null) {
            return;
        }
        running = false;
        wakeUp.release();
        thread.join(RelayRound.DB_TIMEOUT.toMillis());
        producer.close();
    }

    /** Asks the relay to look now rather than at its next poll; cheap, may be called after every commit. */
    public void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /** STOPPED while the service runs means the relay thread ended: nothing would leave any more. */
    public State state() {
        if (running && (thread == null || !thread.isAlive())) {
            return State.STOPPED;
        }
        return state;
    }

    /** Why the relay last backed off, or null once a round went through. */
    public String lastFailure() {
        return lastFailure;
    }

    /** For tests: the next round fails with this, as any failure deep inside a round would. */
    public void failNextRound(Throwable failure) {
        faults.failNextRound(failure);
        wake();
    }

    private void run() {
        Duration backOff = config.pollInterval();
        while (running) {
            try {
                RelayRound.Result result = round.run();
                purge.occasionally();
                state = State.RUNNING;
                lastFailure = null;
                backOff = config.pollInterval();
                if (result.moreWaiting()) {
                    continue;
                }
                idle(config.pollInterval());
            } catch (Throwable e) { // an Error too: the relay must not end while the service runs
                state = State.BACKING_OFF;
                lastFailure = e.getClass().getName() + ": " + LogSafe.message(e);
                if (e instanceof Exception) {
                    LOG.warnf("outbox relay paused for %s: %s", backOff, lastFailure);
                } else {
                    LOG.errorf(LogSafe.throwable(e), "outbox relay failed, goes on after %s", backOff);
                }
                idle(backOff);
                backOff = min(backOff.multipliedBy(2), config.maxBackOff());
            }
        }
    }

    private void idle(Duration duration) {
        try {
            if (wakeUp.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUp.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

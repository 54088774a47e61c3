package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.localinfra.KafkaServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * F1: the Kafka broker goes away for 20 seconds in the middle of a stream of verifications. The
 * pin-service keeps answering (its events wait in the outbox); once the broker is back, every
 * recorded event reaches the PIN topic and both projections end as the pin-service says.
 */
@ExtendWith(RunningSystem.class)
class KafkaOutageTest {

    private static final Duration BEFORE = Duration.ofSeconds(3);
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final Duration AFTER = Duration.ofSeconds(3);

    @Test
    void aTwentySecondBrokerOutageLosesNothingAndDoublesNothingInTheProjections() throws InterruptedException {
        KafkaServer kafka = Infrastructure.get().kafka();
        PinApi pin = new PinApi(StackService.PIN_SERVICE.url());
        PinTraffic traffic = new PinTraffic(pin, "F1", 3);
        FaultFigures figures = new FaultFigures("F1 Kafka broker stopped for " + OUTAGE.toSeconds() + " s");
        List<ContractLog> contracts;
        int acceptedDuringOutage;
        long outageMillis;
        traffic.start();
        try {
            Thread.sleep(BEFORE.toMillis());
            kafka.stop();
            long stoppedAt = System.nanoTime();
            int acceptedBefore = traffic.counts().accepted();
            try {
                Thread.sleep(OUTAGE.toMillis());
                acceptedDuringOutage = traffic.counts().accepted() - acceptedBefore;
                outageMillis = Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis();
            } finally {
                kafka.start();
            }
            Thread.sleep(AFTER.toMillis());
        } finally {
            contracts = traffic.stop();
        }

        Reconciliation result = new Reconciliation(pin, figures.put("outageMs", outageMillis)
                .put("acceptedDuringOutage", acceptedDuringOutage)).check(contracts);
        figures.print();

        assertTrue(acceptedDuringOutage > 0, "the pin-service kept answering without the broker");
        assertEquals(List.of(), result.refusals, "every request was answered with success");
        assertEquals(List.of(), result.historyMismatches, "recorded events = what the answers said");
        assertEquals(0, result.lost.size(), "recorded events missing from the PIN topic: " + result.lost);
        assertEquals(0, result.unexpected.size(), "events on the topic that were never recorded");
        assertEquals(List.of(), result.inconsistent, "projections agree with the pin-service");
    }
}

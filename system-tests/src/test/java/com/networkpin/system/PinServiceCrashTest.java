package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.launcher.ServiceFleet;
import com.networkpin.launcher.ServiceProcess;
import com.networkpin.launcher.StackService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * F2: the pin-service is killed with SIGKILL in the middle of a stream of verifications and
 * started again. Requests in flight at the kill may go unanswered; every answered one is recorded
 * and published, and the projections end as the pin-service says.
 */
@ExtendWith(RunningSystem.class)
class PinServiceCrashTest {

    private static final Duration BEFORE = Duration.ofSeconds(4);
    private static final Duration AFTER = Duration.ofSeconds(4);
    private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(120);

    @Test
    void aKilledPinServiceLosesNoAnsweredAttemptAndTheProjectionsAgree() throws InterruptedException {
        ServiceFleet fleet = RunningSystem.fleet();
        ServiceProcess pinService = fleet.process(StackService.PIN_SERVICE);
        PinApi pin = new PinApi(StackService.PIN_SERVICE.url());
        PinTraffic traffic = new PinTraffic(pin, "F2", 3);
        FaultFigures figures = new FaultFigures("F2 pin-service killed (SIGKILL) and restarted");

        traffic.start();
        int acceptedBeforeKill;
        int acceptedBeforeRestart;
        Duration restart;
        List<ContractLog> contracts;
        try {
            Thread.sleep(BEFORE.toMillis());
            acceptedBeforeKill = traffic.counts().accepted();
            pinService.kill();
            fleet.start(StackService.PIN_SERVICE);
            restart = pinService.awaitReady(RESTART_TIMEOUT);
            acceptedBeforeRestart = traffic.counts().accepted();
            Thread.sleep(AFTER.toMillis());
        } finally {
            contracts = traffic.stop();
        }
        int acceptedAfterRestart = traffic.counts().accepted() - acceptedBeforeRestart;

        Reconciliation result = new Reconciliation(pin, figures.put("restartMs", restart.toMillis())
                .put("acceptedBeforeKill", acceptedBeforeKill)
                .put("acceptedAfterRestart", acceptedAfterRestart)).check(contracts);
        figures.print();

        assertTrue(acceptedBeforeKill > 0 && acceptedAfterRestart > 0, "traffic ran on both sides of the crash");
        assertEquals(List.of(), result.refusals, "every answered request was answered with success");
        assertEquals(List.of(), result.historyMismatches, "recorded events = what the answers said");
        assertEquals(0, result.lost.size(), "recorded events missing from the PIN topic: " + result.lost);
        assertEquals(0, result.unexpected.size(), "events on the topic that were never recorded");
        assertEquals(List.of(), result.inconsistent, "projections agree with the pin-service");
    }
}

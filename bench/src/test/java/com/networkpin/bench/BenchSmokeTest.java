package com.networkpin.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A tiny run of the whole benchmark, so that it cannot rot; figures are not judged at this size. */
class BenchSmokeTest {

    @Test
    void everyFigureIsMeasured() {
        Report report = Bench.run(BenchOptions.parse(List.of("--smoke")), Path.of("..").toAbsolutePath().normalize());
        report.print(System.out);

        // Durable by default, as the server itself reports it.
        assertTrue(report.settings().get("postgres").toString().startsWith("durable (fsync=on, synchronous_commit=on"),
                report.settings().toString());
        Set<String> ids = report.figures().stream().map(Figure::id).collect(Collectors.toSet());
        assertEquals(Set.of("P1", "P1c", "C0", "C1", "C2", "P2", "P3", "P4", "P5", "P6", "P7", "P7f"), ids);
        for (Figure figure : report.figures()) {
            // One process's share of P1c (an idle Keycloak) may round to no clock tick in a one-second step.
            boolean share = figure.id().equals("P1c") && figure.what().startsWith("  ");
            // P7's counts (time-outs), its slowest refusal (none in a short burst) and seconds to settle may be 0, and
            // so may the baseline's p99 when it answered nothing within the gateway's time-out (its point).
            boolean mayBeZero = figure.id().startsWith("P7")
                    && (!figure.what().contains("p99") || figure.what().contains("baseline") && figure.what().contains("answers {}"));
            assertTrue(share || mayBeZero || figure.value() > 0, figure.id() + " " + figure.what() + " was not measured");
        }
        assertTrue(report.figures().stream().anyMatch(f -> f.what().contains("old path")), "no old path figure");
        // P6's goal is judged on each service started alone, the others up.
        assertEquals(List.of("pin-service: time to ready, started alone (the others up)",
                        "lock-scheduler: time to ready, started alone (the others up)",
                        "reservation-service: time to ready, started alone (the others up)"),
                report.figures().stream().filter(f -> f.goal().equals("< 3 s")).map(Figure::what).toList());
        report.figures().stream().filter(f -> f.what().contains("errors)"))
                .forEach(f -> assertTrue(f.what().contains("(0 errors)"), f.what()));
        // Correctness is judged even at this size: three bookings of three counters, every other one refused.
        report.figures().stream().filter(f -> f.id().equals("P4") && f.goal().startsWith("exactly"))
                .forEach(f -> assertTrue(f.met(), f.what() + ": " + f.value()));
    }
}

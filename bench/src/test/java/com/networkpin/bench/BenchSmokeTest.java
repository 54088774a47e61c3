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

        Set<String> ids = report.figures().stream().map(Figure::id).collect(Collectors.toSet());
        assertEquals(Set.of("P1", "P2", "P3", "P4", "P5", "P6"), ids);
        for (Figure figure : report.figures()) {
            assertTrue(figure.value() > 0, figure.id() + " " + figure.what() + " was not measured");
        }
        report.figures().stream().filter(f -> f.id().equals("P1"))
                .forEach(f -> assertTrue(f.what().contains("(0 errors)"), f.what()));
        // Correctness is judged even at this size: three bookings of three counters, every other one refused.
        report.figures().stream().filter(f -> f.id().equals("P4") && f.goal().startsWith("exactly"))
                .forEach(f -> assertTrue(f.met(), f.what() + ": " + f.value()));
    }
}

package com.networkpin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./stack bench --ha}, last step: the figures of the single-node run and of the run on the
 * replicated topology (three Kafka nodes, Patroni with a synchronous standby behind HAProxy), taken one
 * after the other by the same command, side by side with their ratio: what replication costs.
 */
public final class ReplicationCost {

    private static final Set<String> COMPARED = Set.of("C1", "C2", "P1", "P1c", "P2");

    private ReplicationCost() {
    }

    /** @param args the single-node results file, then the replicated one (both written by {@link Bench}) */
    public static void main(String[] args) {
        Map<String, JsonNode> single = figures(Path.of(args[0]));
        Map<String, JsonNode> replicated = figures(Path.of(args[1]));
        System.out.printf("%nWhat replication costs (same command, single node first, then replicated)%n");
        System.out.printf("%-4s | %-80s | %14s | %14s | %-8s | %s%n", "id", "figure", "single node", "replicated",
                "unit", "replicated / single");
        System.out.println("-".repeat(150));
        single.forEach((key, figure) -> {
            JsonNode other = replicated.get(key);
            if (other == null) {
                return;
            }
            double value = figure.path("value").asDouble();
            double otherValue = other.path("value").asDouble();
            System.out.printf("%-4s | %-80s | %14.2f | %14.2f | %-8s | %s%n", figure.path("id").asText(),
                    figure.path("what").asText(), value, otherValue, figure.path("unit").asText(),
                    value == 0 ? "" : String.format("%.2f", otherValue / value));
        });
    }

    /** The compared figures of one results file, by id and description. */
    private static Map<String, JsonNode> figures(Path file) {
        try {
            Map<String, JsonNode> figures = new LinkedHashMap<>();
            for (JsonNode figure : new ObjectMapper().readTree(file.toFile()).path("figures")) {
                if (COMPARED.contains(figure.path("id").asText())) {
                    figures.put(figure.path("id").asText() + " " + figure.path("what").asText(), figure);
                }
            }
            return figures;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}

package com.networkpin.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./stack status}: each service's readiness and the figures that matter now, read from its
 * /q/health/ready and /q/metrics (the same series an operator's Prometheus scrapes).
 */
final class StatusCommand {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** A figure shown for a service: a label and the series it sums. */
    private record Figure(String label, String series) {
    }

    private static final List<Figure> EVERY_SERVICE = List.of(
            new Figure("outbox backlog", "network_pin_outbox_backlog"),
            new Figure("oldest unsent (s)", "network_pin_outbox_oldest_unsent_age_seconds"),
            new Figure("parked rows", "network_pin_outbox_parked"),
            new Figure("consumer lag", "kafka_consumer_fetch_manager_records_lag_max"));

    private static final List<Figure> SCHEDULER = List.of(
            new Figure("pending locks", "network_pin_scheduler_pending_locks"),
            new Figure("due next midnight", "network_pin_scheduler_next_midnight_due_locks"),
            new Figure("midnight overdue (s)", "network_pin_scheduler_midnight_overdue_seconds"));

    private static final List<Figure> PIN_SERVICE = List.of(
            new Figure("verifications", "network_pin_pin_verifications_total"),
            new Figure("locks", "network_pin_pin_locks_total"));

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    void print(PrintStream out) {
        for (StackService service : StackService.values()) {
            String readiness = readiness(service);
            List<String> figures = new ArrayList<>();
            if (service != StackService.WEB_CONSOLE && !readiness.equals("not running")) {
                String metrics = get(service.url() + "/q/metrics");
                figuresOf(service).forEach(figure -> figures.add(figure.label() + " " + format(sum(metrics, figure.series()))));
            }
            out.printf("%-20s %-12s %s%n", service.moduleName(), readiness, String.join(", ", figures));
        }
    }

    private static List<Figure> figuresOf(StackService service) {
        List<Figure> figures = new ArrayList<>();
        if (service == StackService.PIN_SERVICE) {
            figures.addAll(PIN_SERVICE);
        } else if (service == StackService.LOCK_SCHEDULER) {
            figures.addAll(SCHEDULER);
        }
        figures.addAll(EVERY_SERVICE);
        return figures;
    }

    private String readiness(StackService service) {
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                    .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? "ready" : "NOT READY";
        } catch (IOException e) {
            return "not running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "not running";
        }
    }

    private String get(String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The sum of every sample of a series (all its label sets) in the Prometheus text format. */
    static double sum(String metrics, String series) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        double total = 0;
        while (sample.find()) {
            String value = sample.group(1);
            if (!value.endsWith("Inf") && !value.equals("NaN")) { // a Kafka metric before its first sample
                total += Double.parseDouble(value);
            }
        }
        return total;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.1f", value);
    }
}

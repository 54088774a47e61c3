package com.networkpin.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects figures, prints them as a table and writes them as JSON. */
public final class Report {

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> setting = new LinkedHashMap<>();

    public void setting(String name, Object value) {
        setting.put(name, value);
    }

    public Figure add(Figure figure) {
        figures.add(figure);
        System.out.printf("  %-4s %-80s %12s %s%n", figure.id(), figure.what(), format(figure.value()), figure.unit());
        return figure;
    }

    public Map<String, Object> settings() {
        return Map.copyOf(setting);
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    public void print(PrintStream out) {
        out.println();
        setting.forEach((name, value) -> out.printf("%-12s %s%n", name + ":", value));
        out.printf("%n%-4s | %-80s | %12s %-8s | %12s | %-40s | %6s | %-34s | %s%n",
                "id", "figure", "value", "unit", "ceiling", "ceiling is", "ratio", "goal", "met");
        out.println("-".repeat(212));
        for (Figure f : figures) {
            out.printf("%-4s | %-80s | %12s %-8s | %12s | %-40s | %6s | %-34s | %s%n",
                    f.id(), f.what(), format(f.value()), f.unit(),
                    f.ceiling() == null ? "" : format(f.ceiling()), f.ceilingWhat() == null ? "" : f.ceilingWhat(),
                    f.ratio() == null ? "" : String.format("%.0f %%", 100 * f.ratio()), f.goal(),
                    f.met() ? "yes" : "NO");
        }
    }

    public void write(Path file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("measuredAt", Instant.now().toString());
        json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "java", System.getProperty("java.version")));
        json.put("setting", setting);
        json.put("figures", figures);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(double value) {
        return value >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
    }
}

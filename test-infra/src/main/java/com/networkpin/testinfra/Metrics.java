package com.networkpin.testinfra;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The application's /q/metrics as Prometheus reads it, and the samples of its series. */
public final class Metrics {

    private final String text;

    private Metrics(String text) {
        this.text = text;
    }

    /** Scrapes the application under test (RestAssured's base address). */
    public static Metrics scrape() {
        return new Metrics(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The sample of one series, written as in the text format (e.g. {@code x_total{a="b"}}); 0 when absent. */
    public double value(String series) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }

    /** How much a series grew since {@code before}. */
    public double since(Metrics before, String series) {
        return value(series) - before.value(series);
    }

    public boolean has(String series) {
        return Pattern.compile("(?m)^" + Pattern.quote(series) + "[ {]").matcher(text).find();
    }

    public String text() {
        return text;
    }
}

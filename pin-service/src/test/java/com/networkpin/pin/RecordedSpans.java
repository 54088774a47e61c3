package com.networkpin.pin;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The test profile's span exporter: every span the pin-service ends, kept in memory for the tests to read. */
@ApplicationScoped
public class RecordedSpans {

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

    @Produces
    @Singleton
    SpanExporter exporter() {
        return exporter;
    }

    public InMemorySpanExporter spans() {
        return exporter;
    }
}

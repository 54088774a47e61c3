package com.networkpin.eventstore.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OtlpExportTest {

    private static final Duration DELAY = Duration.ofSeconds(5);

    @Test
    void givenHttpProtobuf_whenExporting_thenTheSpansGoToTheTracesPathUnderTheBaseEndpoint() {
        assertEquals("http://collector:4318/v1/traces",
                new OtlpExport("http://collector:4318", "http/protobuf", DELAY).tracesUrl());
        assertEquals("http://collector:4318/v1/traces",
                new OtlpExport("http://collector:4318/", "HTTP/PROTOBUF", DELAY).tracesUrl());
        try (SpanExporter exporter = new OtlpExport("http://collector:4318", "http/protobuf", DELAY).exporter()) {
            assertEquals(OtlpHttpSpanExporter.class, exporter.getClass());
        }
    }

    @Test
    void givenGrpc_whenExporting_thenTheGrpcExporterIsUsed() {
        try (SpanExporter exporter = new OtlpExport("http://collector:4317", "grpc", DELAY).exporter()) {
            assertEquals(OtlpGrpcSpanExporter.class, exporter.getClass());
        }
    }

    @Test
    void givenAnUnknownProtocol_whenConfigured_thenTheServiceRefusesToStart() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new OtlpExport("http://collector:4318", "http/json", DELAY));
        assertEquals("otel.exporter.otlp.protocol must be grpc or http/protobuf, not http/json", refused.getMessage());
    }
}

package com.networkpin.eventstore.trace;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the spans go over OTLP, read from the standard OpenTelemetry settings so that an operator's
 * collector configuration works unchanged: {@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code
 * OTEL_EXPORTER_OTLP_PROTOCOL} ({@code grpc}, the default, or {@code http/protobuf}) and {@code
 * OTEL_BSP_SCHEDULE_DELAY} (milliseconds between batches).
 */
record OtlpExport(String endpoint, String protocol, Duration scheduleDelay) {

    static final String GRPC = "grpc";
    static final String HTTP_PROTOBUF = "http/protobuf";
    /** The specification's path for traces under the base endpoint of OTLP over HTTP. */
    private static final String TRACES_PATH = "v1/traces";

    OtlpExport {
        protocol = protocol.trim().toLowerCase(Locale.ROOT);
        if (!protocol.equals(GRPC) && !protocol.equals(HTTP_PROTOBUF)) {
            // A typo would otherwise drop every span without a word: refuse to start instead.
            throw new IllegalArgumentException("otel.exporter.otlp.protocol must be " + GRPC + " or "
                    + HTTP_PROTOBUF + ", not " + protocol);
        }
    }

    SpanProcessor processor() {
        return BatchSpanProcessor.builder(exporter()).setScheduleDelay(scheduleDelay).build();
    }

    SpanExporter exporter() {
        if (protocol.equals(GRPC)) {
            return OtlpGrpcSpanExporter.builder().setEndpoint(endpoint).build();
        }
        return OtlpHttpSpanExporter.builder().setEndpoint(tracesUrl()).build();
    }

    /**
     * As the specification says for {@code OTEL_EXPORTER_OTLP_ENDPOINT} over HTTP: the base URL, to
     * which the signal's path is appended ({@code http://collector:4318} → {@code …/v1/traces}).
     */
    String tracesUrl() {
        return endpoint.endsWith("/") ? endpoint + TRACES_PATH : endpoint + "/" + TRACES_PATH;
    }
}

package com.networkpin.eventstore.trace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

/**
 * One trace from a REST call to every consumer it causes (W3C Trace Context): a request's span is
 * kept on its Vert.x context, {@code Outbox} stores its {@code traceparent} with each row written in
 * that request, the relay sends it as a Kafka header, and {@code EventConsumer} continues the trace
 * in a consumer span. Spans are exported over OTLP when {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set
 * (gRPC or HTTP, see {@link OtlpExport}), or to a {@link SpanExporter} bean, as the tests provide;
 * without either, trace ids still travel.
 */
@ApplicationScoped
public class Tracing {

    public static final String TRACEPARENT = "traceparent";
    private static final String CURRENT_SPAN = "network-pin.current-span";
    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";
    private static final W3CTraceContextPropagator PROPAGATOR = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final SdkTracerProvider provider;
    private final Tracer tracer;

    public Tracing(@ConfigProperty(name = "quarkus.application.name") String service,
                   @ConfigProperty(name = "otel.exporter.otlp.endpoint") Optional<String> otlpEndpoint,
                   @ConfigProperty(name = "otel.exporter.otlp.protocol", defaultValue = OtlpExport.GRPC) String protocol,
                   @ConfigProperty(name = "otel.bsp.schedule.delay", defaultValue = "5000") long scheduleDelayMillis,
                   Instance<SpanExporter> exporters) {
        SdkTracerProviderBuilder builder = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(
                        io.opentelemetry.api.common.Attributes.of(AttributeKey.stringKey("service.name"), service))));
        if (exporters.isResolvable()) {
            builder.addSpanProcessor(SimpleSpanProcessor.create(exporters.get()));
        } else {
            otlpEndpoint.filter(endpoint -> !endpoint.isBlank()).ifPresent(endpoint -> builder.addSpanProcessor(
                    new OtlpExport(endpoint, protocol, Duration.ofMillis(scheduleDelayMillis)).processor()));
        }
        this.provider = builder.build();
        this.tracer = provider.get("network-pin");
    }

    void close(@Observes ShutdownEvent event) {
        provider.close();
    }

    /** A span continuing {@code traceparent} (a new trace when it is null or malformed). */
    public Span start(String name, SpanKind kind, String traceparent) {
        Context parent = traceparent == null ? Context.root()
                : PROPAGATOR.extract(Context.root(), Map.of(TRACEPARENT, traceparent), GETTER);
        return tracer.spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
    }

    /** Makes {@code span} the current one of this request or message (its Vert.x duplicated context); null: none. */
    public static void makeCurrent(Span span) {
        if (!VertxContext.isOnDuplicatedContext()) {
            return;
        }
        if (span == null) {
            ContextLocals.remove(CURRENT_SPAN);
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
        } else {
            ContextLocals.put(CURRENT_SPAN, span);
            // Quarkus keeps the MDC on the same Vert.x context: every log line of the request names its trace.
            MDC.put(TRACE_ID, span.getSpanContext().getTraceId());
            MDC.put(SPAN_ID, span.getSpanContext().getSpanId());
        }
    }

    /** The {@code traceparent} of the current request's or message's span, if there is one. */
    public static Optional<String> currentTraceparent() {
        if (!VertxContext.isOnDuplicatedContext()) {
            return Optional.empty();
        }
        return ContextLocals.<Span>get(CURRENT_SPAN).map(Tracing::traceparentOf);
    }

    static String traceparentOf(Span span) {
        Map<String, String> carrier = new HashMap<>();
        PROPAGATOR.inject(Context.root().with(span), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }
}

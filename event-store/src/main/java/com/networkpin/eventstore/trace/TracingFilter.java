package com.networkpin.eventstore.trace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * A server span for every REST call, continuing the caller's {@code traceparent} header; named by
 * method and resource ({@code POST PinResource.verify}), never by a path that holds a contract id.
 */
@Provider
public class TracingFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String SPAN = TracingFilter.class.getName() + ".span";

    private final Tracing tracing;

    @Context
    ResourceInfo resource;

    public TracingFilter(Tracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String operation = resource == null || resource.getResourceMethod() == null ? "unmatched"
                : resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName();
        Span span = tracing.start(request.getMethod() + " " + operation, SpanKind.SERVER,
                request.getHeaderString(Tracing.TRACEPARENT));
        span.setAttribute(AttributeKey.stringKey("http.request.method"), request.getMethod());
        request.setProperty(SPAN, span);
        Tracing.makeCurrent(span);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(SPAN) instanceof Span span) {
            span.setAttribute(AttributeKey.longKey("http.response.status_code"), response.getStatus());
            if (response.getStatus() >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }
}

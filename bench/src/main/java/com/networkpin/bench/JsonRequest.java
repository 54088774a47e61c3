package com.networkpin.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * One request of the load generator ({@link Load}): a JSON body sent with a bearer token to an absolute URL,
 * with an {@code Idempotency-Key} when {@code idempotencyKey} is not null.
 */
record JsonRequest(HttpMethod method, String url, String bearer, String body, String idempotencyKey) {

    static JsonRequest post(String url, String bearer, String body) {
        return new JsonRequest(HttpMethod.POST, url, bearer, body, null);
    }

    static JsonRequest put(String url, String bearer, String body) {
        return new JsonRequest(HttpMethod.PUT, url, bearer, body, null);
    }

    RequestOptions options() {
        RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        if (idempotencyKey != null) {
            options.putHeader("Idempotency-Key", idempotencyKey);
        }
        return options;
    }

    Buffer payload() {
        return Buffer.buffer(body);
    }
}

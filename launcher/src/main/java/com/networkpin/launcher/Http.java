package com.networkpin.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A small JSON-over-HTTP client for the demo and the end-to-end tests. Calls carry the bearer token
 * of the {@link Actor} given by {@link #as(Actor)}; a plain {@code new Http()} calls anonymously.
 */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client;
    private final Actor actor;

    public Http() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), Actor.ANONYMOUS);
    }

    private Http(HttpClient client, Actor actor) {
        this.client = client;
        this.actor = actor;
    }

    /** The same client, calling as {@code who}. */
    public Http as(Actor who) {
        return new Http(client, who);
    }

    /**
     * A response: status and parsed body (a MissingNode when the body is empty or not JSON), and who
     * called.
     */
    public record Reply(String method, String url, String requestBody, int status, JsonNode body, String rawBody,
                        String caller, java.net.http.HttpHeaders headers) {

        public String text(String field) {
            return body.path(field).asText();
        }

        /** The first value of a response header, empty when it has none. */
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    public Reply get(String url) {
        return send("GET", url, null, Map.of());
    }

    public Reply post(String url, Object body) {
        return send("POST", url, body, Map.of());
    }

    public Reply post(String url, Object body, Map<String, String> headers) {
        return send("POST", url, body, headers);
    }

    public Reply put(String url, Object body) {
        return send("PUT", url, body, Map.of());
    }

    public Reply put(String url, Object body, Map<String, String> headers) {
        return send("PUT", url, body, headers);
    }

    private Reply send(String method, String url, Object body, Map<String, String> headers) {
        try {
            String json = body == null ? null : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            String bearer = actor.bearer();
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(method, url, json, response.statusCode(), parse(response.body()), response.body(),
                    actor.label(bearer), response.headers());
        } catch (IOException e) {
            throw new StackException(method + " " + url + " failed: " + e.getMessage()
                    + " (is the stack up? ./stack up)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            return node.toString();
        }
    }
}

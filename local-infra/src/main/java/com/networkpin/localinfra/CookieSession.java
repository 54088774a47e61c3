package com.networkpin.localinfra;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One person's requests without a browser, for the tests of the login at the local Keycloak (and the console):
 * redirects are not followed (the caller decides), every {@code Set-Cookie} is kept, Secure ones too (everything is
 * localhost), an emptied or expired one dropped, and all are sent back as one {@code Cookie} header.
 */
public final class CookieSession {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Duration timeout;

    /** @param timeout how long one request may take */
    public CookieSession(Duration timeout) {
        this.timeout = timeout;
    }

    /** A cookie of the person's own, e.g. a language choice. */
    public void set(String name, String value) {
        cookies.put(name, value);
    }

    /** Whether a kept cookie's name matches. */
    public boolean has(Predicate<String> name) {
        return cookies.keySet().stream().anyMatch(name);
    }

    /** Sends the request with the kept cookies and keeps those the answer sets. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpRequest built = request.timeout(timeout).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            keep(response);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("no answer from " + built.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + built.uri(), e);
        }
    }

    private void keep(HttpResponse<String> response) {
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int equals = pair.indexOf('=');
            String name = pair.substring(0, equals).trim();
            String value = pair.substring(equals + 1).trim();
            if (value.isEmpty() || set.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }
}

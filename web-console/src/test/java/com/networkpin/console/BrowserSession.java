package com.networkpin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.localinfra.CookieSession;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.localinfra.KeycloakTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person's browser without a browser: cookies kept, redirects followed, and the login a person makes —
 * the console sends them to Keycloak's login page, they submit it, Keycloak sends them back with a code
 * that the console exchanges. Every host is localhost, so one cookie jar serves both.
 */
final class BrowserSession {

    private static final Pattern LOGIN_FORM = Pattern.compile("action=\"([^\"]*login-actions/authenticate[^\"]*)\"");

    private final CookieSession session = new CookieSession(Duration.ofSeconds(60));
    private final String language;

    BrowserSession(String language) {
        this.language = language;
        session.set("lang", language);
    }

    /** A new customer of a contract of their own, logged in at the real Keycloak through {@code page}. */
    static BrowserSession customer(URI console, String page, String language) {
        Infrastructure.tokens().allowRedirect(console.resolve("/*").toString());
        BrowserSession browser = new BrowserSession(language);
        String contract = "C-" + UUID.randomUUID().toString().substring(0, 8);
        browser.logIn(console.resolve(page), Infrastructure.tokens().ensureCustomer(contract));
        return browser;
    }

    /** Logs {@code username} in through the console's {@code page}, as a person would. */
    void logIn(URI page, String username) {
        HttpResponse<String> login = get(page);
        assertEquals(200, login.statusCode(), "Keycloak's login page");
        Matcher action = LOGIN_FORM.matcher(login.body());
        assertTrue(action.find(), "a login form on " + login.uri());
        String form = "username=" + encode(username) + "&password=" + encode(KeycloakTokens.DEMO_PASSWORD)
                + "&credentialId=";
        HttpResponse<String> back = follow(send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
        assertTrue(session.has(name -> name.startsWith("q_session")),
                "the console's session cookie after the login, at " + back.uri());
    }

    /** A GET, redirects followed. */
    HttpResponse<String> get(URI uri) {
        return follow(send(HttpRequest.newBuilder(uri).GET()));
    }

    private HttpResponse<String> follow(HttpResponse<String> response) {
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).GET());
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return session.send(request.header("Accept-Language", language));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

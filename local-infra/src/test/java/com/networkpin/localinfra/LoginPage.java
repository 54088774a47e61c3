package com.networkpin.localinfra;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person at Keycloak's login pages without a browser: the authorization request of a code-flow client, the
 * forms posted with the cookies Keycloak set, Keycloak's redirects inside itself followed, the redirect back to the
 * client kept (not followed): it carries the authorization code of a login that succeeded.
 */
final class LoginPage {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern HIDDEN_SECRET = Pattern.compile("name=\"totpSecret\" value=\"([^\"]+)\"");
    /** PKCE's S256 challenge of the verifier "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk" (RFC 7636, appendix B). */
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWpG2Df2HWUUU";

    private final CookieSession session = new CookieSession(Duration.ofSeconds(30));
    private final String keycloak;
    private HttpResponse<String> last;

    /** Opens the login page of {@code realm} for {@code clientId}, which sends people back to {@code redirectUri}. */
    LoginPage(String keycloakUrl, String realm, String clientId, String redirectUri) {
        this.keycloak = keycloakUrl;
        last = follow(session.send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/" + realm
                + "/protocol/openid-connect/auth?response_type=code&scope=openid&code_challenge_method=S256"
                + "&code_challenge=" + CHALLENGE + "&client_id=" + encode(clientId) + "&redirect_uri="
                + encode(redirectUri)))));
    }

    /** Submits the page's form with these fields. */
    LoginPage submit(Map<String, String> fields) {
        Matcher action = FORM_ACTION.matcher(last.body());
        if (!action.find()) {
            throw new AssertionError("no form on the page " + last.uri() + ": " + last.statusCode());
        }
        String form = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        last = follow(session.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
        return this;
    }

    LoginPage password(String username, String password) {
        return submit(Map.of("username", username, "password", password, "credentialId", ""));
    }

    /** The one-time code form, or the set-up page's code (with its secret sent back as the page holds it). */
    LoginPage code(String code) {
        Matcher secret = HIDDEN_SECRET.matcher(last.body());
        return submit(secret.find() ? Map.of("totp", code, "totpSecret", secret.group(1), "userLabel", "test")
                : Map.of("otp", code));
    }

    /** The authorization code of a login that succeeded: the redirect back to the client carries it. */
    Optional<String> authorizationCode() {
        return last.statusCode() / 100 == 3 ? last.headers().firstValue("Location").filter(l -> l.contains("code="))
                : Optional.empty();
    }

    boolean asksForCode() {
        return last.statusCode() == 200 && last.body().contains("id=\"kc-otp-login-form\"");
    }

    boolean asksForPassword() {
        return last.statusCode() == 200 && last.body().contains("name=\"password\"");
    }

    /** The set-up page of a one-time code (required action CONFIGURE_TOTP): its secret's key, as the page holds it. */
    Optional<byte[]> setUpKey() {
        Matcher secret = HIDDEN_SECRET.matcher(last.body());
        return last.statusCode() == 200 && secret.find()
                ? Optional.of(secret.group(1).getBytes(StandardCharsets.UTF_8)) : Optional.empty();
    }

    String describe() {
        return last.statusCode() + " " + last.uri() + " " + last.headers().firstValue("Location").orElse("");
    }

    /** Follows redirects that stay at Keycloak; a redirect elsewhere (back to the client) is the answer. */
    private HttpResponse<String> follow(HttpResponse<String> response) {
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            if (!next.toString().startsWith(keycloak)) {
                return response;
            }
            response = session.send(HttpRequest.newBuilder(next).GET());
        }
        return response;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package com.networkpin.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The login protections, on a real Keycloak: the production template imported as a realm of its own (so the
 * very file a deployment imports is what is tried), and the development realm's console client.
 */
class LoginProtectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct-horse-battery";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static KeycloakServer keycloak;
    private static KeycloakTokens tokens;

    @BeforeAll
    static void start() {
        keycloak = Infrastructure.keycloak();
        tokens = new KeycloakTokens(keycloak.url());
    }

    @Test
    void thePasswordGrantIsRefusedOnTheConsoleClient() throws Exception {
        HttpResponse<String> answer = passwordGrant(KeycloakServer.REALM, "network-pin-console", "agent1",
                KeycloakTokens.DEMO_PASSWORD);

        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals("unauthorized_client", JSON.readTree(answer.body()).path("error").asText());
    }

    /**
     * Five wrong passwords lock the account: the right one is refused while it is locked, and accepted after the
     * wait. The template's wait (60 s, rising to 15 min) is shortened to 3 s in this realm only; the count of
     * failures and the rest are the template's. Guesses are 1.1 s apart: two failures within a second lock at
     * once (Keycloak's quick-login check), which is not what this counts.
     */
    @Test
    void guessingAPasswordLocksTheAccountForAWhileAndTheRightPasswordIsRefusedMeanwhile() throws Exception {
        String realm = templateRealm();
        String userId = createUser(realm, "staff-guessed", PASSWORD);
        int failureFactor = readTemplate().path("failureFactor").asInt();

        for (int guess = 1; guess <= failureFactor; guess++) {
            assertRefused(passwordGrant(realm, "login-test", "staff-guessed", "wrong-guess-" + guess));
            assertEquals(guess == failureFactor, bruteForceStatus(realm, userId).path("disabled").asBoolean(),
                    "locked after " + guess + " failures");
            Thread.sleep(1_100);
        }
        assertRefused(passwordGrant(realm, "login-test", "staff-guessed", PASSWORD)); // the right one, while locked

        Thread.sleep(4_000);
        assertEquals(200, passwordGrant(realm, "login-test", "staff-guessed", PASSWORD).statusCode(),
                "the right password after the wait");
    }

    @Test
    void aPasswordAgainstThePolicyIsRefused() throws Exception {
        String realm = templateRealm();
        for (String weak : List.of("short-pass", "policy-user-name")) {
            HttpResponse<String> created = admin("POST", "/admin/realms/" + realm + "/users", Map.of(
                    "username", "policy-user-name", "enabled", true,
                    "credentials", List.of(Map.of("type", "password", "value", weak, "temporary", false))));
            assertEquals(400, created.statusCode(), weak + ": " + created.body());
        }
    }

    /**
     * A realm made from the production template, its {@code ${NETWORK_PIN_…}} placeholders filled as Keycloak fills
     * them from the environment at import (the admin API fills none), with a client for the password grant.
     */
    private static String templateRealm() throws IOException, InterruptedException {
        String filled = Pattern.compile("\\$\\{(NETWORK_PIN_[A-Z_]+)}").matcher(JSON.writeValueAsString(readTemplate()))
                .replaceAll(placeholder -> placeholder.group(1).equals("NETWORK_PIN_CONSOLE_URL")
                        ? "https://console.network-pin.example" : "secret-" + UUID.randomUUID());
        ObjectNode realm = (ObjectNode) JSON.readTree(filled);
        String name = "template-" + System.nanoTime();
        realm.put("realm", name).put("waitIncrementSeconds", 3).put("minimumQuickLoginWaitSeconds", 3)
                .put("maxFailureWaitSeconds", 10);
        expect(admin("POST", "/admin/realms", realm), 201);
        expect(admin("POST", "/admin/realms/" + name + "/clients", Map.of("clientId", "login-test",
                "publicClient", true, "directAccessGrantsEnabled", true, "standardFlowEnabled", false)), 201);
        return name;
    }

    private static JsonNode readTemplate() throws IOException {
        return JSON.readTree(Path.of("..", "identity", "realm", "production-realm-template.json").toFile());
    }

    private static String createUser(String realm, String username, String password) throws Exception {
        HttpResponse<String> created = expect(admin("POST", "/admin/realms/" + realm + "/users", Map.of(
                "username", username, "enabled", true, "email", username + "@network-pin.example",
                "emailVerified", true, "firstName", "Test", "lastName", "User",
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)))), 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static JsonNode bruteForceStatus(String realm, String userId) throws Exception {
        return JSON.readTree(expect(admin("GET", "/admin/realms/" + realm + "/attack-detection/brute-force/users/"
                + userId, null), 200).body());
    }

    private static HttpResponse<String> passwordGrant(String realm, String client, String username, String password)
            throws IOException, InterruptedException {
        String form = Map.of("grant_type", "password", "client_id", client, "username", username, "password", password)
                .entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.url() + "/realms/" + realm
                        + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> admin(String method, String path, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak.url() + path))
                .header("Authorization", "Bearer " + tokens.masterRealmToken());
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Keycloak's answer to a refused password grant: it never says whether the account is locked. */
    private static void assertRefused(HttpResponse<String> answer) throws IOException {
        assertTrue(answer.statusCode() == 400 || answer.statusCode() == 401, answer.statusCode() + " " + answer.body());
        assertEquals("invalid_grant", JSON.readTree(answer.body()).path("error").asText(), answer.body());
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        assertTrue(response.statusCode() == status, response.statusCode() + " " + response.body());
        return response;
    }

    static {
        assertFalse(PASSWORD.length() < 12, "the test's own password meets the policy");
    }
}

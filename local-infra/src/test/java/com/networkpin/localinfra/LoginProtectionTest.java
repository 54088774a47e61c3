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
import java.time.Instant;
import java.util.ArrayList;
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
    private static final String CONSOLE_URL = "https://console.network-pin.example";
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

    /**
     * The same at the login page a person uses (the console client's code flow, forms posted with the page's
     * cookies): five wrong passwords lock the account, the right one is refused while it is locked (the page asks
     * again and lets nobody in), and lets the person in after the wait.
     */
    @Test
    void guessingAtTheLoginPageLocksTheAccountForAWhileAndTheRightPasswordIsRefusedMeanwhile() throws Exception {
        String realm = templateRealm();
        String userId = createUser(realm, "customer-guessed", PASSWORD, "customer", List.of());
        int failureFactor = readTemplate().path("failureFactor").asInt();

        for (int guess = 1; guess <= failureFactor; guess++) {
            LoginPage page = loginPage(realm).password("customer-guessed", "wrong-guess-" + guess);
            assertTrue(page.asksForPassword() && page.authorizationCode().isEmpty(), page.describe());
            assertEquals(guess == failureFactor, bruteForceStatus(realm, userId).path("disabled").asBoolean(),
                    "locked after " + guess + " failures");
            Thread.sleep(1_100);
        }
        LoginPage whileLocked = loginPage(realm).password("customer-guessed", PASSWORD);
        assertTrue(whileLocked.asksForPassword() && whileLocked.authorizationCode().isEmpty(),
                "the right password while locked: " + whileLocked.describe());

        Thread.sleep(4_000);
        LoginPage afterTheWait = loginPage(realm).password("customer-guessed", PASSWORD);
        assertTrue(afterTheWait.authorizationCode().isPresent(), "the right password after the wait: "
                + afterTheWait.describe());
    }

    /**
     * Shop staff (and support agents, operators) with the right password are asked for their one-time code and
     * let in only with the right one; a customer goes straight through.
     */
    @Test
    void staffWithTheRightPasswordAreLetInOnlyWithTheirOneTimeCode() throws Exception {
        String realm = templateRealm();
        byte[] key = "a-test-secret-of-20b".getBytes(StandardCharsets.UTF_8);
        createUser(realm, "staff-with-code", PASSWORD, "shop-staff", List.of(Map.of("type", "otp",
                "secretData", JSON.writeValueAsString(Map.of("value", new String(key, StandardCharsets.UTF_8))),
                "credentialData", JSON.writeValueAsString(Map.of("subType", "totp", "digits", 6, "period", 30,
                        "counter", 0, "algorithm", "HmacSHA1")))));
        createUser(realm, "customer-without-code", PASSWORD, "customer", List.of());

        LoginPage staff = loginPage(realm).password("staff-with-code", PASSWORD);
        assertTrue(staff.asksForCode() && staff.authorizationCode().isEmpty(), "the password alone: " + staff.describe());
        String right = Totp.code(key, Totp.step(Instant.now()));
        staff.code(wrong(right));
        assertTrue(staff.asksForCode() && staff.authorizationCode().isEmpty(), "a wrong code: " + staff.describe());
        staff.code(Totp.code(key, Totp.step(Instant.now())));
        assertTrue(staff.authorizationCode().isPresent(), "the right code: " + staff.describe());

        LoginPage customer = loginPage(realm).password("customer-without-code", PASSWORD);
        assertTrue(customer.authorizationCode().isPresent(), "a customer without a code: " + customer.describe());
    }

    /**
     * Staff without a one-time code set one up at their first login (Keycloak's authenticator set-up page) and are
     * not let in before: a wrong code keeps them on the page.
     */
    @Test
    void staffWithoutACodeSetOneUpBeforeTheyAreLetIn() throws Exception {
        String realm = templateRealm();
        createUser(realm, "operator-first-login", PASSWORD, "operator", List.of());

        LoginPage first = loginPage(realm).password("operator-first-login", PASSWORD);
        byte[] key = first.setUpKey().orElseThrow(() -> new AssertionError("no set-up page: " + first.describe()));
        assertTrue(first.authorizationCode().isEmpty());
        first.code(wrong(Totp.code(key, Totp.step(Instant.now()))));
        assertTrue(first.setUpKey().isPresent() && first.authorizationCode().isEmpty(), "a wrong code: " + first.describe());
        String code = Totp.code(key, Totp.step(Instant.now()));
        first.code(code);
        assertTrue(first.authorizationCode().isPresent(), "set up: " + first.describe());

        LoginPage next = loginPage(realm).password("operator-first-login", PASSWORD);
        assertTrue(next.asksForCode(), "the next login asks for the code: " + next.describe());
        while (Totp.code(key, Totp.step(Instant.now())).equals(code)) {
            Thread.sleep(1_000); // a code is accepted once: the next one comes with the next 30 s step
        }
        next.code(Totp.code(key, Totp.step(Instant.now())));
        assertTrue(next.authorizationCode().isPresent(), "the next login: " + next.describe());
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
                        ? CONSOLE_URL : "secret-" + UUID.randomUUID());
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
        return createUser(realm, username, password, null, List.of());
    }

    /** A person with {@code role} (none if null) and, besides the password, {@code credentials}. */
    private static String createUser(String realm, String username, String password, String role,
            List<Map<String, Object>> credentials) throws Exception {
        List<Map<String, Object>> all = new ArrayList<>(credentials);
        all.add(0, Map.of("type", "password", "value", password, "temporary", false));
        HttpResponse<String> created = expect(admin("POST", "/admin/realms/" + realm + "/users", Map.of(
                "username", username, "enabled", true, "email", username + "@network-pin.example",
                "emailVerified", true, "firstName", "Test", "lastName", "User", "credentials", all)), 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        if (role != null) {
            JsonNode roleRepresentation = JSON.readTree(expect(admin("GET", "/admin/realms/" + realm + "/roles/" + role,
                    null), 200).body());
            expect(admin("POST", "/admin/realms/" + realm + "/users/" + id + "/role-mappings/realm",
                    List.of(roleRepresentation)), 204);
        }
        return id;
    }

    private static LoginPage loginPage(String realm) {
        return new LoginPage(keycloak.url(), realm, "network-pin-console", CONSOLE_URL + "/");
    }

    /** A code that is not {@code right}. */
    private static String wrong(String right) {
        return String.format(java.util.Locale.ROOT, "%06d", (Integer.parseInt(right) + 1) % 1_000_000);
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

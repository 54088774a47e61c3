package com.networkpin.localinfra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real access tokens from the project's realm, for tests, the demo and {@code ./stack token}: client
 * credentials for the machine clients, the password grant for people through the development realm's own
 * client {@value #PEOPLE_CLIENT} (the console's client has no password grant; a deployment's realm, made from
 * the production template, has neither). That client's password grant alone asks staff for no one-time code
 * (the development layer binds it to a flow of user name and password): a code is accepted once per 30 s, and
 * tests ask for tokens of one person far more often. People who are not in the
 * realm file (a customer of a fresh contract, staff of another shop) are added through the admin API.
 *
 * <p>Every secret here is a development secret of {@code identity/network-pin-realm.json}.
 */
public final class KeycloakTokens {

    public static final String PEOPLE_CLIENT = "network-pin-dev-tokens";
    /** The web console's client (authorization code + PKCE). */
    public static final String CONSOLE_CLIENT = "network-pin-console";
    public static final String DEMO_PASSWORD = "dev-password";

    private static final ObjectMapper JSON = new ObjectMapper();


    private static final Map<String, Object> LOGINS = new ConcurrentHashMap<>();

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Map<String, String>, Issued> issued = new ConcurrentHashMap<>();
    /** People known to exist in the realm: each is added once, not asked for on every token. */
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    /**
     * A token is reused for half its lifetime ({@code expires_in}): 5 minutes in the realm, but only 60 s
     * for the master realm's administrator, whose token a longer reuse would hand out expired.
     */
    private record Issued(String token, long at, long reuseNanos) {

        boolean reusable() {
            return System.nanoTime() - at < reuseNanos;
        }
    }

    /** @param url Keycloak's base URL, e.g. http://localhost:18080 */
    public KeycloakTokens(String url) {
        this.url = url;
    }

    /** A machine client's token, e.g. {@code channel-gateway}; its secret is {@code dev-secret-<client>}. */
    public String client(String clientId) {
        return token(KeycloakServer.REALM, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", "dev-secret-" + clientId));
    }

    /** A person's token (password grant through the development-only client). */
    public String user(String username) {
        return token(KeycloakServer.REALM, Map.of("grant_type", "password", "client_id", PEOPLE_CLIENT,
                "username", username, "password", DEMO_PASSWORD, "scope", "openid"));
    }

    /** A token of the holder of {@code contractId} (see {@link #ensureCustomer}). */
    public String customer(String contractId) {
        return user(ensureCustomer(contractId));
    }

    /** A token of a staff member of {@code shopId} (see {@link #ensureShopStaff}). */
    public String shopStaff(String shopId) {
        return user(ensureShopStaff(shopId));
    }

    /** The user name of the holder of {@code contractId}: {@code customer-<id>}, added if missing. */
    public String ensureCustomer(String contractId) {
        return ensureUser("customer-" + contractId, "customer", Map.of("contract_id", contractId));
    }

    /** The user name of a staff member of {@code shopId}: {@code staff-<shop>}, added if missing. */
    public String ensureShopStaff(String shopId) {
        return ensureUser("staff-" + shopId, "shop-staff", Map.of("shop_id", shopId));
    }

    /**
     * Adds a person with one realm role and attributes (each mapped to a claim of the same name)
     * unless a user of that name exists; returns the user name Keycloak keeps (lower case).
     */
    public String ensureUser(String username, String role, Map<String, String> attributes) {
        String name = username.toLowerCase(Locale.ROOT);
        if (ensured.contains(name)) {
            return name;
        }
        String admin = adminAuthorization();
        String users = url + "/admin/realms/" + KeycloakServer.REALM + "/users";
        Map<String, Object> user = Map.of("username", name, "enabled", true, "emailVerified", true,
                "email", emailOf(name), "firstName", name, "lastName", role,
                "attributes", attributes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))),
                "credentials", List.of(Map.of("type", "password", "value", DEMO_PASSWORD, "temporary", false)));
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(users)).header("Authorization", admin)
                .header("Content-Type", "application/json").POST(body(user)).build());
        if (created.statusCode() == 409) {
            ensured.add(name);
            return name;
        }
        expect(created, 201, "create user " + name);
        String id = created.headers().firstValue("Location").map(l -> l.substring(l.lastIndexOf('/') + 1))
                .orElseThrow(() -> new IllegalStateException("Keycloak created " + name + " without a Location"));
        grantRole(admin, id, role);
        ensured.add(name);
        return name;
    }

    /** A valid, unique address: a local part has at most 64 characters (RFC 5321), a user name may have more. */
    private static String emailOf(String name) {
        String local = name.length() <= 64 ? name
                : "user-" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        return local + "@network-pin.example";
    }

    /**
     * A token of a machine client made for the occasion, with one realm role, the given audience
     * mappers (none: a token for no service) and an access token lifespan in seconds.
     */
    public String clientToken(String role, List<String> audiences, int lifespanSeconds) {
        String admin = adminAuthorization();
        String clientId = "test-client-" + UUID.randomUUID();
        String realm = url + "/admin/realms/" + KeycloakServer.REALM;
        List<Map<String, Object>> mappers = audiences.stream().map(audience -> Map.<String, Object>of(
                "name", "audience " + audience, "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                "config", Map.of("included.custom.audience", audience, "access.token.claim", "true"))).toList();
        expect(send(HttpRequest.newBuilder(URI.create(realm + "/clients")).header("Authorization", admin)
                .header("Content-Type", "application/json").POST(body(Map.of("clientId", clientId,
                        "publicClient", false, "secret", "dev-secret-" + clientId, "serviceAccountsEnabled", true,
                        "standardFlowEnabled", false, "protocolMappers", mappers,
                        "attributes", Map.of("access.token.lifespan", Integer.toString(lifespanSeconds))))).build()),
                201, "create client " + clientId);
        JsonNode client = read(expect(send(HttpRequest.newBuilder(URI.create(realm + "/clients?clientId=" + clientId))
                .header("Authorization", admin).build()), 200, "find client " + clientId)).get(0);
        JsonNode serviceAccount = read(expect(send(HttpRequest.newBuilder(URI.create(realm + "/clients/"
                + client.get("id").asText() + "/service-account-user")).header("Authorization", admin).build()),
                200, "find the service account of " + clientId));
        grantRole(admin, serviceAccount.get("id").asText(), role);
        return client(clientId);
    }

    /**
     * Lets the console's client send a browser back to {@code redirectUri} (a pattern such as
     * {@code http://localhost:41234/*}) after a login: the realm allows only the console's usual address.
     */
    public void allowRedirect(String redirectUri) {
        String admin = adminAuthorization();
        String clients = url + "/admin/realms/" + KeycloakServer.REALM + "/clients";
        JsonNode client = read(expect(send(HttpRequest.newBuilder(URI.create(clients + "?clientId=" + CONSOLE_CLIENT))
                .header("Authorization", admin).build()), 200, "find client " + CONSOLE_CLIENT)).get(0);
        ArrayNode uris = (ArrayNode) client.get("redirectUris");
        uris.add(redirectUri);
        expect(send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asText()))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .PUT(body(client)).build()), 204, "allow the redirect " + redirectUri);
    }

    /** A token of the master realm's administrator: another issuer, signed with another key. */
    public String masterRealmToken() {
        return adminAuthorization().substring("Bearer ".length());
    }

    private void grantRole(String admin, String userId, String role) {
        String realm = url + "/admin/realms/" + KeycloakServer.REALM;
        JsonNode roleRepresentation = read(expect(send(HttpRequest.newBuilder(URI.create(realm + "/roles/" + role))
                .header("Authorization", admin).build()), 200, "read role " + role));
        expect(send(HttpRequest.newBuilder(URI.create(realm + "/users/" + userId + "/role-mappings/realm"))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .POST(body(List.of(roleRepresentation))).build()), 204, "grant " + role + " to " + userId);
    }

    private String adminAuthorization() {
        return "Bearer " + token("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", KeycloakServer.ADMIN_USERNAME, "password", KeycloakServer.ADMIN_PASSWORD));
    }

    /**
     * One request at a time per token (per person and client), across every instance of this JVM: with brute-force
     * detection on, Keycloak refuses a person's concurrent logins ("user temporarily disabled") by default, as it
     * would a parallel guess.
     */
    private String token(String realm, Map<String, String> form) {
        Map<String, String> key = new HashMap<>(form);
        key.put("realm", realm);
        synchronized (LOGINS.computeIfAbsent(url + " " + key, ignored -> new Object())) {
            Issued cached = issued.get(key);
            if (cached != null && cached.reusable()) {
                return cached.token();
            }
            long requestedAt = System.nanoTime();
            JsonNode answer = newToken(realm, form);
            String token = answer.get("access_token").asText();
            issued.put(key, new Issued(token, requestedAt,
                    Duration.ofSeconds(answer.path("expires_in").asLong(0)).dividedBy(2).toNanos()));
            return token;
        }
    }

    private JsonNode newToken(String realm, Map<String, String> form) {
        String encoded = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)).build();
        return read(expect(send(request), 200, "token for " + form.getOrDefault("username", form.get("client_id"))));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + url + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling Keycloak", e);
        }
    }

    private static String expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Keycloak refused to " + what + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static HttpRequest.BodyPublisher body(Object value) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak answered something that is not JSON", e);
        }
    }
}

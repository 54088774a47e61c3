package com.networkpin.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The production realm template holds no development material and every login protection; the development
 * realm that the stack, the tests and docker-compose import is exactly the template with the development
 * layer over it. After changing either layer: {@code ./mvnw -pl local-infra -am verify -Dtest=RealmLayersTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dnetworkpin.realm.write=true} writes the merge.
 */
class RealmLayersTest {

    private static final Path IDENTITY = Path.of("..", "identity");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The people with power: they log in with a second factor. */
    private static final List<String> STAFF = List.of("support-agent", "shop-staff", "operator");

    @Test
    void theProductionTemplateHasNoDemoPeopleNoDevelopmentSecretAndNoPasswordGrant() throws IOException {
        JsonNode template = read("realm/production-realm-template.json");

        List<String> people = new ArrayList<>();
        template.path("users").forEach(user -> {
            if (!user.has("serviceAccountClientId")) {
                people.add(user.path("username").asText());
            }
            assertFalse(user.has("credentials"), "no user of the template has a credential");
        });
        assertEquals(List.of(), people, "only the machine clients' service accounts");
        assertFalse(JSON.writeValueAsString(template).contains("dev-"), "no development secret or password");
        assertFalse(JSON.writeValueAsString(template).contains("localhost"), "no local address");
        template.path("clients").forEach(client -> {
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(false),
                    client.path("clientId").asText() + " has the password grant");
            if (client.has("secret")) {
                assertTrue(client.get("secret").asText().matches("\\$\\{NETWORK_PIN_SECRET_[A-Z_]+}"),
                        client.path("clientId").asText() + "'s secret comes from the environment");
            }
        });
    }

    @Test
    void theProductionTemplateProtectsLogins() throws IOException {
        JsonNode template = read("realm/production-realm-template.json");

        assertTrue(template.path("bruteForceProtected").asBoolean());
        assertFalse(template.path("permanentLockout").asBoolean(true));
        assertEquals(5, template.path("failureFactor").asInt());
        assertEquals(60, template.path("waitIncrementSeconds").asInt());
        assertEquals(900, template.path("maxFailureWaitSeconds").asInt());
        assertTrue(template.path("passwordPolicy").asText().contains("length(12)"));
        assertTrue(template.path("passwordPolicy").asText().contains("notUsername"));
        assertTrue(template.path("passwordPolicy").asText().contains("passwordHistory("));
        assertEquals(300, template.path("accessTokenLifespan").asInt());
        assertTrue(template.path("revokeRefreshToken").asBoolean(), "refresh tokens rotate");
        assertEquals(0, template.path("refreshTokenMaxReuse").asInt());
        assertEquals(1800, template.path("ssoSessionIdleTimeout").asInt());
        assertEquals(36000, template.path("ssoSessionMaxLifespan").asInt());
        JsonNode console = client(template, "network-pin-console");
        assertEquals("S256", console.path("attributes").path("pkce.code.challenge.method").asText());
        assertTrue(console.path("standardFlowEnabled").asBoolean());
    }

    @Test
    void theDevelopmentRealmIsTheTemplateWithTheDevelopmentLayerOverIt() throws IOException {
        ObjectNode merged = RealmLayers.merge((ObjectNode) read("realm/production-realm-template.json"),
                (ObjectNode) read("realm/development-layer.json"));
        Path developmentRealm = IDENTITY.resolve("network-pin-realm.json");
        if (Boolean.getBoolean("networkpin.realm.write")) {
            Files.writeString(developmentRealm, JSON.writeValueAsString(merged) + "\n");
        }

        assertEquals(merged, read("network-pin-realm.json"), "identity/network-pin-realm.json is not the merge of"
                + " identity/realm/*: run this test with -Dnetworkpin.realm.write=true");
        assertFalse(client(merged, "network-pin-console").path("directAccessGrantsEnabled").asBoolean(),
                "the console client has no password grant, in development either");
        JsonNode tokens = client(merged, KeycloakTokens.PEOPLE_CLIENT);
        assertTrue(tokens.path("directAccessGrantsEnabled").asBoolean());
        assertFalse(tokens.path("standardFlowEnabled").asBoolean());
        assertEquals(client(merged, "network-pin-console").get("protocolMappers"), tokens.get("protocolMappers"),
                "the development client issues the console's claims");
    }

    /**
     * Support agents, shop staff and operators enter a one-time code after their password (set one up at their first
     * login), in the browser and in the password grant; customers once they set one up. The codes are the ones
     * {@link Totp} computes: RFC 6238 with HMAC-SHA1, 6 digits, 30 s, each accepted once.
     */
    @Test
    void theProductionTemplateAsksThePeopleWithPowerForASecondFactor() throws IOException {
        JsonNode template = read("realm/production-realm-template.json");

        assertSecondFactorForThePeopleWithPower(template);
        assertEquals("totp", template.path("otpPolicyType").asText());
        assertEquals("HmacSHA1", template.path("otpPolicyAlgorithm").asText());
        assertEquals(6, template.path("otpPolicyDigits").asInt());
        assertEquals(Totp.STEP.toSeconds(), template.path("otpPolicyPeriod").asInt());
        assertFalse(template.path("otpPolicyCodeReusable").asBoolean(true), "a code is accepted once");
    }

    @Test
    void aTemplateWhoseStaffRolesLoseTheSecondFactorFailsTheCheck() throws IOException {
        ObjectNode withoutComposites = (ObjectNode) read("realm/production-realm-template.json");
        withoutComposites.path("roles").path("realm").forEach(role -> ((ObjectNode) role).remove("composites"));
        ObjectNode withOptionalCodes = (ObjectNode) read("realm/production-realm-template.json");
        withOptionalCodes.path("authenticationFlows").forEach(flow -> flow.path("authenticationExecutions").forEach(
                execution -> {
                    if (LoginFlows.ONE_TIME_CODE.contains(execution.path("authenticator").asText())) {
                        ((ObjectNode) execution).put("requirement", "ALTERNATIVE");
                    }
                }));

        assertThrows(AssertionError.class, () -> assertSecondFactorForThePeopleWithPower(withoutComposites));
        assertThrows(AssertionError.class, () -> assertSecondFactorForThePeopleWithPower(withOptionalCodes));
    }

    /**
     * The development realm asks the same (the demo staff have a known OTP credential); only its development-only
     * token client lets the tests' password grant through without a code.
     */
    @Test
    void theDevelopmentRealmAsksTheSameExceptOnItsDevelopmentTokenClient() throws IOException {
        JsonNode merged = read("network-pin-realm.json");
        JsonNode tokens = client(merged, KeycloakTokens.PEOPLE_CLIENT);

        assertSecondFactorForThePeopleWithPower(merged);
        String overrideId = tokens.path("authenticationFlowBindingOverrides").path("direct_grant").asText();
        JsonNode override = null;
        for (JsonNode flow : merged.path("authenticationFlows")) {
            override = overrideId.equals(flow.path("id").asText()) ? flow : override;
        }
        assertTrue(override != null, "the development token client's password grant flow");
        for (String role : STAFF) {
            assertFalse(new LoginFlows(merged).asksForCode(override.path("alias").asText(), Set.of(role), true));
        }
        merged.path("clients").forEach(client -> assertTrue(client == tokens
                || client.path("authenticationFlowBindingOverrides").isEmpty(), client.path("clientId") + " bypasses no flow"));
        for (JsonNode user : merged.path("users")) {
            boolean staff = StreamSupport.stream(user.path("realmRoles").spliterator(), false)
                    .anyMatch(role -> STAFF.contains(role.asText()));
            assertEquals(staff, DemoOtp.key(user.path("username").asText()).isPresent(),
                    user.path("username").asText() + " has a known second factor if and only if staff");
        }
    }

    private static void assertSecondFactorForThePeopleWithPower(JsonNode realm) {
        LoginFlows flows = new LoginFlows(realm);
        for (String flow : List.of(realm.path("browserFlow").asText(), realm.path("directGrantFlow").asText())) {
            for (String role : STAFF) {
                assertTrue(flows.asksForCode(flow, Set.of(role), false), flow + ": " + role + " sets up a code");
                assertTrue(flows.asksForCode(flow, Set.of(role), true), flow + ": " + role + " enters a code");
            }
            assertFalse(flows.asksForCode(flow, Set.of("customer"), false), flow + ": a customer without a code");
            assertTrue(flows.asksForCode(flow, Set.of("customer"), true), flow + ": a customer who set one up");
        }
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static JsonNode read(String file) throws IOException {
        return JSON.readTree(IDENTITY.resolve(file).toFile());
    }
}

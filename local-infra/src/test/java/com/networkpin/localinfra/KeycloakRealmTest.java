package com.networkpin.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The realm file, imported by a real Keycloak, issues the roles and claims the services rely on. */
class KeycloakRealmTest {

    private static KeycloakServer keycloak;
    private static KeycloakTokens tokens;

    @BeforeAll
    static void start() {
        keycloak = Infrastructure.keycloak();
        tokens = new KeycloakTokens(keycloak.url());
    }

    @Test
    void channelGatewayHasTheChannelRoleEveryChannelAndThePinServiceAudience() throws Exception {
        JsonNode claims = claims(tokens.client("channel-gateway"));

        assertEquals(keycloak.issuer(), claims.get("iss").asText());
        assertTrue(values(claims.path("realm_access").path("roles")).contains("channel"));
        assertEquals(List.of("ONLINE_PROCEDURE", "BILLING", "MY_DOCOMO", "D_PAYMENT", "REMOTE_RESUME",
                "D_PAYMENT_BALANCE"), values(claims.get("channels")));
        assertTrue(audience(claims).contains("pin-service"));
        assertFalse(audience(claims).contains("reservation-service"));
    }

    @Test
    void demoPeopleCarryTheirRoleAndClaim() throws Exception {
        JsonNode staff = claims(tokens.user("staff1"));
        JsonNode customer = claims(tokens.user("customer1"));

        assertTrue(values(staff.path("realm_access").path("roles")).contains("shop-staff"));
        assertEquals("tokyo-shinjuku-west", staff.get("shop_id").asText());
        assertTrue(values(customer.path("realm_access").path("roles")).contains("customer"));
        assertEquals("C-0001", customer.get("contract_id").asText());
        assertTrue(audience(customer).containsAll(List.of("pin-service", "lock-scheduler", "reservation-service")));
    }

    @Test
    void aCustomerOfAnyContractCanBeAdded() throws Exception {
        String contract = "C-" + System.nanoTime();

        JsonNode claims = claims(tokens.customer(contract));

        assertEquals(contract, claims.get("contract_id").asText());
        assertEquals(claims.get("sub").asText(), claims(tokens.customer(contract)).get("sub").asText(),
                "asking again gives a token of the same person");
    }

    @Test
    void aWrongSecretGetsNoToken() {
        KeycloakTokens impostor = new KeycloakTokens(keycloak.url());
        assertThrows(IllegalStateException.class, () -> impostor.user("nobody-" + System.nanoTime()));
    }

    private static JsonNode claims(String token) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static List<String> values(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> audience(JsonNode claims) {
        JsonNode aud = claims.get("aud");
        return aud.isArray() ? values(aud) : List.of(aud.asText());
    }
}

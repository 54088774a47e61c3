package com.networkpin.pin.rest;

import static com.networkpin.pin.Callers.as;
import static com.networkpin.pin.Callers.tokens;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.eventstore.admin.ParkedOutboxResource;
import com.networkpin.support.Problem;
import com.networkpin.support.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The operator's view of outbox rows Kafka refused for good: a poison row is parked and listed without
 * its payload, only the operator may see, retry or discard it, and an unknown id is a 404 problem.
 */
@QuarkusTest
class ParkedOutboxApiTest {

    private static final String PAYLOAD_MARKER = "payload-" + UUID.randomUUID();

    @Inject
    Pool pool;

    @Test
    void theEndpointsAreTheRealmsOperatorRoleOnly() {
        assertEquals(Roles.OPERATOR, ParkedOutboxResource.OPERATOR);
    }

    @Test
    void aPoisonRowIsParkedListedWithoutItsPayloadAndOnlyTheOperatorDiscardsIt() {
        String key = "C-" + UUID.randomUUID();
        long id = pool.preparedQuery("""
                        INSERT INTO es_outbox (topic, message_key, headers, value)
                        VALUES ('not a topic/pin', $1, '{}', $2) RETURNING id""")
                .execute(Tuple.of(key, "{\"secret\":\"" + PAYLOAD_MARKER + "\"}"))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getLong(0);

        Map<String, Object> row = await().atMost(Duration.ofSeconds(10)).until(() -> parkedRow(id), r -> r != null);
        assertEquals(key, row.get("key"));
        assertEquals("not a topic/pin", row.get("topic"));
        operator().get("/admin/outbox/parked").then().statusCode(200)
                .body(not(containsString(PAYLOAD_MARKER)))
                .body("find { it.id == " + id + " }.reason", containsString("TopicAuthorizationException")); // no ACL names it

        for (String path : List.of("/admin/outbox/parked", "/admin/outbox/parked/" + id + "/retry",
                "/admin/outbox/parked/" + id + "/discard")) {
            String method = path.endsWith("parked") ? "GET" : "POST";
            problem(as(tokens().user("agent1")).request(method, path).then(), 403, "forbidden");
            problem(as(tokens().client("channel-gateway")).request(method, path).then(), 403, "forbidden");
            problem(given().request(method, path).then(), 401, "unauthorized");
        }
        assertEquals(key, parkedRow(id).get("key"), "still parked after the refusals");

        operator().post("/admin/outbox/parked/{id}/discard", id).then().statusCode(204);

        assertEquals(null, parkedRow(id));
        problem(operator().post("/admin/outbox/parked/{id}/discard", id).then(), 404, "not-found");
        problem(operator().post("/admin/outbox/parked/{id}/retry", Long.MAX_VALUE).then(), 404, "not-found");
    }

    private static Map<String, Object> parkedRow(long id) {
        JsonPath list = operator().get("/admin/outbox/parked").then().statusCode(200).extract().jsonPath();
        return list.getMap("find { it.id == " + id + " }");
    }

    private static RequestSpecification operator() {
        return as(tokens().user("operator1"));
    }

    private static void problem(io.restassured.response.ValidatableResponse response, int status, String slug) {
        response.statusCode(status).contentType(Problem.MEDIA_TYPE).body("type", equalTo(Problem.TYPE_PREFIX + slug));
    }
}

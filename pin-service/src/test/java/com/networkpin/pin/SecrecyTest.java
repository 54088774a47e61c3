package com.networkpin.pin;

import static com.networkpin.pin.Callers.as;
import static com.networkpin.pin.Callers.asChannel;
import static com.networkpin.pin.Callers.tokens;
import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.setPin;
import static com.networkpin.pin.TestData.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.testinfra.TopicReader;
import com.networkpin.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Sets and verifies PINs, then looks for them everywhere they must not be: every row of every
 * table, the log file, the published events and the error answers. A PIN counts as found when its
 * digits stand alone (not inside a longer number, hex id or fraction of a second), or appear as
 * hex or base64 of their bytes.
 */
@QuarkusTest
class SecrecyTest {

    private static final List<String> PINS = List.of("7193", "5862", "3950");
    private static final String WRONG_PIN = "6047";
    private static final Path LOG = Path.of("target/pin-service-test.log");

    @Inject
    Pool pool;

    @Test
    void givenPinsSetAndVerified_thenNoPinIsInTheDatabaseLogsEventsOrErrors() throws Exception {
        List<String> bearerTokens = List.of(tokens().client("channel-gateway"), tokens().client("contracting-system"));
        List<String> contracts = new ArrayList<>();
        List<String> errorBodies = new ArrayList<>();
        for (String pin : PINS) {
            String contract = newContractId();
            contracts.add(contract);
            setPin(contract, pin).statusCode(201);
            verify(contract, pin).statusCode(200);
            verify(contract, WRONG_PIN).statusCode(200);
            verifyWithKey(contract, WRONG_PIN);
            verifyWithKey(contract, pin);
            errorBodies.add(setPin(contract, pin).statusCode(409).extract().body().asString());
            errorBodies.add(post(contract, "{\"pin\":\"" + pin + "\",\"channel\":\"SMS\"}", 400));
            errorBodies.add(post(contract, "{\"pin\":\"" + pin + "\",\"channel\":", 400));
            errorBodies.add(post(contract, "{\"pin\":" + pin + "x,\"channel\":\"BILLING\"}", 400));
            errorBodies.add(post(contract, "{\"pin\":\"" + pin + "1\",\"channel\":\"BILLING\"}", 422));
        }
        String forged = forgedSignature(bearerTokens.get(0));
        errorBodies.add(as(forged).contentType("application/json").body("{\"pin\":\"" + PINS.get(0)
                + "\",\"channel\":\"BILLING\"}").when().post("/contracts/{id}/pin/verifications", contracts.get(0))
                .then().statusCode(401).extract().body().asString());
        List<String> secrets = new ArrayList<>(PINS);
        secrets.add(WRONG_PIN);

        String database = databaseAsText();
        assertTrue(contracts.stream().allMatch(database::contains), "the scan read this test's rows");
        assertNoPin("database", database, secrets);

        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertTrue(contracts.stream().allMatch(log::contains), "the scan read this test's log lines");
        assertTrue(log.lines().allMatch(line -> line.startsWith("{") && line.endsWith("}")),
                "the log is in the prod form: one JSON object per line");
        assertNoPin("log", log, secrets);
        assertNoToken(log, bearerTokens);

        String published = publishedEvents(contracts);
        assertNoPin("pin-events", published, secrets);

        assertEquals(PINS.size() * 5 + 1, errorBodies.size());
        assertNoPin("error answers", String.join("\n", errorBodies), secrets);
    }

    /** Kept with its answer under the key, twice: the second is a replay. */
    private static void verifyWithKey(String contract, String pin) {
        String key = "secrecy-" + java.util.UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            asChannel().header("Idempotency-Key", key).contentType("application/json")
                    .body("{\"pin\":\"" + pin + "\",\"channel\":\"BILLING\"}")
                    .when().post("/contracts/{id}/pin/verifications", contract).then().statusCode(200);
        }
    }

    private static String post(String contract, String body, int status) {
        return asChannel().contentType("application/json").body(body)
                .when().post("/contracts/{id}/pin/verifications", contract)
                .then().statusCode(status).extract().body().asString();
    }

    private String databaseAsText() {
        StringBuilder text = new StringBuilder();
        List<String> tables = new ArrayList<>();
        pool.query("SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema = 'public'")
                .execute().await().atMost(Duration.ofSeconds(10)).forEach(row -> tables.add(row.getString(0)));
        assertTrue(tables.containsAll(List.of("es_event", "es_outbox", "pin_state", "es_stream", "es_idempotent_answer")), tables.toString());
        int rows = 0;
        for (String table : tables) {
            for (Row row : pool.query("SELECT t::text FROM " + table + " t").execute().await().atMost(Duration.ofSeconds(60))) {
                text.append(table).append(": ").append(row.getString(0)).append('\n');
                rows++;
            }
        }
        assertTrue(rows > 20, "rows read: " + rows);
        return text.toString();
    }

    /** Waits until the events of these contracts are published, then returns every record of the topic as text. */
    private static String publishedEvents(List<String> contracts) {
        StringBuilder text = new StringBuilder();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<ConsumerRecord<String, String>> records = TopicReader.readUntilQuiet(Topics.PIN_EVENTS, Duration.ofSeconds(1));
            text.setLength(0);
            for (ConsumerRecord<String, String> record : records) {
                text.append(record.key()).append(' ').append(record.value());
                for (Header header : record.headers()) {
                    text.append(' ').append(header.key()).append('=')
                            .append(new String(header.value(), StandardCharsets.UTF_8));
                }
                text.append('\n');
            }
            // PinSet, AttemptSucceeded and AttemptFailed of each contract
            return contracts.stream().allMatch(c -> text.toString().split(Pattern.quote("\"subject\":\"" + c + "\""), -1)
                    .length - 1 >= 3);
        });
        return text.toString();
    }

    /**
     * Neither the bearer tokens the calls carried (nor any part of one, though a forged copy was
     * refused and OIDC logs refused tokens) nor any other JWT or Authorization header is logged.
     */
    private static void assertNoToken(String log, List<String> tokens) {
        for (String token : tokens) {
            for (String part : token.split("\\.")) {
                assertFalse(log.contains(part), "a part of a bearer token is in the log");
            }
        }
        var jwt = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+").matcher(log);
        assertFalse(jwt.find(), () -> "a JWT is in the log: " + log.substring(Math.max(0, jwt.start() - 120), jwt.end()));
        // The header by name (Kafka's TopicAuthorizationException and the like are no header).
        var header = Pattern.compile("\\bAuthorization\\s*[:=]|Bearer ey", Pattern.CASE_INSENSITIVE).matcher(log);
        assertFalse(header.find(), () -> "an Authorization header or bearer token is in the log: "
                + log.substring(Math.max(0, header.start() - 120), header.end()));
    }

    /** The token's header and payload under a signature that is not the realm's. */
    private static String forgedSignature(String token) {
        return token.substring(0, token.lastIndexOf('.') + 1) + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(new byte[256]);
    }

    private static void assertNoPin(String where, String text, List<String> pins) {
        for (String pin : pins) {
            byte[] bytes = pin.getBytes(StandardCharsets.US_ASCII);
            Map<String, Pattern> forms = Map.of(
                    "digits", Pattern.compile("(?<![0-9A-Za-z.\\-])" + pin + "(?![0-9A-Za-z\\-])"),
                    "hex", Pattern.compile(HexFormat.of().formatHex(bytes), Pattern.CASE_INSENSITIVE),
                    "base64", Pattern.compile(Pattern.quote(Base64.getEncoder().withoutPadding().encodeToString(bytes))));
            forms.forEach((form, pattern) -> {
                var matcher = pattern.matcher(text);
                if (matcher.find()) {
                    int from = Math.max(0, matcher.start() - 120);
                    throw new AssertionError("PIN found as " + form + " in " + where + ": …"
                            + text.substring(from, Math.min(text.length(), matcher.end() + 40)) + "…");
                }
            });
        }
    }
}

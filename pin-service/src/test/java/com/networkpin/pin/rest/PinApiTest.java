package com.networkpin.pin.rest;

import static com.networkpin.pin.Callers.asAgent;
import static com.networkpin.pin.Callers.asChannel;
import static com.networkpin.pin.Callers.asContracting;
import static com.networkpin.pin.Callers.asShopStaff;
import static com.networkpin.pin.TestData.countAllEvents;
import static com.networkpin.pin.TestData.newContractId;
import static com.networkpin.pin.TestData.setPin;
import static com.networkpin.pin.TestData.tokyo;
import static com.networkpin.pin.TestData.verify;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.support.MovableClock;
import com.networkpin.testinfra.ResetMovableClocks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@ExtendWith(ResetMovableClocks.class)
class PinApiTest {

    /** A PIN that the bad requests below carry; no answer may echo it. */
    private static final String PIN = "4827";

    @Inject
    Pool pool;
    @Inject
    MovableClock clock;

    @Test
    void givenNoPin_whenSetting_thenItIsActiveAndEveryAnswerFollowsTheCount() {
        String contract = newContractId();
        asChannel().when().get("/contracts/{id}/pin", contract).then().statusCode(200).body("status", equalTo("NOT_SET"));

        setPin(contract, "４８２７").statusCode(201)
                .header("Location", containsString("/contracts/" + contract + "/pin"))
                .body("status", equalTo("ACTIVE")).body("remainingAttempts", equalTo(3));

        verify(contract, PIN).statusCode(200).body("outcome", equalTo("VERIFIED")).body("remainingAttempts", nullValue());
        verify(contract, "4828").statusCode(200).body("outcome", equalTo("MISMATCH")).body("remainingAttempts", equalTo(2));
        asChannel().when().get("/contracts/{id}/pin", contract).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("consecutiveFailures", equalTo(1))
                .body("remainingAttempts", equalTo(2))
                .body("guidance.chatbot", notNullValue())
                .body("guidance.mannedChat.nextOpening", notNullValue())
                .body("guidance.shopReset", containsString("shop"))
                .body("guidance.notes.code", hasItems("shop-change-or-reset", "bring-identity-document",
                        "chatbot-round-the-clock", "manned-chat-forgotten-pin"))
                .body("guidance.notes.code", not(hasItem("lock-lifts-at-midnight")))
                .body("guidance.notes.text", everyItem(not(emptyOrNullString())));
        verify(contract, "4829").body("outcome", equalTo("MISMATCH")).body("remainingAttempts", equalTo(1));
        // every time in an answer is Japan time: the lock lifts at the next 00:00 there
        verify(contract, "4830").body("outcome", equalTo("LOCKED"))
                .body("unlocksAt", matchesPattern("\\d{4}-\\d{2}-\\d{2}T00:00:00\\+09:00"));
        verify(contract, PIN).body("outcome", equalTo("LOCKED"));
        asChannel().when().get("/contracts/{id}/pin", contract).then().statusCode(200)
                .body("lockedAt", endsWith("+09:00")).body("guidance.mannedChat.nextOpening", endsWith("T09:00:00+09:00"))
                .body("guidance.shopReset", containsString("T00:00:00+09:00"))
                .body("guidance.notes.code", hasItems("lock-lifts-at-midnight", "shop-reset-sooner",
                        "bring-identity-document", "chatbot-round-the-clock", "manned-chat-forgotten-pin"))
                .body("guidance.notes[0].params.unlocksAt", matchesPattern("\\d{4}-\\d{2}-\\d{2}T00:00:00\\+09:00"))
                .body("guidance.notes[0].params.zone", equalTo("Asia/Tokyo"))
                .body("guidance.notes[0].text", containsString("T00:00:00+09:00"));

        asAgent().when().get("/contracts/{id}/pin/history", contract).then().statusCode(200)
                .body("type", contains("PinSet", "AttemptSucceeded", "AttemptFailed", "AttemptFailed", "AttemptFailed",
                        "Locked", "AttemptRefused"))
                .body("version", contains(1, 2, 3, 4, 5, 6, 7))
                .body("[2].data.channel", equalTo("ONLINE_PROCEDURE"))
                .body(not(containsString("credential")))
                .body(not(containsString("hmac")));
    }

    @ParameterizedTest(name = "{0} JST: {1}")
    @CsvSource({
            "2031-09-01T10:00:00, manned-chat-open-now, ",
            "2031-09-01T21:00:00, manned-chat-opens-at, 2031-09-02T09:00:00+09:00"})
    void givenATimeOfDay_whenAskingTheStatus_thenTheLastNoteSaysWhenTheMannedChatIsOpen(String at, String code,
                                                                                        String nextOpening) {
        clock.moveTo(tokyo(at));
        String contract = newContractId();
        setPin(contract, PIN).statusCode(201);
        asChannel().when().get("/contracts/{id}/pin", contract).then().statusCode(200)
                .body("guidance.notes[-1].code", equalTo(code))
                .body("guidance.notes[-1].params.opens", equalTo("09:00"))
                .body("guidance.notes[-1].params.closes", equalTo("20:00"))
                .body("guidance.notes[-1].params.zone", equalTo("Asia/Tokyo"))
                .body("guidance.notes[-1].params.nextOpening", equalTo(nextOpening))
                .body("guidance.mannedChat.openNow", equalTo(nextOpening == null));
    }

    @Test
    void givenASetPin_whenSettingAgain_thenConflictAndNothingAppended() {
        String contract = newContractId();
        setPin(contract, PIN).statusCode(201);
        long before = countAllEvents(pool);

        setPin(contract, "3591").statusCode(409).contentType("application/problem+json")
                .body("reason", equalTo("PIN_ALREADY_SET"));

        assertEquals(before, countAllEvents(pool));
    }

    /** Each bad request against a contract with a PIN (or a fresh one for PUT) is a 4xx problem that changes nothing. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON             | POST | /verifications | {\"pin\":\"4827\",                     | 400 | /problems/malformed-json |",
            "missing pin                | POST | /verifications | {\"channel\":\"BILLING\"}              | 400 | /problems/validation     |",
            "missing channel            | POST | /verifications | {\"pin\":\"4827\"}                     | 400 | /problems/validation     |",
            "empty body                 | POST | /verifications |                                          | 400 | /problems/validation     |",
            "pin of the wrong type      | POST | /verifications | {\"pin\":[\"4827\"],\"channel\":\"BILLING\"} | 400 | /problems/invalid-body |",
            "unknown channel            | POST | /verifications | {\"pin\":\"4827\",\"channel\":\"FAX\"}  | 400 | /problems/invalid-body   |",
            "3-digit PIN verified       | POST | /verifications | {\"pin\":\"482\",\"channel\":\"BILLING\"} | 422 | /problems/invalid-pin | NOT_FOUR_DIGITS",
            "5-digit PIN verified       | POST | /verifications | {\"pin\":\"48271\",\"channel\":\"BILLING\"} | 422 | /problems/invalid-pin | NOT_FOUR_DIGITS",
            "letters verified           | POST | /verifications | {\"pin\":\"48z7\",\"channel\":\"BILLING\"} | 422 | /problems/invalid-pin | NOT_FOUR_DIGITS",
            "3-digit PIN set            | PUT  | NEW            | {\"pin\":\"482\"}                      | 422 | /problems/invalid-pin    | NOT_FOUR_DIGITS",
            "5-digit PIN set            | PUT  | NEW            | {\"pin\":\"48271\"}                    | 422 | /problems/invalid-pin    | NOT_FOUR_DIGITS",
            "letters set                | PUT  | NEW            | {\"pin\":\"四八二七\"}                  | 422 | /problems/invalid-pin    | NOT_FOUR_DIGITS",
            "full-width run             | PUT  | NEW            | {\"pin\":\"１２３４\"}                  | 422 | /problems/weak-pin       | ASCENDING_RUN",
            "full-width same digits     | PUT  | NEW            | {\"pin\":\"７７７７\"}                  | 422 | /problems/weak-pin       | ALL_SAME_DIGITS",
            "wrap-around run            | PUT  | NEW            | {\"pin\":\"8901\"}                     | 422 | /problems/weak-pin       | ASCENDING_RUN",
            "birth date                 | PUT  | NEW            | {\"pin\":\"0423\",\"birthDate\":\"1987-04-23\"} | 422 | /problems/weak-pin | BIRTH_DATE",
            "birth year                 | PUT  | NEW            | {\"pin\":\"1987\",\"birthDate\":\"1987-04-23\"} | 422 | /problems/weak-pin | BIRTH_YEAR",
            "phone number               | PUT  | NEW            | {\"pin\":\"4827\",\"phoneNumber\":\"090-1111-4827\"} | 422 | /problems/weak-pin | PHONE_NUMBER",
            "ill-formed birth date      | PUT  | NEW            | {\"pin\":\"4827\",\"birthDate\":\"1987-13-45\"} | 400 | /problems/invalid-body |",
            "ill-formed phone number    | PUT  | NEW            | {\"pin\":\"4827\",\"phoneNumber\":\"call me\"} | 400 | /problems/validation |",
            "over-long contract id      | POST | LONG_ID        | {\"pin\":\"4827\",\"channel\":\"BILLING\"} | 400 | /problems/validation |",
            "ill-formed contract id     | POST | BAD_ID         | {\"pin\":\"4827\",\"channel\":\"BILLING\"} | 400 | /problems/validation |",
            "unknown contract           | POST | UNKNOWN        | {\"pin\":\"4827\",\"channel\":\"BILLING\"} | 404 | /problems/pin-not-set | PIN_NOT_SET",
            "disclosure without check   | POST | /disclosures   | {\"agentId\":\"agent-1\"}               | 400 | /problems/validation     |",
            "reset without reservation  | POST | /reset         | {\"newPin\":\"3591\"}                  | 400 | /problems/validation     |",
            "body over 16 KiB           | POST | /verifications | BIG                                      | 413 | /problems/body-too-large |"})
    void givenABadRequest_whenSent_thenA4xxProblemAndNothingAppended(String why, String method, String target,
                                                                       String body, int status, String type,
                                                                       String reason) {
        String contract = newContractId();
        setPin(contract, PIN).statusCode(201);
        long before = countAllEvents(pool);

        String path = switch (target) {
            case "NEW" -> "/contracts/" + newContractId() + "/pin";
            case "LONG_ID" -> "/contracts/" + "c".repeat(65) + "/pin/verifications";
            case "BAD_ID" -> "/contracts/abc_def/pin/verifications";
            case "UNKNOWN" -> "/contracts/" + newContractId() + "/pin/verifications";
            default -> "/contracts/" + contract + "/pin" + target;
        };
        String payload = "BIG".equals(body) ? "{\"pin\":\"4827\",\"channel\":\"BILLING\",\"x\":\"" + "a".repeat(17_000) + "\"}"
                : body == null ? "" : body;

        var response = callerFor(target).contentType("application/json").body(payload)
                .when().request(method, path)
                .then().log().ifValidationFails()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(type))
                .body("status", equalTo(status))
                .body(not(containsString(PIN)));
        if (reason != null) {
            response.body("reason", equalTo(reason));
        }
        assertEquals(before, countAllEvents(pool), "nothing appended");
    }

    /** The role that may make the request, so that only the request itself can be wrong. */
    private static RequestSpecification callerFor(String target) {
        return switch (target) {
            case "NEW" -> asContracting();
            case "/disclosures" -> asAgent();
            case "/reset" -> asShopStaff("tokyo-shinjuku-west");
            default -> asChannel();
        };
    }

    @Test
    void givenUnsupportedRequests_whenSent_thenProblemsToo() {
        String contract = newContractId();
        asContracting().contentType("text/plain").body("4827").when().put("/contracts/{id}/pin", contract)
                .then().statusCode(415).contentType("application/problem+json").body(not(containsString(PIN)));
        asContracting().when().delete("/contracts/{id}/pin", contract).then().statusCode(405)
                .contentType("application/problem+json");
    }

    @Test
    void givenAnUnknownContract_whenAskingItsHistory_thenItIsEmpty() {
        asAgent().when().get("/contracts/{id}/pin/history", newContractId()).then().statusCode(200)
                .body("size()", equalTo(0));
    }
}

package com.networkpin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networkpin.console.Views.HistoryEntry;
import com.networkpin.console.Views.PinState;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The support console's timeline and its "right PIN but error" hints, from the pin-service's history answer. */
@QuarkusTest
class SupportRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static HistoryEntry entry(long version, String type, String data) throws Exception {
        return new HistoryEntry(version, type, JSON.readTree(data));
    }

    @Test
    void theTimelineReadsTimesWithZOrPlusNineAndTheAttemptsChannel() throws Exception {
        List<Timeline.Event> events = Timeline.of(List.of(
                entry(1, "PinSet", "{\"setAt\":\"2026-12-01T00:00:00Z\"}"),
                entry(2, "AttemptFailed", "{\"channel\":\"D_PAYMENT\",\"remainingAttempts\":2,"
                        + "\"attemptedAt\":\"2026-12-01T10:15:30+09:00\"}"),
                entry(3, "PinDisclosed", "{\"agentId\":\"agent-sub\",\"agentSessionId\":\"s-1\","
                        + "\"identityCheck\":\"CALLBACK_TO_CONTRACT_LINE\",\"identityCheckRef\":\"CHAT-7\","
                        + "\"disclosedAt\":\"2026-12-01T01:20:00Z\"}"),
                entry(4, "PinReset", "{\"reservationNumber\":\"R7K2QX\",\"staffId\":\"staff-sub\","
                        + "\"staffSessionId\":\"s-2\",\"document\":\"MY_NUMBER_CARD\",\"resetAt\":\"2026-12-01T02:00:00Z\"}")));

        assertEquals("2026-12-01 09:00:00 JST", Jst.jstSeconds(events.get(0).at()));
        assertEquals("2026-12-01 10:15:30 JST", Jst.jstSeconds(events.get(1).at()));
        assertEquals("D_PAYMENT", events.get(1).channel());
        assertEquals(2, events.get(1).remaining());
        assertTrue(events.get(1).isAttempt());
        assertNull(events.get(0).channel());
        assertTrue(events.get(2).isDisclosure());
        assertEquals("agent-sub", events.get(2).person());
        assertEquals("CALLBACK_TO_CONTRACT_LINE", events.get(2).identityCheck());
        assertEquals("CHAT-7", events.get(2).reference());
        assertTrue(events.get(3).isOnRecord());
        assertEquals("staff-sub", events.get(3).person());
        assertEquals("MY_NUMBER_CARD", events.get(3).identityCheck());
        assertEquals("R7K2QX", events.get(3).reference());
        assertEquals(false, events.get(1).isOnRecord());
    }

    @Test
    void everyIdentityCheckAnAgentChoosesHasItsNameInBothLanguages() {
        SupportMsg english = MessageBundles.get(SupportMsg.class, Localized.Literal.of("en"));
        SupportMsg japanese = MessageBundles.get(SupportMsg.class, Localized.Literal.of("ja"));

        for (String check : Globals.identityChecks) {
            assertTrue(!english.checkName(check).equals(check) && !japanese.checkName(check).equals(check), check);
        }
        assertEquals("Call back to the contract's line", english.checkName("CALLBACK_TO_CONTRACT_LINE"));
    }

    @Test
    void theAuditFilterSendsOnlyWellFormedFieldsWithJapanDays() {
        AuditFilter filter = AuditFilter.of(" agent-sub ", "reset", "2026-12-01", "2026-12-01");

        assertTrue(filter.isValid());
        assertEquals(java.util.Map.of("person", "agent-sub", "action", "reset", "from", "2026-12-01T00:00+09:00",
                "to", "2026-12-02T00:00+09:00"), filter.parameters());
        assertEquals("action=reset&from=2026-12-01&person=agent-sub&to=2026-12-01&", filter.query());
        assertTrue(AuditFilter.of(null, null, null, null).isValid());
        assertTrue(AuditFilter.of(null, null, null, null).parameters().isEmpty());
        for (AuditFilter bad : List.of(AuditFilter.of("a b", "", "", ""), AuditFilter.of("", "verify", "", ""),
                AuditFilter.of("", "", "yesterday", ""), AuditFilter.of("", "", "2026-12-02", "2026-12-01"))) {
            assertEquals(false, bad.isValid(), bad.toString());
        }
    }

    @Test
    void aLockedPinExplainsThatEvenTheRightPinIsRefused() throws Exception {
        SupportMsg english = MessageBundles.get(SupportMsg.class, Localized.Literal.of("en"));
        PinState locked = new PinState("C-1", "LOCKED", 3, 0, Instant.parse("2026-12-01T01:00:00Z"),
                Instant.parse("2026-12-01T15:00:00Z"), null);
        List<Timeline.Event> timeline = Timeline.of(List.of(
                entry(1, "Locked", "{\"lockedAt\":\"2026-12-01T01:00:00Z\"}"),
                entry(2, "AttemptRefused", "{\"channel\":\"MY_DOCOMO\",\"attemptedAt\":\"2026-12-01T02:00:00Z\"}"),
                entry(3, "AttemptRefused", "{\"channel\":\"BILLING\",\"attemptedAt\":\"2026-12-01T03:00:00Z\"}")));

        List<String> hints = SupportHints.of(locked, timeline, english);

        assertEquals(2, hints.size(), hints.toString());
        assertTrue(hints.get(0).contains("until 2026-12-02 00:00 JST even the right PIN gets an error"), hints.get(0));
        assertTrue(hints.get(1).startsWith("During the latest lock 2 entries were refused"), hints.get(1));
    }

    @Test
    void wrongEntriesNameWhereThePinWasLastRight() throws Exception {
        SupportMsg japanese = MessageBundles.get(SupportMsg.class, Localized.Literal.of("ja"));
        PinState twoWrong = new PinState("C-1", "ACTIVE", 2, 1, null, null, null);
        List<Timeline.Event> timeline = Timeline.of(List.of(
                entry(1, "AttemptSucceeded", "{\"channel\":\"D_PAYMENT\",\"attemptedAt\":\"2026-12-01T00:30:00Z\"}"),
                entry(2, "AttemptFailed", "{\"channel\":\"BILLING\",\"remainingAttempts\":2,\"attemptedAt\":\"2026-12-01T01:00:00Z\"}"),
                entry(3, "AttemptFailed", "{\"channel\":\"BILLING\",\"remainingAttempts\":1,\"attemptedAt\":\"2026-12-01T01:01:00Z\"}")));

        List<String> hints = SupportHints.of(twoWrong, timeline, japanese);

        assertEquals(List.of(
                "連続 2回 間違えています。最後に正しく入力されたのは d払い(2026-12-01 09:30 JST)です。別の番号(カードや d払い の暗証番号など)と混同していないかご確認ください。",
                "残り1回でロックされます。もう一度試す前に、暗証番号の確認かショップでのリセットをご案内ください。"), hints);
        assertEquals(List.of("暗証番号が設定されていないため、どのチャネルでも確認できません。契約時の設定が必要です。"),
                SupportHints.of(null, List.of(), japanese));
    }

    @Test
    void aShopFormBecomesTheServicesShopDefinition() {
        jakarta.ws.rs.core.MultivaluedMap<String, String> fields = new jakarta.ws.rs.core.MultivaluedHashMap<>();
        fields.putSingle("id", " Tokyo-Ginza ");
        fields.putSingle("name", "Ginza Shop");
        fields.putSingle("prefecture", "Tokyo");
        fields.putSingle("address", "4-1-1 Ginza");
        fields.putSingle("counters", "3");
        fields.putSingle("opens-MONDAY", "11:00");
        fields.putSingle("closes-MONDAY", "20:00");
        fields.putSingle("opens-TUESDAY", "");
        fields.putSingle("closedDates", "2027-01-01\n\n 2027-01-02 \n");

        ShopForm form = ShopForm.of(fields);

        assertEquals("tokyo-ginza", form.id());
        assertTrue(form.hasValidId());
        assertEquals("{name=Ginza Shop, prefecture=Tokyo, address=4-1-1 Ginza, openingHours={MONDAY={opens=11:00,"
                + " closes=20:00}}, closedDates=[2027-01-01, 2027-01-02], counters=3}", form.definition().toString());
        fields.putSingle("id", "x");
        fields.putSingle("counters", "many");
        assertTrue(!ShopForm.of(fields).hasValidId());
        assertNull(ShopForm.of(fields).definition().get("counters"));
    }

    @Test
    void theSessionCookieKeyIsConfiguredSoARestartKeepsPeopleLoggedIn() {
        String secret = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.oidc.token-state-manager.encryption-secret", String.class);
        assertTrue(secret.length() >= 32, "at least 32 characters");
    }
}

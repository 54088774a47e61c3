package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networkpin.launcher.DemoClocks;
import com.networkpin.launcher.Http;
import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.CookieSession;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.localinfra.KeycloakTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The support agent's, the operator's and the shop terminal's day list in a real browser against
 * the packaged services and the real Keycloak: agent1 is offered no disclosure outside manned hours (the clocks
 * moved there), reads a contract's history and, inside manned hours, is shown the PIN once, in an answer no cache
 * keeps ({@code Cache-Control: no-store}, read by a plain HTTP client with the agent's session); operator1 adds and edits a shop and sees the pending locks (and stays
 * logged in across a console restart); shop staff see the day's visits and open one. Every one of them logs in with
 * a one-time code after the password (the demo staff's secret comes from the development realm; others set theirs
 * up at their first login).
 */
@ExtendWith(RunningSystem.class)
class WebConsoleRolesTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final String CONSOLE = StackService.WEB_CONSOLE.url();
    private static final String SHOP = "tokyo-console-round-the-clock";

    private final PinApi pins = new PinApi(StackService.PIN_SERVICE.url());

    @BeforeAll
    static void shopOpenRoundTheClock() {
        Browser.assumeInstalled();
        ConsoleShops.openRoundTheClock(SHOP);
    }

    @Test
    void theAgentReadsTheHistoryAndIsShownThePinOnceInsideMannedHours() {
        String contract = fresh("WEB-AG");
        PinApi.expect(pins.setPin(contract), 201);
        PinApi.expect(pins.verify(contract, PinApi.WRONG_PIN), 200);
        PinApi.expect(pins.verify(contract, PinApi.RIGHT_PIN), 200);
        PinApi.expect(pins.verify(contract, PinApi.WRONG_PIN), 200);

        try (Browser agent = Browser.desktop(1280, 900)) {
            agent.open(CONSOLE + "/support");
            agent.logIn("agent1", KeycloakTokens.DEMO_PASSWORD);
            agent.awaitPath("/support");
            moveClocksOutsideMannedHours();
            agent.open(CONSOLE + "/support/contracts/" + contract);
            assertTrue(agent.text("#disclosure-closed").contains("次の受付開始"), agent.text("#disclosure-closed"));
            assertTrue(agent.all("#disclose").isEmpty(), "no disclosure outside manned hours");
            agent.open(CONSOLE + "/support");
            moveClocksIntoMannedHours();
            agent.type("#contract", contract.toLowerCase());
            agent.click("#look-up");
            agent.awaitPath("/support/contracts/" + contract);
            assertEquals("ACTIVE", agent.find("#pin-state").getAttribute("data-status"));
            assertEquals(4, agent.all("#timeline tbody tr").size(), "PinSet and three attempts");
            assertEquals("AttemptFailed", agent.all("#timeline tbody tr").get(0).getAttribute("data-type"), "newest first");
            assertTrue(agent.text("#timeline").contains("My docomo") && agent.text("#timeline").contains("JST"),
                    agent.text("#timeline"));
            assertTrue(agent.text("#hints").contains("最後に正しく入力されたのは My docomo"), agent.text("#hints"));
            agent.find("#no-disclosures");
            agent.screenshot("support-contract");
            agent.assertAccessible();

            String reference = "CHAT-" + contract;
            new org.openqa.selenium.support.ui.Select(agent.find("#identityCheck")).selectByValue("CALLBACK_TO_CONTRACT_LINE");
            agent.type("#identityCheckRef", reference);
            agent.click("#identityConfirmed");
            agent.submit("#disclose");
            assertEquals(PinApi.RIGHT_PIN, agent.text("#disclosed-pin"), "the PIN, once");
            assertFalse(agent.driver.getCurrentUrl().contains(PinApi.RIGHT_PIN), "no PIN in a URL");
            agent.screenshot("support-disclosed");
            agent.assertAccessible();

            agent.click("#back-to-contract");
            agent.awaitPath("/support/contracts/" + contract);
            assertEquals(1, agent.all("#disclosures tbody tr").size(), "the disclosure is on record");
            assertTrue(agent.text("#disclosures").contains(reference), agent.text("#disclosures"));
            assertTrue(agent.text("#disclosures").contains("契約回線への折り返し電話"), agent.text("#disclosures"));
            assertFalse(agent.page().contains(PinApi.RIGHT_PIN), "the contract page never shows the PIN");
            assertEquals("PinDisclosed", agent.all("#timeline tbody tr").get(0).getAttribute("data-type"));

            String another = fresh("WEB-NS");
            PinApi.expect(pins.setPin(another), 201);
            HttpResponse<String> answer = discloseOutsideTheBrowser(agent, another);
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains(PinApi.RIGHT_PIN), "the answer holds the PIN");
            assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""),
                    "no cache keeps the page with the PIN");
        }
    }

    /**
     * The disclosure form of {@code contract} sent as the agent's browser would (its session's cookies, the page's
     * form token), by a plain HTTP client, whose answer's headers a test can read.
     */
    private static HttpResponse<String> discloseOutsideTheBrowser(Browser agent, String contract) {
        CookieSession session = new CookieSession(Duration.ofSeconds(30));
        agent.driver.manage().getCookies().forEach(cookie -> session.set(cookie.getName(), cookie.getValue()));
        URI page = URI.create(CONSOLE + "/support/contracts/" + contract);
        HttpResponse<String> form = session.send(HttpRequest.newBuilder(page));
        assertEquals(200, form.statusCode(), form.body());
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(token.find(), "the contract page carries its form token");
        String body = "csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)
                + "&identityCheck=CALLBACK_TO_CONTRACT_LINE&identityCheckRef=CHAT-" + contract
                + "&identityConfirmed=true";
        return session.send(HttpRequest.newBuilder(URI.create(page + "/disclosures"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void theOperatorEditsShopsSeesThePendingLocksAndTheAuditTrailAndStaysLoggedInAcrossARestart() {
        String locked = fresh("WEB-OP");
        pins.setAndLock(locked);
        Http operator = ConsoleShops.operator();
        assertTrue(within(Duration.ofSeconds(60), () -> operator.get(StackService.LOCK_SCHEDULER.url() + "/locks/" + locked)
                .status() == 200), "the scheduler holds the lock");
        String shopId = "tokyo-op-" + UUID.randomUUID().toString().substring(0, 8);

        try (Browser browser = Browser.desktop(1280, 900)) {
            browser.open(CONSOLE + "/operator");
            browser.logIn("operator1", KeycloakTokens.DEMO_PASSWORD);
            browser.awaitPath("/operator");
            browser.find("#shop-tokyo-shinjuku-west");
            assertTrue(browser.text("#next-midnight").contains("JST"), browser.text("#next-midnight"));
            browser.assertAccessible();

            browser.click("#add-shop");
            browser.type("#id", shopId);
            browser.type("#name", "Operator Test Shop");
            browser.type("#nameJa", "丸の内テスト店");
            browser.type("#prefecture", "Tokyo");
            browser.type("#address", "1-1 Marunouchi, Tokyo");
            browser.type("#counters", "2");
            browser.type("#closedDates", "2027-01-01");
            browser.screenshot("operator-shop-form");
            browser.assertAccessible();
            browser.submit("#save-shop");
            assertTrue(browser.text("#notice").contains("保存しました"), browser.text("#notice"));
            assertTrue(browser.text("#shop-" + shopId).contains("丸の内テスト店"), "the Japanese name on the Japanese page");
            browser.screenshot("operator-shops");

            browser.open(CONSOLE + "/operator/shops/" + shopId);
            browser.type("#counters", "3");
            browser.pick("#opens-SATURDAY", "11:00");
            browser.pick("#closes-SATURDAY", "17:00");
            browser.submit("#save-shop");
            browser.find("#shop-" + shopId);
            Http.Reply shop = operator.get(StackService.RESERVATION_SERVICE.url() + "/shops/" + shopId);
            assertEquals(3, shop.body().path("counters").asInt(), shop.rawBody());
            assertEquals("丸の内テスト店", shop.body().path("nameJa").asText(), "kept through the edit: " + shop.rawBody());
            assertEquals("東京都", shop.body().path("prefectureJa").asText(), shop.rawBody());
            assertEquals("11:00", shop.body().path("openingHours").path("SATURDAY").path("opens").asText(), shop.rawBody());
            assertEquals("2027-01-01", shop.body().path("closedDates").path(0).asText(), shop.rawBody());

            browser.click("#nav-locks");
            browser.awaitPath("/operator/locks");
            assertTrue(Long.parseLong(browser.find("#next-midnight").getAttribute("data-pending")) >= 1);
            assertTrue(findPendingLock(browser, locked), "the locked contract is listed");
            browser.screenshot("operator-locks");
            browser.assertAccessible();

            browser.click("#nav-audit");
            browser.awaitPath("/operator/audit");
            browser.pick("#action", "disclosure");
            browser.submit("#audit-search");
            browser.find("#trail-heading"); // the trail was searched: its table, or the line saying it has no entries
            assertEquals(1, browser.all("#insider-actions, #no-entries").size(), "the trail or its absence is shown");
            assertTrue(browser.all(".insider-action").stream().allMatch(row -> "disclosure".equals(row.getAttribute("data-action"))),
                    "only disclosures are listed");
            browser.screenshot("operator-audit");
            browser.assertAccessible();

            // The session cookie's key is configured: a restarted console still knows the person.
            RunningSystem.fleet().process(StackService.WEB_CONSOLE).stop();
            RunningSystem.fleet().start(StackService.WEB_CONSOLE);
            RunningSystem.fleet().process(StackService.WEB_CONSOLE).awaitReady(Duration.ofSeconds(90));
            browser.open(CONSOLE + "/operator/locks");
            browser.find("#next-midnight");
            assertEquals("/operator/locks", browser.path(), "no login page after the restart");
        }
    }

    @Test
    void shopStaffSeeTheDaysVisitsAndOpenOne() {
        ZonedDateTime serviceNow = ConsoleShops.now(StackService.RESERVATION_SERVICE).atZone(JAPAN);
        ZonedDateTime slot = serviceNow.truncatedTo(ChronoUnit.HOURS)
                .plusMinutes(15L * (serviceNow.getMinute() / 15 + 1));
        Assumptions.assumeTrue(slot.toLocalDate().equals(serviceNow.toLocalDate())
                        && slot.toLocalTime().isBefore(LocalTime.of(23, 45)),
                "the reservation-service's day has no slot left to book");
        String contract = fresh("WEB-ST");
        String staffUser = Infrastructure.tokens().ensureShopStaff(SHOP);
        Http staffApi = RunningSystem.as(RunningSystem.actors().shopStaff(SHOP));
        Http.Reply booked = staffApi.post(StackService.RESERVATION_SERVICE.url() + "/reservations",
                Map.of("contractId", contract, "shopId", SHOP, "start", slot.toOffsetDateTime().toString(),
                        "purpose", "PIN_RESET"), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, booked.status(), booked.rawBody());
        String number = booked.text("reservationNumber");

        try (Browser staff = Browser.desktop(1280, 900)) {
            // Other end-to-end tests move the services' clocks ahead: ask for the day the service is at.
            boolean sameDay = serviceNow.toLocalDate().equals(ZonedDateTime.now(JAPAN).toLocalDate());
            staff.open(CONSOLE + "/shop" + (sameDay ? "" : "?date=" + serviceNow.toLocalDate()));
            staff.logIn(staffUser, KeycloakTokens.DEMO_PASSWORD);
            staff.awaitPath("/shop");
            assertEquals("BOOKED", staff.find("#visit-" + number).getAttribute("data-status"));
            assertTrue(staff.text("#visit-" + number).contains(slot.toLocalTime().toString()), staff.text("#visit-" + number));
            staff.screenshot("shop-visits");
            staff.assertAccessible();
            staff.click("#visit-" + number + " a");
            staff.awaitPath("/shop/visits/" + number);
            assertEquals("BOOKED", staff.find("#visit-status").getAttribute("data-status"));
        }
        try (Browser phone = Browser.phone(360, 740)) {
            phone.open(CONSOLE + "/shop?date=" + serviceNow.toLocalDate());
            phone.logIn(staffUser, KeycloakTokens.DEMO_PASSWORD);
            phone.find("#visit-" + number);
            phone.assertNoSidewaysScrolling();
        }
    }

    /**
     * A staff member's first login shows Keycloak's authenticator set-up page and lets them in only with a code of the
     * secret it shows; their next login asks for a code, refuses a wrong one, and lets them in with the right one.
     */
    @Test
    void staffSetUpTheirOneTimeCodeAtTheFirstLoginAndAreNotLetInWithoutIt() {
        String staffUser = Infrastructure.tokens().ensureUser(fresh("staff-code"), "shop-staff", Map.of("shop_id", SHOP));
        try (Browser first = Browser.desktop(1280, 900)) {
            first.open(CONSOLE + "/shop");
            first.submitPassword(staffUser, KeycloakTokens.DEMO_PASSWORD);
            assertEquals(Browser.SecondFactor.SET_UP, first.awaitSecondFactor(), "the first login sets a code up");
            byte[] key = first.setUpKey();
            OneTimeCodes.setUp(staffUser, key);
            first.type("#totp", OneTimeCodes.wrong(staffUser));
            first.click("#saveTOTPBtn");
            assertEquals(Browser.SecondFactor.SET_UP, first.awaitSecondFactor(), "a wrong code sets nothing up");
            first.find("#input-error-otp-code");
            assertArrayEquals(key, first.setUpKey(), "the same secret to set up");
            first.screenshot("second-factor-set-up");
            first.type("#totp", OneTimeCodes.next(staffUser));
            first.click("#saveTOTPBtn");
            first.awaitPath("/shop");
        }
        try (Browser next = Browser.desktop(1280, 900)) {
            next.open(CONSOLE + "/shop");
            next.submitPassword(staffUser, KeycloakTokens.DEMO_PASSWORD);
            assertEquals(Browser.SecondFactor.CODE, next.awaitSecondFactor(), "the next login asks for the code");
            next.enterCode(OneTimeCodes.wrong(staffUser));
            assertEquals(Browser.SecondFactor.CODE, next.awaitSecondFactor(), "a wrong code is refused");
            next.find("#input-error-otp");
            next.screenshot("second-factor-code");
            next.open(CONSOLE + "/shop");
            next.find("form");
            assertTrue(next.driver.getCurrentUrl().contains("/realms/"), "without the code, no console: "
                    + next.driver.getCurrentUrl());
            if (next.all("#kc-otp-login-form").isEmpty()) {
                next.submitPassword(staffUser, KeycloakTokens.DEMO_PASSWORD);
                assertEquals(Browser.SecondFactor.CODE, next.awaitSecondFactor());
            }
            next.enterCode(OneTimeCodes.next(staffUser));
            next.awaitPath("/shop");
        }
    }

    /**
     * Unless the pin-service's clock is already outside the manned hours (09:00–20:00 JST), moves the
     * pin-service's and the reservation-service's clocks to 20:05 JST the same day: forward, and short of a
     * midnight, so the branch a support agent meets out of hours is tested whatever the hour the test runs at.
     */
    private static void moveClocksOutsideMannedHours() {
        ZonedDateTime pinNow = ConsoleShops.now(StackService.PIN_SERVICE).atZone(JAPAN);
        if (!between(pinNow.toInstant(), LocalTime.of(9, 0), LocalTime.of(20, 0))) {
            return;
        }
        DemoClocks.Moved moved = new DemoClocks(ConsoleShops.operator())
                .follow(null, pinNow.toLocalDate().atTime(20, 5).atZone(JAPAN).toInstant());
        assertEquals(200, moved.pinService().status(), moved.pinService().rawBody());
        assertEquals(200, moved.reservationService().status(), moved.reservationService().rawBody());
    }

    /**
     * Unless the pin-service's clock is inside 09:00–19:55 JST, moves the system's time to 09:05 JST
     * next, as a demo does: across a midnight the lock-scheduler first publishes it (its clock jumps,
     * the others follow), so that no service's clock passes a midnight that was not published.
     */
    private static void moveClocksIntoMannedHours() {
        ZonedDateTime pinNow = ConsoleShops.now(StackService.PIN_SERVICE).atZone(JAPAN);
        if (between(pinNow.toInstant(), LocalTime.of(9, 0), LocalTime.of(19, 55))) {
            return;
        }
        DemoClocks clocks = new DemoClocks(ConsoleShops.operator());
        LocalDate day = pinNow.toLocalDate();
        if (!pinNow.toLocalTime().isBefore(LocalTime.of(9, 0))) {
            DemoClocks.Moved midnight = clocks.nextMidnight();
            assertEquals(200, midnight.scheduler().status(), midnight.scheduler().rawBody());
            day = OffsetDateTime.parse(midnight.scheduler().text("now")).atZoneSameInstant(JAPAN).toLocalDate();
        }
        DemoClocks.Moved moved = clocks.follow(null, day.atTime(9, 5).atZone(JAPAN).toInstant());
        assertEquals(200, moved.pinService().status(), moved.pinService().rawBody());
        assertEquals(200, moved.reservationService().status(), moved.reservationService().rawBody());
    }

    /** From {@code from} (inclusive) to {@code to} (exclusive), in Japan. */
    private static boolean between(Instant instant, LocalTime from, LocalTime to) {
        LocalTime time = instant.atZone(JAPAN).toLocalTime();
        return !time.isBefore(from) && time.isBefore(to);
    }

    /** Looks through the pending locks' pages for the contract. */
    private static boolean findPendingLock(Browser browser, String contract) {
        for (int page = 0; page < 50; page++) {
            if (!browser.all("tr.pending-lock[data-contract='" + contract + "']").isEmpty()) {
                return true;
            }
            if (browser.all("#next-page").isEmpty()) {
                return false;
            }
            browser.submit("#next-page");
        }
        return false;
    }

    private static boolean within(Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}

package com.networkpin.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networkpin.launcher.Http;
import com.networkpin.launcher.StackService;
import com.networkpin.localinfra.Infrastructure;
import com.networkpin.localinfra.KeycloakTokens;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The web console in a real browser against the packaged services and the real Keycloak: people
 * log in at Keycloak's login page and do everything through the pages. A customer books a PIN
 * reset for today, the shop's staff check the customer in and the customer types a new PIN on the
 * terminal; another customer cannot see that booking; a phone-sized screen books and cancels.
 */
@ExtendWith(RunningSystem.class)
class WebConsoleTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final String CONSOLE = StackService.WEB_CONSOLE.url();
    private static final String RESERVATIONS = StackService.RESERVATION_SERVICE.url();
    /** Open 00:00–23:45 every day, so that a visit can be booked and checked in whenever the test runs. */
    private static final String SHOP = "tokyo-console-round-the-clock";
    private static final String CUSTOMER1_CONTRACT = "C-0001";
    private static final String NEW_PIN = "4826";

    private final PinApi pins = new PinApi(StackService.PIN_SERVICE.url());

    @BeforeAll
    static void shopOpenRoundTheClock() {
        Browser.assumeInstalled();
        Assumptions.assumeTrue(ZonedDateTime.now(JAPAN).toLocalTime().isBefore(LocalTime.of(23, 40)),
                "the last bookable slot of the day in Japan has begun: no visit can be booked for today");
        ConsoleShops.openRoundTheClock(SHOP);
    }

    @Test
    void aCustomerBooksThePinResetAndTheShopTerminalSetsTheNewPin() {
        int set = pins.setPin(CUSTOMER1_CONTRACT).status();
        assertTrue(set == 201 || set == 409, "the contracting system sets customer1's PIN: " + set);
        String number;
        try (Browser customer = Browser.desktop(1280, 900)) {
            customer.open(CONSOLE + "/");
            customer.assertAccessible();
            customer.click("#customer-entry");
            customer.logIn("customer1", KeycloakTokens.DEMO_PASSWORD);
            customer.awaitPath("/customer");
            assertEquals("設定済み", customer.text("#pin-state"), "the PIN's state, in Japanese");
            assertTrue(customer.text("#pin-attempts").contains("3"), customer.text("#pin-attempts"));
            String guidance = customer.text("#guidance");
            assertTrue(guidance.contains("本人確認書類の原本") && guidance.contains("有人チャットの受付時間は 09:00〜20:00"),
                    "the pin-service's guidance in Japanese: " + guidance);
            assertFalse(guidance.contains("book a visit"), "no English guidance on a Japanese page: " + guidance);
            assertEquals("東京都", customer.find("#prefecture option[value=Tokyo]").getText(), "prefectures in Japanese");
            customer.screenshot("customer-pin-state");
            customer.assertAccessible();

            number = book(customer, "PIN_RESET", true);
            assertTrue(customer.page().contains(ConsoleShops.NAME_JA), "the shop's Japanese name on a Japanese page");
            assertTrue(customer.text("#fee").startsWith("0円"), "no fee for a PIN reset: " + customer.text("#fee"));
            customer.screenshot("customer-booked");
            customer.assertAccessible();

            customer.driver.navigate().refresh();
            assertEquals(number, customer.text("#reservation-number"));
            JsonNode booked = RunningSystem.as(RunningSystem.actors().customer(CUSTOMER1_CONTRACT))
                    .get(RESERVATIONS + "/contracts/" + CUSTOMER1_CONTRACT + "/reservations").body();
            long active = 0;
            for (JsonNode reservation : booked) {
                active += "BOOKED".equals(reservation.path("status").asText()) ? 1 : 0;
            }
            assertEquals(1, active, "a double click and a reload booked once: " + booked);

            customer.click("nav a[lang=en]");
            assertEquals("Booked", customer.text("#reservation-status"), "the same page in English");
            assertEquals("en", customer.find("html").getAttribute("lang"));
            assertTrue(customer.page().contains(ConsoleShops.NAME) && !customer.page().contains(ConsoleShops.NAME_JA),
                    "the shop's English name on an English page");
        }

        try (Browser staff = Browser.desktop(1280, 900)) {
            String staffUser = Infrastructure.tokens().ensureShopStaff(SHOP);
            staff.open(CONSOLE + "/shop");
            staff.logIn(staffUser, KeycloakTokens.DEMO_PASSWORD);
            staff.awaitPath("/shop");
            staff.type("#number", number.toLowerCase());
            staff.click("#open");
            assertEquals("BOOKED", staff.find("#visit-status").getAttribute("data-status"));
            staff.assertAccessible();

            new org.openqa.selenium.support.ui.Select(staff.find("#idDocument")).selectByValue("DRIVING_LICENCE");
            staff.click("#original");
            staff.submit("#check-in");
            assertEquals("CHECKED_IN", staff.find("#visit-status").getAttribute("data-status"));
            WebElement pinField = staff.find("#newPin");
            assertEquals("password", pinField.getAttribute("type"));
            assertEquals("numeric", pinField.getAttribute("inputmode"));
            assertEquals("off", pinField.getAttribute("autocomplete"));
            staff.assertAccessible();

            staff.type("#newPin", "1111");
            staff.submit("#set-pin");
            assertTrue(staff.text("#notice").contains("同じ数字だけの暗証番号は使えません"), staff.text("#notice"));
            assertFalse(staff.page().contains("1111"), "the refused PIN is not written back into the page");
            assertEquals("", staff.find("#newPin").getAttribute("value"));
            assertFalse(staff.driver.getCurrentUrl().contains("1111"), "no PIN in a URL");

            staff.type("#newPin", NEW_PIN);
            staff.submit("#set-pin");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (staff.all("#visit-status[data-status=COMPLETED]").isEmpty()) {
                String notice = staff.text("#notice");
                assertTrue(System.nanoTime() < deadline, "the visit was not completed in time: " + notice);
                pause();
                if (notice.contains("本人確認の結果がまだ届いていません")) {
                    // The retryable refusal: the reset grant is still on its way over Kafka.
                    staff.type("#newPin", NEW_PIN);
                    staff.submit("#set-pin");
                } else if (notice.contains("新しい暗証番号を設定しました")) {
                    // Set; the reservation-service completes the visit when the PinReset event reaches it.
                    staff.driver.navigate().refresh();
                } else {
                    throw new AssertionError("the reset was refused: " + notice);
                }
            }
            assertEquals("完了", staff.text("#visit-status"));
            assertFalse(staff.page().contains(NEW_PIN), "the new PIN is never shown");
            staff.screenshot("shop-visit-completed");
        }
        assertEquals("VERIFIED", PinApi.expect(pins.verify(CUSTOMER1_CONTRACT, NEW_PIN), 200).text("outcome"),
                "the PIN typed on the terminal is the contract's PIN now");

        try (Browser other = Browser.desktop(1280, 900)) {
            other.open(CONSOLE + "/customer/reservations/" + number);
            other.logIn("customer2", KeycloakTokens.DEMO_PASSWORD);
            other.find("h1");
            assertTrue(other.all("#reservation-number").isEmpty(), "customer2 does not see customer1's booking");
            assertTrue(other.text("#notice").contains("受け付けられませんでした"), other.text("#notice"));
            other.open(CONSOLE + "/customer");
            other.find("#bookings-heading");
            assertFalse(other.page().contains(number), "customer2's bookings do not list it");
            other.open(CONSOLE + "/shop");
            assertTrue(other.text("#notice").contains("権限がありません"), "a customer is refused the shop terminal");
        }
    }

    @Test
    void aPhoneSizedScreenBooksAndCancelsAVisit() {
        String contract = "WEB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        PinApi.expect(pins.setPin(contract), 201);
        String user = Infrastructure.tokens().ensureCustomer(contract);
        try (Browser phone = Browser.phone(360, 740)) {
            phone.open(CONSOLE + "/customer");
            phone.logIn(user, KeycloakTokens.DEMO_PASSWORD);
            phone.awaitPath("/customer");
            phone.find("#pin-state");
            assertEquals(360, phone.viewportWidth());
            phone.assertNoSidewaysScrolling();
            String number = book(phone, "PIN_CHANGE", false);
            phone.assertNoSidewaysScrolling();
            phone.screenshot("phone-booked");
            phone.click("#cancel");
            phone.awaitPath("/customer");
            phone.awaitText("#notice", "キャンセルしました");
            assertFalse(phone.all("#booking-" + number + " .status").stream().anyMatch(s -> s.getText().equals("予約済み")));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Through the pages: prefecture, shop, today's first free slot, purpose, book; returns the reservation number. */
    private static String book(Browser browser, String purpose, boolean doubleClick) {
        new org.openqa.selenium.support.ui.Select(browser.find("#prefecture")).selectByValue("Tokyo");
        browser.click("#find-shops");
        browser.click("#shop-" + SHOP);
        browser.find("#booking-form");
        // Other end-to-end tests move the services' clocks forward past midnights: book on the date the
        // reservation-service is at, which the console's date picker offers (it is a few days ahead at most).
        ZonedDateTime serviceNow = ConsoleShops.now(StackService.RESERVATION_SERVICE).atZone(JAPAN);
        LocalDate serviceToday = serviceNow.toLocalDate();
        if (!serviceToday.equals(LocalDate.now(JAPAN))) {
            browser.open(CONSOLE + "/customer/shops/" + SHOP + "?date=" + serviceToday);
            browser.find("#booking-form");
        }
        assertTrue(!browser.all(".slot.unavailable input[disabled]").isEmpty()
                        || serviceNow.toLocalTime().equals(LocalTime.MIDNIGHT),
                "slots that have begun are shown, and cannot be chosen");
        WebElement free = browser.driver.findElements(By.cssSelector("input[name=start]:not([disabled])")).get(0);
        free.findElement(By.xpath("./..")).click();
        browser.click("#purpose-" + purpose);
        if (browser.viewportWidth() <= 400) {
            browser.assertNoSidewaysScrolling();
            browser.screenshot("phone-slots");
        } else {
            browser.screenshot("customer-slots");
        }
        browser.assertAccessible();
        if (doubleClick) {
            new Actions(browser.driver).doubleClick(browser.find("#book")).perform();
        } else {
            browser.click("#book");
        }
        browser.awaitPath("/customer/reservations/");
        return browser.text("#reservation-number");
    }
}

package com.networkpin.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The application itself, without an OpenID Connect provider: the public landing page in both
 * languages with its security headers, and the sentences chosen by a service's value.
 */
@QuarkusTest
class RenderedPagesTest {

    @Test
    void theLandingPageIsJapaneseFirstAndEnglishOnRequest() {
        given().when().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'none'"))
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .body(containsString("<html lang=\"ja\">"), containsString("ネットワーク暗証番号"),
                        containsString("href=\"/customer\""), containsString("href=\"/shop\""));
        given().cookie("lang", "en").when().get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"), containsString("Network PIN"));
        given().header("Accept-Language", "en-US").when().get("/").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"));
    }

    @Test
    void theLanguageSwitchKeepsTheChoiceAndStaysOnThisSite() {
        given().redirects().follow(false).when().get("/lang?to=en&back=/customer").then().statusCode(303)
                .header("Location", containsString("/customer")).header("Set-Cookie", containsString("lang=en"));
        given().redirects().follow(false).when().get("/lang?to=en&back=https://evil.example/").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.not(containsString("evil")));
    }

    @Test
    void sentencesFollowTheServicesValues() {
        Msg japanese = MessageBundles.get(Msg.class, Localized.Literal.of("ja"));
        Msg english = MessageBundles.get(Msg.class, Localized.Literal.of("en"));
        assertEquals("ロック中", japanese.pinStatus("LOCKED"));
        assertEquals("Set", english.pinStatus("ACTIVE"));
        assertEquals("完了", japanese.reservationStatus("COMPLETED"));
        assertEquals("手数料 3,300円(税込)", japanese.purposeFee("OTHER"));
        assertEquals("fee 0 JPY", english.purposeFee("PIN_RESET"));
        assertEquals("マイナンバーカード", japanese.documentName("MY_NUMBER_CARD"));
        assertEquals("An ascending run (such as 1234) is not allowed.", english.weakPin("ASCENDING_RUN"));
        assertEquals("この暗証番号は使えません。", japanese.weakPin("SOMETHING_NEW"));
    }
}

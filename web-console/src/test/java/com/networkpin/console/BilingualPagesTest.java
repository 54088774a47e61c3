package com.networkpin.console;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The pin-service's guidance and the shops' names in the page's language: a customer logged in at the real
 * Keycloak sees their locked PIN's guidance worded from the console's messages (Japan time, Japanese dates on
 * a Japanese page), a note of a code the console does not know in the service's English (marked as
 * English), and the prefectures and shops in Japanese on a Japanese page, in English on an English one.
 */
@QuarkusTest
@QuarkusTestResource(value = BilingualServices.class, restrictToAnnotatedClass = true)
class BilingualPagesTest {

    @TestHTTPResource("/")
    URI console;

    private BrowserSession customer(String language) {
        return BrowserSession.customer(console, "/customer", language);
    }

    @Test
    void givenALockedPin_whenTheCustomerReadsTheJapanesePage_thenTheGuidanceAndTheNamesAreJapanese() {
        BrowserSession browser = customer("ja");
        HttpResponse<String> page = browser.get(console.resolve("/customer"));

        assertEquals(200, page.statusCode());
        String body = page.body();
        assertThat(body, containsString("<html lang=\"ja\">"));
        assertThat(body, containsString("ロック中"));
        assertThat(body, containsString("2026年12月9日(水) 0:00 にロックが自動で解除されます。"));
        assertThat(body, containsString("暗証番号を早くリセットしたい場合は、ショップへの来店"));
        assertThat(body, containsString("本人確認書類の原本(運転免許証、マイナンバーカード、障害者手帳のいずれか)をお持ちください。"));
        assertThat(body, containsString("有人チャットの受付時間は 09:00〜20:00(日本時間)です。次の受付開始は 2026年12月9日(水) 9:00 です。"));
        assertThat(body, containsString("<li class=\"note-a-code-from-the-future\" lang=\"en\">A sentence the console cannot word yet.</li>"));
        assertThat("no English guidance sentence of a known code", body, not(containsString("The lock lifts by itself")));
        assertThat(body, not(containsString("book a shop visit")));
        assertThat(body, containsString("<option value=\"Aichi\">愛知県</option>"));
        assertThat(body, containsString("<option value=\"Tokyo\">東京都</option>"));

        HttpResponse<String> shops = browser.get(console.resolve("/customer/shops?prefecture=Tokyo"));
        assertThat(shops.body(), containsString("東京都のショップ"));
        assertThat(shops.body(), containsString("<h2>新宿西口店</h2>"));
        assertThat(shops.body(), not(containsString("Shinjuku West Exit Shop")));
    }

    @Test
    void givenALockedPin_whenTheCustomerReadsTheEnglishPage_thenTheGuidanceAndTheNamesAreEnglish() {
        BrowserSession browser = customer("en");
        HttpResponse<String> page = browser.get(console.resolve("/customer"));

        assertEquals(200, page.statusCode());
        String body = page.body();
        assertThat(body, containsString("<html lang=\"en\">"));
        assertThat(body, containsString("The lock lifts by itself at 2026-12-09 00:00 JST."));
        assertThat(body, containsString("To reset the PIN sooner, book a shop visit for a PIN reset (no fee)."));
        assertThat(body, containsString("The manned chat is open 09:00–20:00 Japan time; it opens next at 2026-12-09 09:00 JST."));
        assertThat(body, containsString("<li class=\"note-a-code-from-the-future\">A sentence the console cannot word yet.</li>"));
        assertThat(body, containsString("<option value=\"Tokyo\">Tokyo</option>"));
        assertThat(body, not(containsString("東京都")));

        HttpResponse<String> shops = browser.get(console.resolve("/customer/shops?prefecture=Tokyo"));
        assertThat(shops.body(), containsString("Shops in Tokyo"));
        assertThat(shops.body(), containsString("<h2>Shinjuku West Exit Shop</h2>"));
        assertThat(shops.body(), not(containsString("新宿西口店")));
    }
}

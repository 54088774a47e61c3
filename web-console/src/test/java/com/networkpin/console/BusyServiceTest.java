package com.networkpin.console;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A page whose service is busy says so and when to try again, with 503 and Retry-After, instead of hanging
 * or failing: the service answered 503 with its Retry-After, answered only past the read time-out (1 s
 * here), or refused the connection. A customer logged in at the real Keycloak looks at the shop finder
 * (the reservation-service's) and at their home page (the pin-service's too).
 */
@QuarkusTest
@QuarkusTestResource(value = StandInServices.class, restrictToAnnotatedClass = true)
class BusyServiceTest {

    @TestHTTPResource("/")
    URI console;

    @AfterEach
    void answerAgain() {
        StandInServices.behaviour = StandInServices.Behaviour.ANSWER;
    }

    private BrowserSession customer(String language) {
        return BrowserSession.customer(console, "/customer/shops", language);
    }

    @Test
    void givenAnOverloadedService_whenAPageNeedsIt_thenItSaysBusyWithTheServicesRetryAfter() {
        BrowserSession browser = customer("en");
        StandInServices.behaviour = StandInServices.Behaviour.OVERLOADED;

        HttpResponse<String> page = browser.get(console.resolve("/customer/shops?prefecture=Tokyo"));

        assertEquals(503, page.statusCode());
        assertEquals("7", page.headers().firstValue("Retry-After").orElse(null));
        assertThat(page.body(), containsString("role=\"alert\""));
        assertThat(page.body(), containsString("The service is busy right now. Please wait about 7 seconds and try again."));
        assertThat(page.body(), not(containsString("Exception")));
    }

    @Test
    void givenASlowService_whenAPageNeedsIt_thenItSaysBusyAtTheReadTimeoutInJapanese() {
        BrowserSession browser = customer("ja");
        StandInServices.behaviour = StandInServices.Behaviour.SLOW;

        long begin = System.nanoTime();
        HttpResponse<String> page = browser.get(console.resolve("/customer/shops"));
        long seconds = (System.nanoTime() - begin) / 1_000_000_000;

        assertThat("answered before the service would have", seconds, lessThan(StandInServices.SLOW_SECONDS));
        assertEquals(503, page.statusCode());
        assertEquals("4", page.headers().firstValue("Retry-After").orElse(null));
        assertThat(page.body(), containsString("<html lang=\"ja\">"));
        assertThat(page.body(), containsString("ただいま混み合っています。4秒ほど待ってから、もう一度お試しください。"));
    }

    @Test
    void givenAServiceRefusingConnections_whenAPageShowsTheRestBesideIt_thenItAnswers503WithRetryAfter() {
        BrowserSession browser = customer("en");

        HttpResponse<String> page = browser.get(console.resolve("/customer"));

        assertEquals(503, page.statusCode(), "the pin-service refuses the connection");
        assertEquals("4", page.headers().firstValue("Retry-After").orElse(null));
        assertThat(page.body(), containsString("The service is busy right now. Please wait about 4 seconds and try again."));
    }
}

package com.networkpin.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of the pages that need no server: who may see what, language, times, form tokens. */
class PageRulesTest {

    @Test
    void everyPageDeclaresWhoMaySeeIt() {
        for (Class<?> pages : List.of(LandingPage.class, CustomerPages.class, ShopPages.class, SupportPages.class,
                OperatorPages.class)) {
            for (Method method : pages.getDeclaredMethods()) {
                if (method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(POST.class)) {
                    boolean declared = method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(PermitAll.class)
                            || pages.isAnnotationPresent(RolesAllowed.class) || pages.isAnnotationPresent(PermitAll.class);
                    assertTrue(declared, pages.getSimpleName() + "." + method.getName() + " declares no rule");
                }
            }
        }
        assertEquals("customer", CustomerPages.class.getAnnotation(RolesAllowed.class).value()[0]);
        assertEquals("shop-staff", ShopPages.class.getAnnotation(RolesAllowed.class).value()[0]);
        assertEquals(List.of("support-agent"), List.of(SupportPages.class.getAnnotation(RolesAllowed.class).value()));
        assertEquals(List.of("operator"), List.of(OperatorPages.class.getAnnotation(RolesAllowed.class).value()));
    }

    @Test
    void japaneseUnlessTheBrowserPrefersEnglish() {
        assertEquals("ja", Page.preferredByBrowser(null));
        assertEquals("ja", Page.preferredByBrowser("fr-FR,de;q=0.8"));
        assertEquals("en", Page.preferredByBrowser("en-GB,ja;q=0.5"));
        assertEquals("ja", Page.preferredByBrowser("ja,en;q=0.9"));
        assertEquals("ja", Page.preferredByBrowser("not a header;;q=x"));
    }

    @Test
    void theLanguageSwitchReturnsOnlyToAPageOfThisSite() {
        assertEquals("/customer?x=1", LandingPage.localPath("/customer?x=1"));
        assertEquals("/", LandingPage.localPath("https://evil.example/"));
        assertEquals("/", LandingPage.localPath("//evil.example/"));
        assertEquals("/", LandingPage.localPath("/\\evil.example"));
        assertEquals("/", LandingPage.localPath(null));
    }

    /** The services answer every time in Japan time ({@code …+09:00}); the pages read them as instants. */
    @Test
    void answersInJapanTimeAreReadAsTheirInstants() throws Exception {
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();

        Views.PinState state = json.readValue("{\"status\":\"LOCKED\",\"lockedAt\":\"2026-11-30T23:59:30.5+09:00\","
                + "\"unlocksAt\":\"2026-12-01T00:00:00+09:00\"}", Views.PinState.class);

        assertEquals(Instant.parse("2026-11-30T14:59:30.500Z"), state.lockedAt());
        assertEquals(Instant.parse("2026-11-30T15:00:00Z"), state.unlocksAt());
    }

    @Test
    void timesAreShownInJapanWhateverTheirOffset() {
        assertEquals("2026-12-01 00:00 JST", Jst.jst(Instant.parse("2026-11-30T15:00:00Z")));
        assertEquals("10:15", Jst.hhmm(OffsetDateTime.parse("2026-12-01T01:15:00Z")));
        assertEquals("", Jst.jst((Instant) null));
    }

    @Test
    void aFormTokenBelongsToOneLoginSession() {
        FormGuard guard = new FormGuard("a-secret-of-at-least-thirty-two-characters");
        String token = guard.token("user-1", "session-1");
        guard.check("user-1", "session-1", token);
        assertNotEquals(token, guard.token("user-1", "session-2"));
        assertThrows(FormGuard.FormExpired.class, () -> guard.check("user-1", "session-2", token));
        assertThrows(FormGuard.FormExpired.class, () -> guard.check("user-2", "session-1", token));
        assertThrows(FormGuard.FormExpired.class, () -> guard.check("user-1", "session-1", null));
        assertThrows(FormGuard.FormExpired.class, () -> guard.check(null, null, token));
    }

    @Test
    void aServiceRefusalIsShownAsItsSentence() {
        com.fasterxml.jackson.databind.node.ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode().put("type", "/problems/weak-pin").put("title", "PIN too easy to guess")
                .put("detail", "All four digits are the same.").put("reason", "ALL_SAME_DIGITS");
        ServiceProblem problem = new ServiceProblem(422, body);
        assertEquals("All four digits are the same.", problem.sentence());
        assertEquals("weak-pin", problem.kind());
        assertEquals("ALL_SAME_DIGITS", problem.text("reason"));
        assertEquals("PIN too easy to guess", new ServiceProblem(409, body.without("detail")).sentence());
        assertTrue(ServiceProblem.unreachable().isOutage());
    }

    @Test
    void aBusyServicesRetryAfterIsItsOwnWithinBoundsElseTheConsoles() {
        Duration fallback = Duration.ofSeconds(5);
        assertEquals(Duration.ofSeconds(7), Busy.retryAfter(Optional.of(" 7"), fallback));
        assertEquals(Duration.ofSeconds(1), Busy.retryAfter(Optional.of("0"), fallback));
        assertEquals(Duration.ofMinutes(10), Busy.retryAfter(Optional.of("86400"), fallback));
        assertEquals(fallback, Busy.retryAfter(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"), fallback));
        assertEquals(fallback, Busy.retryAfter(Optional.empty(), fallback));

        ServiceProblem refused = ServiceProblem.busy(429, null, Duration.ofSeconds(3));
        assertTrue(refused.isBusy() && refused.isOutage(), "a 429 is the service's load, not the person's doing");
        assertFalse(new ServiceProblem(409, null).isBusy());
        Busy busy = new Busy();
        busy.saw(ServiceProblem.busy(0, null, Duration.ofSeconds(5)));
        busy.saw(refused);
        assertEquals(Optional.of(Duration.ofSeconds(5)), busy.retryAfter(), "the longest wait of the page's services");
    }
}

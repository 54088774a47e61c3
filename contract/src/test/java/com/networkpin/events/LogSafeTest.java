package com.networkpin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void givenLineBreaksAndControlCharacters_whenMadeSafe_thenTheyAreEscapedOnOneLine() {
        assertEquals("agent-1\\n12:00:00.000 INFO  [forged] (main) PIN 1234 disclosed",
                LogSafe.of("agent-1\n12:00:00.000 INFO  [forged] (main) PIN 1234 disclosed"));
        assertEquals("a\\rb\\tc\\u0000d\\u001be\\u007ff\\u0085g\\u2028h\\u2029i\\u202ej",
                LogSafe.of("a\rb\tc\u0000d\u001be\u007ff\u0085g\u2028h\u2029i\u202ej"));
        assertEquals("a\\\\nb", LogSafe.of("a\\nb"), "a backslash is escaped, so an escape cannot be faked");
    }

    @Test
    void givenOrdinaryText_whenMadeSafe_thenItIsUnchanged() {
        assertEquals("R-2031-0601-0042 山田 ＡＢＣ 😀", LogSafe.of("R-2031-0601-0042 山田 ＡＢＣ 😀"));
        assertEquals("null", LogSafe.of(null));
        assertEquals("42", LogSafe.of(42));
    }

    @Test
    void givenLongText_whenMadeSafe_thenItIsCutAndSaysItsLength() {
        String safe = LogSafe.of("x".repeat(5000));

        assertEquals("x".repeat(LogSafe.MAX_LENGTH) + "…(5000 chars)", safe);
        assertEquals("ab…(3 chars)", LogSafe.of("abc", 2));
        assertEquals("a…(3 chars)", LogSafe.of("a😀", 2), "a surrogate pair is not split");
    }

    @Test
    void givenAMessageOfAnUnknownTypeWithALineBreak_whenRead_thenTheRefusalQuotesTheTypeOnOneLine() {
        String message = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"Locked\\nWARN forged "
                + "x".repeat(500) + "\",\"data\":{}}";

        UnreadableEventException refusal = assertThrows(UnreadableEventException.class, () -> EventJson.read(message));

        assertTrue(refusal.getMessage().startsWith("unknown event type Locked\\nWARN forged xxx"), refusal.getMessage());
        assertFalse(refusal.getMessage().contains("\n"));
        assertTrue(refusal.getMessage().length() < 150, "the type is cut: " + refusal.getMessage().length());
    }

    @Test
    void givenAFailureWithALineBreakInItsMessages_whenMadeSafe_thenItsStackTraceKeepsFramesButNotTheBreak() {
        IllegalStateException cause = new IllegalStateException("bad value\nFORGED cause line");
        IllegalArgumentException failure = new IllegalArgumentException("Text 'x\rFORGED line' could not be parsed", cause);
        failure.addSuppressed(new RuntimeException("suppressed\nFORGED"));

        Throwable safe = LogSafe.throwable(failure);
        StringWriter trace = new StringWriter();
        safe.printStackTrace(new PrintWriter(trace));

        assertEquals("java.lang.IllegalArgumentException: Text 'x\\rFORGED line' could not be parsed", safe.toString());
        assertEquals("java.lang.IllegalStateException: bad value\\nFORGED cause line", safe.getCause().toString());
        assertEquals(failure.getStackTrace().length, safe.getStackTrace().length);
        assertEquals(1, safe.getSuppressed().length);
        assertTrue(trace.toString().lines().noneMatch(line -> line.startsWith("FORGED")), trace.toString());
        assertTrue(trace.toString().contains("LogSafeTest"), "the frames are kept");
        assertNull(LogSafe.throwable(null));
        assertFalse(LogSafe.throwable(new RuntimeException()).toString().contains("null"));
    }
}

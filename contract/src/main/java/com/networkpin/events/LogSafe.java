package com.networkpin.events;

import java.util.HexFormat;

/**
 * Text from a request or a message, made fit for a log line: it stays on that line and stays short.
 * Line breaks, tabs and other control or invisible formatting characters are written as escapes
 * ({@code \n}, {@code \r}, {@code \t}, otherwise a backslash, {@code u} and four hex digits, e.g. for
 * U+2028) and a backslash is doubled, so a value cannot start a forged log line. Text longer than the
 * limit is cut and says how long it was.
 */
public final class LogSafe {

    /** Characters of a value kept in a log line. */
    public static final int MAX_LENGTH = 100;
    /** Characters of an exception message kept in a log line. */
    public static final int MAX_MESSAGE_LENGTH = 300;
    private static final int MAX_NESTED_FAILURES = 10;
    private static final HexFormat HEX = HexFormat.of();

    private LogSafe() {
    }

    /** {@code value}'s text on one line, at most {@link #MAX_LENGTH} characters of it; {@code "null"} for null. */
    public static String of(Object value) {
        return of(value, MAX_LENGTH);
    }

    /** {@code value}'s text on one line, at most {@code maxLength} characters of it; {@code "null"} for null. */
    public static String of(Object value, int maxLength) {
        String text = String.valueOf(value);
        int end = Math.min(text.length(), maxLength);
        if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a character in two
        }
        StringBuilder line = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            escape(text.charAt(i), line);
        }
        if (end < text.length()) {
            line.append("…(").append(text.length()).append(" chars)");
        }
        return line.toString();
    }

    /** The message of {@code failure} on one line, at most {@link #MAX_MESSAGE_LENGTH} characters of it. */
    public static String message(Throwable failure) {
        return of(failure.getMessage(), MAX_MESSAGE_LENGTH);
    }

    /**
     * A stand-in for {@code failure} to log with its stack trace: the same class names and frames,
     * causes and suppressed failures, but every message made safe by {@link #message}.
     */
    public static Throwable throwable(Throwable failure) {
        return copy(failure, 0);
    }

    private static Throwable copy(Throwable failure, int depth) {
        if (failure == null || depth > MAX_NESTED_FAILURES) {
            return null;
        }
        SafeFailure copy = new SafeFailure(failure, copy(failure.getCause(), depth + 1));
        for (Throwable suppressed : failure.getSuppressed()) {
            Throwable safe = copy(suppressed, depth + 1);
            if (safe != null) {
                copy.addSuppressed(safe);
            }
        }
        return copy;
    }

    private static void escape(char c, StringBuilder line) {
        switch (c) {
            case '\\' -> line.append("\\\\");
            case '\n' -> line.append("\\n");
            case '\r' -> line.append("\\r");
            case '\t' -> line.append("\\t");
            default -> {
                int type = Character.getType(c);
                if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                        || type == Character.PARAGRAPH_SEPARATOR) {
                    line.append("\\u").append(HEX.toHexDigits(c));
                } else {
                    line.append(c);
                }
            }
        }
    }

    /** Prints as the original would ({@code class: message}), with the safe message. */
    private static final class SafeFailure extends RuntimeException {

        private final String text;

        SafeFailure(Throwable original, Throwable cause) {
            super(original.getMessage() == null ? null : message(original), cause);
            this.text = original.getClass().getName() + (getMessage() == null ? "" : ": " + getMessage());
            setStackTrace(original.getStackTrace());
        }

        @Override
        public String toString() {
            return text;
        }
    }
}

package com.networkpin.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the operator's audit page asks the pin-service's trail: one person (their token subject), one kind of
 * action, and Japan dates from and to (both included); blank fields are no filter. Typed text is kept to
 * show the form again; only well-formed values are sent.
 */
public record AuditFilter(String person, String action, String from, String to) {

    /** Entries per page. */
    static final int PAGE = 50;
    private static final String PERSON = "[A-Za-z0-9._@-]{1,128}";

    public static AuditFilter of(String person, String action, String from, String to) {
        return new AuditFilter(strip(person), strip(action), strip(from), strip(to));
    }

    /** Whether every field is blank or well-formed, and the dates in order. */
    public boolean isValid() {
        if (!person.isEmpty() && !person.matches(PERSON)) {
            return false;
        }
        if (!action.isEmpty() && !action.equals("disclosure") && !action.equals("reset")) {
            return false;
        }
        Optional<LocalDate> start = date(from);
        Optional<LocalDate> end = date(to);
        if ((!from.isEmpty() && start.isEmpty()) || (!to.isEmpty() && end.isEmpty())) {
            return false;
        }
        return start.isEmpty() || end.isEmpty() || !start.get().isAfter(end.get());
    }

    /** The query parameters of the pin-service: the dates as the start of their day and of the day after, in Japan. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!person.isEmpty()) {
            parameters.put("person", person);
        }
        if (!action.isEmpty()) {
            parameters.put("action", action);
        }
        date(from).ifPresent(d -> parameters.put("from", d.atStartOfDay(Jst.JAPAN).toOffsetDateTime().toString()));
        date(to).ifPresent(d -> parameters.put("to", d.plusDays(1).atStartOfDay(Jst.JAPAN).toOffsetDateTime().toString()));
        return parameters;
    }

    /** This filter as the audit page's own query string, each field followed by {@code &}: for the next page's link. */
    public String query() {
        StringBuilder query = new StringBuilder();
        Map.of("person", person, "action", action, "from", from, "to", to).entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(field -> query.append(field.getKey()).append('=')
                        .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).append('&'));
        return query.toString();
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}

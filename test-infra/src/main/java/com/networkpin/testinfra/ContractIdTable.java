package com.networkpin.testinfra;

import java.util.List;
import java.util.stream.Stream;

/**
 * The contract ids every service's REST API is tried with, and the verdict each must give: the
 * pin-service, the lock-scheduler and the reservation-service accept exactly the same ids (a
 * visit booked for an id that can have no PIN could never reset it). Written out here, not
 * derived from {@code ContractIds}, so that a change of the rule shows up as a failing row.
 */
public final class ContractIdTable {

    /** One id and whether every service must accept it. */
    public record Row(String what, String id, boolean valid) {
        @Override
        public String toString() {
            return what + (valid ? " (valid)" : " (invalid)");
        }
    }

    public static final List<Row> ROWS = List.of(
            valid("typical", "C-0001"),
            valid("one character", "a"),
            valid("capitals, digits and hyphens", "AB-0123456789-XYZ"),
            valid("64 characters", "C-" + "0".repeat(62)),
            valid("leading hyphen", "-C-0001"),
            invalid("empty", ""),
            invalid("underscore", "C_1"),
            invalid("65 characters", "C-" + "0".repeat(63)),
            invalid("space", "C 1"),
            invalid("dot", "C.1"),
            invalid("colon", "C:1"),
            invalid("full-width characters", "Ｃ－０００１"),
            invalid("kanji", "契約-0001"),
            invalid("accented letter", "C-0001é"),
            invalid("line break", "C-0001\nforged"));

    private ContractIdTable() {
    }

    /** For a body field: every row. */
    public static Stream<Row> rows() {
        return ROWS.stream();
    }

    /**
     * For a path segment: every row but the empty id, which is no segment at all ({@code /contracts//pin}
     * names no contract, {@code /locks/} is the list of locks); a body field takes it.
     */
    public static Stream<Row> pathRows() {
        return rows().filter(row -> !row.id().isEmpty());
    }

    private static Row valid(String what, String id) {
        return new Row(what, id, true);
    }

    private static Row invalid(String what, String id) {
        return new Row(what, id, false);
    }
}

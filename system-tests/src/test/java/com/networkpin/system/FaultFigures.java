package com.networkpin.system;

import java.util.LinkedHashMap;
import java.util.Map;

/** The figures a fault test prints: events expected, seen, lost, duplicated, and any of its own. */
final class FaultFigures {

    private final String fault;
    private final Map<String, Object> figures = new LinkedHashMap<>();

    FaultFigures(String fault) {
        this.fault = fault;
    }

    FaultFigures put(String name, Object value) {
        figures.put(name, value);
        return this;
    }

    void print() {
        StringBuilder line = new StringBuilder("[fault] ").append(fault).append(':');
        figures.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
        System.out.println(line);
    }
}

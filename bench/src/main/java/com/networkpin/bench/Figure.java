package com.networkpin.bench;

/**
 * One measured figure beside the ceiling it is judged against. {@code ratio} is value / ceiling
 * where both are rates, or absent where the goal is an absolute bound (latency, memory).
 */
public record Figure(String id, String what, double value, String unit, Double ceiling, String ceilingWhat,
                     String goal, boolean met) {

    public Double ratio() {
        return ceiling == null || ceiling == 0 ? null : value / ceiling;
    }
}

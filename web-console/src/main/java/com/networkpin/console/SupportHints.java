package com.networkpin.console;

import com.networkpin.console.Timeline.Event;
import com.networkpin.console.Views.PinState;
import java.util.ArrayList;
import java.util.List;

/**
 * "The PIN is surely right but I get an error": what the PIN's state and recent attempts tell the
 * manned chat, as sentences in the page's language. A refusal while locked never compared the PIN,
 * so the customer may well have typed the right one.
 */
public final class SupportHints {

    private SupportHints() {
    }

    public static List<String> of(PinState pin, List<Event> timeline, SupportMsg msg) {
        List<String> hints = new ArrayList<>();
        if (pin == null || !pin.isSet()) {
            hints.add(msg.hintNotSet());
            return hints;
        }
        long refused = lastOfType(timeline, "Locked") == null ? 0 : sinceLast(timeline, List.of("Locked")).stream()
                .filter(e -> "AttemptRefused".equals(e.type())).count();
        if (pin.isLocked()) {
            hints.add(msg.hintLocked(Jst.jst(pin.unlocksAt())));
        }
        if (refused > 0) {
            hints.add(msg.hintRefused(refused));
        }
        if (!pin.isLocked() && pin.consecutiveFailures() > 0) {
            Event lastRight = lastOfType(timeline, "AttemptSucceeded");
            hints.add(lastRight == null ? msg.hintFailuresNeverRight(pin.consecutiveFailures())
                    : msg.hintFailuresLastRight(pin.consecutiveFailures(), msg.channelName(lastRight.channel()),
                    Jst.jst(lastRight.at())));
        }
        if (!pin.isLocked() && pin.remainingAttempts() == 1) {
            hints.add(msg.hintOneLeft());
        }
        if (hints.isEmpty()) {
            hints.add(msg.hintNothingWrong());
        }
        return hints;
    }

    /** The events after the last one of {@code types} (all of them when there is none). */
    static List<Event> sinceLast(List<Event> timeline, List<String> types) {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (types.contains(timeline.get(i).type())) {
                return timeline.subList(i + 1, timeline.size());
            }
        }
        return timeline;
    }

    private static Event lastOfType(List<Event> timeline, String type) {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (type.equals(timeline.get(i).type())) {
                return timeline.get(i);
            }
        }
        return null;
    }
}

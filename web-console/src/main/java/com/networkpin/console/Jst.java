package com.networkpin.console;

import io.quarkus.qute.TemplateExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as Japan shows them, whatever the server's zone: {@code {reservation.start.jst}}. */
@TemplateExtension
public final class Jst {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter JAPANESE_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu年M月d日(E) H:mm", Locale.JAPANESE);

    private Jst() {
    }

    /** Today in Japan, by {@code clock}. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(JAPAN));
    }

    /** 2026-12-01 00:00:05 JST: an attempt's time, to the second. */
    public static String jstSeconds(OffsetDateTime time) {
        return time == null ? "" : DATE_TIME_SECONDS.format(time.atZoneSameInstant(JAPAN)) + " JST";
    }

    /** 2026-12-01 00:00 JST */
    public static String jst(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(JAPAN)) + " JST";
    }

    /** 2026年12月9日(水) 0:00 on a Japanese page, 2026-12-09 00:00 JST on an English one: Japan time either way. */
    public static String forPage(Instant instant, String lang) {
        if (instant == null) {
            return "";
        }
        return Page.ENGLISH.equals(lang) ? jst(instant) : JAPANESE_DATE_TIME.format(instant.atZone(JAPAN));
    }

    /** {@code {pin.unlocksAt.local}}: {@link #forPage} in the language the page is rendered in. */
    public static String local(Instant instant, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return forPage(instant, Page.langOf(locale));
    }

    public static String jst(OffsetDateTime time) {
        return time == null ? "" : jst(time.toInstant());
    }

    /** 10:00, in Japan */
    public static String hhmm(OffsetDateTime time) {
        return time == null ? "" : TIME.format(time.atZoneSameInstant(JAPAN));
    }
}

package com.networkpin.reservation.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The 47 prefectures of Japan, in their usual romanised spelling. */
public final class Prefectures {

    public static final List<String> ALL = List.of(
            "Hokkaido", "Aomori", "Iwate", "Miyagi", "Akita", "Yamagata", "Fukushima",
            "Ibaraki", "Tochigi", "Gunma", "Saitama", "Chiba", "Tokyo", "Kanagawa",
            "Niigata", "Toyama", "Ishikawa", "Fukui", "Yamanashi", "Nagano", "Gifu", "Shizuoka", "Aichi",
            "Mie", "Shiga", "Kyoto", "Osaka", "Hyogo", "Nara", "Wakayama",
            "Tottori", "Shimane", "Okayama", "Hiroshima", "Yamaguchi",
            "Tokushima", "Kagawa", "Ehime", "Kochi",
            "Fukuoka", "Saga", "Nagasaki", "Kumamoto", "Oita", "Miyazaki", "Kagoshima", "Okinawa");

    private Prefectures() {
    }

    /** The canonical spelling of a prefecture named in any letter case. */
    public static Optional<String> canonical(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(p -> p.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}

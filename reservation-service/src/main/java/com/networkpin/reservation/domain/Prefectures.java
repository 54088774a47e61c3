package com.networkpin.reservation.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The 47 prefectures of Japan, in their usual romanised spelling and in Japanese (愛知県), in the same order. */
public final class Prefectures {

    public static final List<String> ALL = List.of(
            "Hokkaido", "Aomori", "Iwate", "Miyagi", "Akita", "Yamagata", "Fukushima",
            "Ibaraki", "Tochigi", "Gunma", "Saitama", "Chiba", "Tokyo", "Kanagawa",
            "Niigata", "Toyama", "Ishikawa", "Fukui", "Yamanashi", "Nagano", "Gifu", "Shizuoka", "Aichi",
            "Mie", "Shiga", "Kyoto", "Osaka", "Hyogo", "Nara", "Wakayama",
            "Tottori", "Shimane", "Okayama", "Hiroshima", "Yamaguchi",
            "Tokushima", "Kagawa", "Ehime", "Kochi",
            "Fukuoka", "Saga", "Nagasaki", "Kumamoto", "Oita", "Miyazaki", "Kagoshima", "Okinawa");

    /** The Japanese names, in the order of {@link #ALL}. */
    public static final List<String> JAPANESE = List.of(
            "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県",
            "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県",
            "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県",
            "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
            "鳥取県", "島根県", "岡山県", "広島県", "山口県",
            "徳島県", "香川県", "愛媛県", "高知県",
            "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県");

    private Prefectures() {
    }

    /** The canonical (romanised) spelling of a prefecture named in any letter case or in Japanese (東京都). */
    public static Optional<String> canonical(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = name.trim();
        int japanese = JAPANESE.indexOf(trimmed);
        if (japanese >= 0) {
            return Optional.of(ALL.get(japanese));
        }
        String wanted = trimmed.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(p -> p.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** 東京都 for Tokyo; {@code canonical} is a name of {@link #ALL}. */
    public static String japanese(String canonical) {
        int index = ALL.indexOf(canonical);
        if (index < 0) {
            throw new IllegalArgumentException("not a canonical prefecture name: " + canonical);
        }
        return JAPANESE.get(index);
    }
}

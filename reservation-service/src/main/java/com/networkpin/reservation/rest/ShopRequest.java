package com.networkpin.reservation.rest;

import com.networkpin.reservation.domain.OpeningHours;
import com.networkpin.reservation.domain.Shop;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A shop as an operator defines it; a weekday left out of {@code openingHours} is a closing day. */
public record ShopRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Shinjuku West Exit Shop")
        String name,
        @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        @Schema(description = "The name on Japanese pages; the English name when left out", examples = "新宿西口店")
        String nameJa,
        @NotBlank @Schema(description = "One of the 47 prefectures, romanised or in Japanese", examples = "Tokyo")
        String prefecture,
        @NotBlank @Size(max = 300) @Schema(examples = "1-5-1 Nishi-Shinjuku, Shinjuku-ku, Tokyo 160-0023")
        String address,
        @NotEmpty
        Map<DayOfWeek, @NotNull @Valid Hours> openingHours,
        @Size(max = 400)
        List<@NotNull LocalDate> closedDates,
        @NotNull @Min(1) @Max(Shop.MAX_COUNTERS)
        Integer counters) {

    public record Hours(
            @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    examples = "10:00") LocalTime opens,
            @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    examples = "19:00") LocalTime closes) {
    }

    /** The domain shop; it refuses what the annotations cannot check (hours order, prefecture, id). */
    Shop toShop(String shopId) {
        Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        openingHours.forEach((day, h) -> hours.put(day, new OpeningHours(h.opens(), h.closes())));
        return new Shop(shopId, name, nameJa, prefecture, address, hours,
                closedDates == null ? Set.of() : Set.copyOf(closedDates), counters);
    }
}

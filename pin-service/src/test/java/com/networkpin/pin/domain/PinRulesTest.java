package com.networkpin.pin.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PinRulesTest {

    private static final LocalDate BIRTH_DATE = LocalDate.of(1987, 4, 23);
    private static final String PHONE = "090-1234-3591";

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource({
            "0000, ALL_SAME_DIGITS", "7777, ALL_SAME_DIGITS",
            "0123, ASCENDING_RUN", "1234, ASCENDING_RUN", "6789, ASCENDING_RUN",
            "8901, ASCENDING_RUN", "9012, ASCENDING_RUN",
            "9876, DESCENDING_RUN", "3210, DESCENDING_RUN", "1098, DESCENDING_RUN", "0987, DESCENDING_RUN",
            "0423, BIRTH_DATE", "1987, BIRTH_YEAR", "3591, PHONE_NUMBER",
            "１２３４, ASCENDING_RUN", "０４２３, BIRTH_DATE"})
    void givenAWeakPin_whenSetting_thenItIsRefusedWithItsReason(String pin, RefusalReason reason) {
        PinRefused refused = assertThrows(PinRefused.class, () -> PinRules.requireStrong(pin, BIRTH_DATE, PHONE));

        assertEquals(reason, refused.reason());
    }

    @ParameterizedTest(name = "\"{0}\" is not a PIN")
    @ValueSource(strings = {"", "123", "12345", "12a4", "abcd", " 123", "12 4", "١٢٣٤", "１２３", "12.4"})
    void givenSomethingOtherThanFourDigits_whenNormalising_thenItIsRefused(String raw) {
        PinRefused refused = assertThrows(PinRefused.class, () -> PinRules.normalise(raw));

        assertEquals(RefusalReason.NOT_FOUR_DIGITS, refused.reason());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"４８２７, 4827", "4８2７, 4827", "4827, 4827", "０９３１, 0931"})
    void givenFullWidthDigits_whenNormalising_thenTheyAreTheSameDigits(String raw, String digits) {
        assertEquals(digits, PinRules.normalise(raw).digits());
    }

    @ParameterizedTest(name = "{0} is accepted")
    @ValueSource(strings = {"4827", "1357", "2468", "1235", "0422", "1988", "5679", "1243"})
    void givenAnUnguessablePin_whenSetting_thenItIsAccepted(String pin) {
        assertEquals(pin, PinRules.requireStrong(pin, BIRTH_DATE, PHONE).digits());
    }

    @ParameterizedTest(name = "{0} accepted without birth date and phone")
    @ValueSource(strings = {"0423", "1987", "3591"})
    void givenNoBirthDateOrPhone_whenSetting_thenOnlyTheGeneralRulesApply(String pin) {
        assertEquals(pin, PinRules.requireStrong(pin, null, null).digits());
    }

    @ParameterizedTest(name = "phone {0}")
    @ValueSource(strings = {"+81 90 1111 4827", "０９０－１１１１－４８２７", "09011114827"})
    void givenAPhoneNumberInAnyNotation_whenItsLastFourDigitsAreThePin_thenItIsRefused(String phone) {
        assertEquals(RefusalReason.PHONE_NUMBER,
                assertThrows(PinRefused.class, () -> PinRules.requireStrong("4827", null, phone)).reason());
    }

    @Test
    void givenAPinCode_whenPrinted_thenItsDigitsNeverShow() {
        assertEquals("PinCode[****]", PinRules.normalise("4827").toString());
    }
}

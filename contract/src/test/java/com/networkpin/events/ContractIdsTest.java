package com.networkpin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContractIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"C-0001", "a", "0", "-"})
    void lettersDigitsAndHyphensUpTo64AreValid(String id) {
        assertTrue(ContractIds.isValid(id), id);
        assertEquals(id, ContractIds.requireValid(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "C_1", "C 1", "C.1", "C:1", "C/1", "Ｃ-0001", "C-０００１", "C-0001\n"})
    void anythingElseIsRefusedWithoutEchoingIt(String id) {
        assertFalse(ContractIds.isValid(id), id);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ContractIds.requireValid(id));
        assertFalse(!id.isEmpty() && refused.getMessage().contains(id), refused.getMessage());
    }

    @Test
    void sixtyFourCharactersAreTheLimit() {
        assertTrue(ContractIds.isValid("C".repeat(64)));
        assertFalse(ContractIds.isValid("C".repeat(65)));
    }

    @Test
    void nullIsNotAContractId() {
        assertFalse(ContractIds.isValid(null));
        assertThrows(IllegalArgumentException.class, () -> ContractIds.requireValid(null));
    }
}

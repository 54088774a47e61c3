package com.networkpin.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void extensionMembersAreWrittenAtTheTopLevel() throws Exception {
        Problem problem = Problem.of(422, "weak-pin", "Weak PIN", "Choose a PIN that is harder to guess.")
                .with("reason", "ASCENDING_RUN")
                .with("ignored", null);

        String json = new ObjectMapper().writeValueAsString(problem);

        assertEquals("{\"type\":\"/problems/weak-pin\",\"title\":\"Weak PIN\",\"status\":422,"
                + "\"detail\":\"Choose a PIN that is harder to guess.\",\"reason\":\"ASCENDING_RUN\"}", json);
    }
}

package com.networkpin.scheduler.rest;

import static com.networkpin.scheduler.Callers.asOperator;
import static com.networkpin.scheduler.rest.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.equalTo;

import com.networkpin.testinfra.ContractIdTable;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared table of contract ids through the scheduler's API, where the id is a path segment: the
 * same verdicts as every other service. A lookup writes nothing, whatever the id.
 */
@QuarkusTest
class ContractIdTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.networkpin.testinfra.ContractIdTable#pathRows")
    void aContractsPendingLockIsLookedUpOnlyForAValidId(ContractIdTable.Row row) {
        var answer = asOperator().get("/locks/{id}", row.id()).then();

        if (row.valid()) {
            assertProblem(answer, 404).body("type", equalTo("/problems/lock-not-found"));
        } else {
            assertProblem(answer, 400).body("type", equalTo("/problems/validation"));
        }
    }
}

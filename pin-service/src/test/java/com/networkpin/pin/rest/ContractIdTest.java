package com.networkpin.pin.rest;

import static com.networkpin.pin.Callers.asChannel;
import static com.networkpin.pin.Callers.asContracting;
import static com.networkpin.pin.TestData.countAllEvents;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.support.Problem;
import com.networkpin.testinfra.ContractIdTable;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared table of contract ids through the PIN API, where the id is a path segment: the same
 * verdicts as every other service (the empty id is tried in the reservation-service's bodies).
 */
@QuarkusTest
class ContractIdTest {

    @Inject
    Pool pool;

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.networkpin.testinfra.ContractIdTable#pathRows")
    void givenAContractId_whenItsPinIsSetAndRead_thenOnlyAValidIdIsServedAndABadOneWritesNothing(
            ContractIdTable.Row row) {
        long before = countAllEvents(pool);

        ValidatableResponse set = asContracting().contentType(ContentType.JSON).body(Map.of("pin", "4827"))
                .put("/contracts/{id}/pin", row.id()).then();
        ValidatableResponse status = asChannel().get("/contracts/{id}/pin", row.id()).then();

        if (row.valid()) {
            set.statusCode(201).body("contractId", equalTo(row.id()));
            status.statusCode(200).body("status", equalTo("ACTIVE"));
            assertEquals(before + 1, countAllEvents(pool), "PinSet appended");
        } else {
            refused(set);
            refused(status);
            assertEquals(before, countAllEvents(pool), "nothing appended");
        }
    }

    private static void refused(ValidatableResponse answer) {
        answer.statusCode(400).contentType(Problem.MEDIA_TYPE).body("type", equalTo(Problem.TYPE_PREFIX + "validation"));
    }
}

package com.networkpin.eventstore;

import com.networkpin.localinfra.KafkaAccess;
import com.networkpin.testinfra.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Gives every @QuarkusTest of this module the real PostgreSQL and Kafka; declared once per module. */
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = RealInfrastructure.DATABASE, value = "event_store"),
                // The module's test channels read and write topics of their own, which no service principal may.
                @ResourceArg(name = RealInfrastructure.KAFKA_PRINCIPAL, value = KafkaAccess.ADMIN)})
public class WithRealInfrastructure {
}

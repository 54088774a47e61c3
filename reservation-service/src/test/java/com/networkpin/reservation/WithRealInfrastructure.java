package com.networkpin.reservation;

import com.networkpin.testinfra.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Gives every @QuarkusTest of this module the real PostgreSQL, Kafka and Keycloak; declared once per module. */
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false,
        initArgs = {@ResourceArg(name = RealInfrastructure.DATABASE, value = "reservation"),
                @ResourceArg(name = RealInfrastructure.IDENTITY, value = "true")})
public class WithRealInfrastructure {
}

package com.networkpin.scheduler;

import com.networkpin.testinfra.ReadinessContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReadinessTest extends ReadinessContract {

    ReadinessTest() {
        super("lock-scheduler");
    }
}

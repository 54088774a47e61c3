package com.networkpin.pin.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networkpin.pin.service.LaneQueue.Admission;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A lane's waiting room, on times given by the test (nanoseconds of a monotonic clock). */
class LaneQueueTest {

    private static final long MS = 1_000_000L;

    @Test
    void givenALaneHoldingItsBound_whenAnotherArrives_thenItIsRefusedAsLaneFullAndNotQueued() {
        LaneQueue<String> lane = new LaneQueue<>(3, 3, 50 * MS);
        lane.admit("a1", "a", 0);
        lane.admit("b1", "b", 0);
        lane.admit("c1", "c", 0);

        LaneQueue.Admitted<String> fourth = lane.admit("d1", "d", 0);

        assertEquals(new LaneQueue.Admitted<String>(Admission.LANE_FULL, null), fourth);
        assertEquals(3, lane.size());
        assertEquals(List.of("a1", "b1", "c1"), lane.next(10, 1 * MS).batch());
    }

    @Test
    void givenOneClientAlone_whenItSendsPastItsShare_thenItIsAdmittedUpToTheBound() {
        LaneQueue<String> lane = new LaneQueue<>(4, 2, 50 * MS);
        for (int i = 1; i <= 4; i++) {
            assertEquals(new LaneQueue.Admitted<String>(Admission.ADMITTED, null), lane.admit("a" + i, "a", 0));
        }

        assertEquals(new LaneQueue.Admitted<String>(Admission.CLIENT_QUOTA, null), lane.admit("a5", "a", 0));
        assertEquals(4, lane.size());
    }

    @Test
    void givenALaneFilledByOneClient_whenAnotherClientArrives_thenTheFirstsNewestIsPushedOutAndTheNewcomerAdmitted() {
        LaneQueue<String> lane = new LaneQueue<>(4, 2, 50 * MS);
        for (int i = 1; i <= 4; i++) {
            lane.admit("a" + i, "a", 0);
        }

        LaneQueue.Admitted<String> newcomer = lane.admit("b1", "b", 1 * MS);

        assertEquals(new LaneQueue.Admitted<>(Admission.ADMITTED, "a4"), newcomer);
        assertEquals(List.of("a1", "b1", "a2", "a3"), lane.next(10, 2 * MS).batch());
    }

    @Test
    void givenAFullLaneWhereNoClientHoldsMoreThanItsShare_whenAnotherClientArrives_thenItIsRefusedAsLaneFull() {
        LaneQueue<String> lane = new LaneQueue<>(4, 2, 50 * MS);
        lane.admit("a1", "a", 0);
        lane.admit("a2", "a", 0);
        lane.admit("b1", "b", 0);
        lane.admit("b2", "b", 0);

        assertEquals(new LaneQueue.Admitted<String>(Admission.LANE_FULL, null), lane.admit("c1", "c", 0));
        assertEquals(new LaneQueue.Admitted<String>(Admission.CLIENT_QUOTA, null), lane.admit("a3", "a", 0));
        assertEquals(4, lane.size());
    }

    @Test
    void givenRequestsPastTheirDeadline_whenTheBatchIsFormed_thenTheyAreExpiredAndOnlyTheOthersAreBatched() {
        LaneQueue<String> lane = new LaneQueue<>(10, 10, 50 * MS);
        lane.admit("old1", "a", 0);
        lane.admit("old2", "b", 10 * MS);
        lane.admit("young", "a", 40 * MS);

        LaneQueue.Next<String> next = lane.next(10, 61 * MS);

        assertEquals(List.of("old1", "old2"), next.expired());
        assertEquals(List.of("young"), next.batch());
        assertEquals(0, lane.size());
    }

    @Test
    void givenARequestExactlyAtItsDeadline_whenTheBatchIsFormed_thenItIsStillDecided() {
        LaneQueue<String> lane = new LaneQueue<>(10, 10, 50 * MS);
        lane.admit("due", "a", 0);

        LaneQueue.Next<String> next = lane.next(10, 50 * MS);

        assertEquals(List.of(), next.expired());
        assertEquals(List.of("due"), next.batch());
    }

    @Test
    void givenOneClientWithALongQueueAndAnotherWithOne_whenABatchIsFormed_thenTheOtherIsInTheFirstBatch() {
        LaneQueue<String> lane = new LaneQueue<>(100, 100, 50 * MS);
        for (int i = 1; i <= 10; i++) {
            lane.admit("heavy" + i, "heavy", 0);
        }
        lane.admit("light1", "light", 1 * MS);

        List<String> first = lane.next(4, 2 * MS).batch();
        List<String> second = lane.next(4, 3 * MS).batch();

        assertEquals(List.of("heavy1", "light1", "heavy2", "heavy3"), first);
        assertEquals(List.of("heavy4", "heavy5", "heavy6", "heavy7"), second, "each client's own order is kept");
    }

    @Test
    void givenAdmissionOff_whenManyArriveAndWaitLong_thenAllAreAdmittedAndNoneExpires() {
        LaneQueue<String> lane = new LaneQueue<>(Integer.MAX_VALUE, Integer.MAX_VALUE, 0);
        for (int i = 0; i < 1000; i++) {
            assertEquals(Admission.ADMITTED, lane.admit("r" + i, "a", 0).admission());
        }

        LaneQueue.Next<String> next = lane.next(128, 60_000 * MS);

        assertEquals(List.of(), next.expired());
        assertEquals(128, next.batch().size());
        assertEquals(872, lane.size());
    }

    @Test
    void givenALimitBelowTheBound_whenRequestsArrive_thenTheLimitIsTheRoomAndTheSharesShrinkAlike() {
        LaneQueue<String> lane = new LaneQueue<>(8, 4, 50 * MS);
        lane.limit(4);
        lane.admit("a1", "a", 0);
        lane.admit("a2", "a", 0);
        lane.admit("a3", "a", 0);
        lane.admit("b1", "b", 0);

        assertEquals(new LaneQueue.Admitted<>(Admission.ADMITTED, "a3"), lane.admit("b2", "b", 0), "a holds 3 of a share of 2");
        assertEquals(new LaneQueue.Admitted<String>(Admission.CLIENT_QUOTA, null), lane.admit("b3", "b", 0));
        assertEquals(new LaneQueue.Admitted<String>(Admission.LANE_FULL, null), lane.admit("c1", "c", 0));
        assertEquals(4, lane.size());
    }

    @Test
    void givenALimitAboveTheBoundOrBelowOne_whenSet_thenItIsHeldWithinOneAndTheBound() {
        LaneQueue<String> lane = new LaneQueue<>(8, 4, 50 * MS);

        lane.limit(1_000);
        assertEquals(8, lane.limit());
        lane.limit(0);
        assertEquals(1, lane.limit());
    }

    @Test
    void givenAFullLane_whenAskedWhetherItWouldAdmit_thenItAnswersAsAdmitWouldAndAdmitsNothing() {
        LaneQueue<String> lane = new LaneQueue<>(4, 2, 50 * MS);
        assertEquals(Admission.ADMITTED, lane.wouldAdmit("a"));
        for (int i = 1; i <= 4; i++) {
            lane.admit("a" + i, "a", 0);
        }

        assertEquals(Admission.CLIENT_QUOTA, lane.wouldAdmit("a"));
        assertEquals(Admission.ADMITTED, lane.wouldAdmit("b"), "b would push out a's newest");
        assertEquals(4, lane.size());
        assertEquals(List.of("a1", "a2", "a3", "a4"), lane.next(10, 1 * MS).batch());
    }
}

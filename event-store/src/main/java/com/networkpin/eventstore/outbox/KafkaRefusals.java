package com.networkpin.eventstore.outbox;

import com.networkpin.events.LogSafe;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Tells a row Kafka will never take (larger than the producer's or the topic's limit, a topic that does
 * not exist and is not auto-created, is invalid or may not be written), with why, from a failure that
 * trying again may cure.
 */
@ApplicationScoped
class KafkaRefusals {

    private static final int MAX_REASON_LENGTH = 500;

    private final KafkaTopics topics;

    KafkaRefusals(KafkaTopics topics) {
        this.topics = topics;
    }

    /**
     * Why Kafka will never take a row it failed at send time, or null. A metadata time-out then means
     * either a broker that does not answer or a topic that does not exist where topics are not
     * auto-created: the cluster is asked which.
     */
    String atSend(Throwable failure, String topic) {
        String refused = atAcknowledgement(failure);
        if (refused == null && (failure instanceof TimeoutException || failure instanceof UnknownTopicOrPartitionException)
                && topics.missing(topic)) {
            return "topic " + topic + " does not exist and the broker does not create it";
        }
        return refused;
    }

    /** Why Kafka will never take a row whose acknowledgement failed, or null. */
    String atAcknowledgement(Throwable failure) {
        if (failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidTopicException || failure instanceof TopicAuthorizationException
                || failure instanceof InvalidRecordException) {
            return reason("refused by Kafka", failure);
        }
        return null;
    }

    /** A parked row's reason: the failure's kind and message, made safe to log and bounded. */
    static String reason(String what, Throwable failure) {
        return LogSafe.of(what + ": " + failure.getClass().getSimpleName() + ": " + failure.getMessage(),
                MAX_REASON_LENGTH);
    }
}

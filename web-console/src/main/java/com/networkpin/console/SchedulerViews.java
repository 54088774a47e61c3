package com.networkpin.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the operator's pages show of the lock-scheduler's answers. */
public final class SchedulerViews {

    private SchedulerViews() {
    }

    /** One page of a listing, and how many items all pages hold. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Listing<T>(List<T> items, int page, int size, long total) {

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public int nextPage() {
            return page + 1;
        }

        public int previousPage() {
            return page - 1;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PendingLock(String contractId, OffsetDateTime lockedAt, OffsetDateTime unlocksAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NextMidnight(LocalDate date, OffsetDateTime midnight, long pendingLocks) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PublishedMidnight(LocalDate date, OffsetDateTime midnight, OffsetDateTime publishedAt,
                                    long pendingLocks, long unlockedCount) {
    }
}

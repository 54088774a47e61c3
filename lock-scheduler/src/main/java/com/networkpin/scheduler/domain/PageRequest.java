package com.networkpin.scheduler.domain;

/** A page of a listing: {@code number} from 0, {@code size} items per page. */
public record PageRequest(int number, int size) {

    public PageRequest {
        if (number < 0 || size < 1) {
            throw new IllegalArgumentException("page number from 0, size from 1");
        }
    }

    public long offset() {
        return (long) number * size;
    }
}

package com.networkpin.scheduler.domain;

import java.util.List;

/** One page of a listing and the total number of items across all pages. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.number(), request.size(), total);
    }
}

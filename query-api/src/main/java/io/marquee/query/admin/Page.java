package io.marquee.query.admin;

import java.util.List;

/** One page of a list, with how many items and pages there are in all. */
record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
        return new Page<>(items, request.page(), request.size(), totalItems, (totalItems + request.size() - 1) / request.size());
    }
}

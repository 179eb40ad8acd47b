package io.marquee.query.admin;

import io.marquee.infra.web.InvalidFieldsException;

/**
 * Which page of a list to read: {@code page} from 0, {@code size} 1 to {@value #MAX_SIZE}, default
 * {@value #DEFAULT_SIZE}.
 */
record PageRequest(int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    static PageRequest of(Integer page, Integer size) {
        int number = page == null ? 0 : page;
        int length = size == null ? DEFAULT_SIZE : size;
        if (number < 0) {
            throw InvalidFieldsException.parameter("page", "must be 0 or more");
        }
        if (length < 1 || length > MAX_SIZE) {
            throw InvalidFieldsException.parameter("size", "must be between 1 and " + MAX_SIZE);
        }
        return new PageRequest(number, length);
    }

    long offset() {
        return (long) page * size;
    }
}

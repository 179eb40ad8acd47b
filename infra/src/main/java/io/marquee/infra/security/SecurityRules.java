package io.marquee.infra.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * A role's part of the one security filter chain: its {@code authorizeHttpRequests} rules, and any
 * filter it needs. Declare it as a bean; the chain applies every contribution in {@code @Order} order
 * after the public operations endpoints and before its final "anything else needs a token" rule.
 * The first matching rule wins, so a contribution with a catch-all rule must come after the specific
 * ones: read-side contributions use {@link #READ_SIDE_ORDER}, the write side {@link #WRITE_SIDE_ORDER}.
 */
@FunctionalInterface
public interface SecurityRules {

    int READ_SIDE_ORDER = 100;
    int WRITE_SIDE_ORDER = 200;

    void contributeTo(HttpSecurity http) throws Exception;
}

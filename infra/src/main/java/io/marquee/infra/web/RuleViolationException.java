package io.marquee.infra.web;

/**
 * A well-formed request that a domain rule refuses; answers 409 (state conflict) or 422 (invalid
 * content) with the rule's name in the problem body.
 */
public class RuleViolationException extends RuntimeException {

    private final String rule;
    private final boolean conflict;

    private RuleViolationException(String rule, String message, boolean conflict) {
        super(message);
        this.rule = rule;
        this.conflict = conflict;
    }

    /** The request contradicts the current state (409). */
    public static RuleViolationException conflict(String rule, String message) {
        return new RuleViolationException(rule, message, true);
    }

    /** The request's content breaks a rule whatever the state (422). */
    public static RuleViolationException invalid(String rule, String message) {
        return new RuleViolationException(rule, message, false);
    }

    public String rule() {
        return rule;
    }

    public boolean isConflict() {
        return conflict;
    }
}

package io.marquee.command.display;

import io.marquee.infra.web.RuleViolationException;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

/** Matches a refusal by the rule it names and whether it is a conflict (409) or invalid input (422). */
final class RuleMatchers {

    private RuleMatchers() {
    }

    static Matcher<Object> invalid(String rule) {
        return violation(rule, false);
    }

    static Matcher<Object> conflict(String rule) {
        return violation(rule, true);
    }

    private static Matcher<Object> violation(String rule, boolean conflict) {
        return allOf(instanceOf(RuleViolationException.class),
                new FeatureMatcher<Object, String>(equalTo(rule), "rule", "rule") {
                    @Override
                    protected String featureValueOf(Object actual) {
                        return ((RuleViolationException) actual).rule();
                    }
                },
                new FeatureMatcher<Object, Boolean>(equalTo(conflict), "conflict", "conflict") {
                    @Override
                    protected Boolean featureValueOf(Object actual) {
                        return ((RuleViolationException) actual).isConflict();
                    }
                });
    }
}

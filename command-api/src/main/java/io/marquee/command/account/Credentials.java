package io.marquee.command.account;

import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.UserId;
import io.marquee.infra.security.Role;

import java.util.Locale;
import java.util.Optional;

/**
 * The write side's store of who can log in: email, password hash, display name, current role and
 * whether the user was removed. Kept out of the event log on purpose; written by the Organization's
 * command handlers, in their transaction.
 */
public interface Credentials {

    /** What is stored of one user. {@code passwordHash} is null once the user is removed. */
    record Account(UserId userId, OrganizationId organizationId, String email, String displayName, Role role,
                   String passwordHash, boolean removed) {

        @Override
        public String toString() {
            return "Account[userId=" + userId + ", organizationId=" + organizationId + ", role=" + role
                    + ", removed=" + removed + "]";
        }
    }

    /**
     * Stores a new user.
     *
     * @throws io.marquee.infra.web.RuleViolationException {@code email-taken} (409) if a user who was not
     *                                                     removed has that email
     */
    void add(Account account);

    /** The user with this (normalized) email: the current one if a removed user had it before. */
    Optional<Account> byEmail(String email);

    Optional<Account> byUserId(UserId userId);

    void changeRole(UserId userId, Role role);

    /** Marks the user removed and forgets the password hash; the email becomes free again. */
    void remove(UserId userId);

    /** Emails are compared as given, trimmed and lower-cased. */
    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}

package io.marquee.command.account;

import io.marquee.events.ids.UserId;
import io.marquee.infra.security.Role;
import io.marquee.infra.web.RuleViolationException;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link Credentials} in a map, with the table's rules (one current user per email), for tests without a database. */
public class InMemoryCredentials implements Credentials {

    private final Map<UserId, Account> accounts = new LinkedHashMap<>();

    @Override
    public synchronized void add(Account account) {
        String email = Credentials.normalizeEmail(account.email());
        if (accounts.values().stream().anyMatch(existing -> !existing.removed() && existing.email().equals(email))) {
            throw RuleViolationException.conflict("email-taken", "A user with this email already exists.");
        }
        accounts.put(account.userId(), new Account(account.userId(), account.organizationId(), email,
                account.displayName(), account.role(), account.passwordHash(), false));
    }

    @Override
    public synchronized Optional<Account> byEmail(String email) {
        String normalized = Credentials.normalizeEmail(email);
        return accounts.values().stream().filter(account -> account.email().equals(normalized))
                .min(Comparator.comparing(Account::removed));
    }

    @Override
    public synchronized Optional<Account> byUserId(UserId userId) {
        return Optional.ofNullable(accounts.get(userId));
    }

    @Override
    public synchronized void changeRole(UserId userId, Role role) {
        accounts.computeIfPresent(userId, (id, a) -> new Account(id, a.organizationId(), a.email(), a.displayName(),
                role, a.passwordHash(), a.removed()));
    }

    @Override
    public synchronized void remove(UserId userId) {
        accounts.computeIfPresent(userId, (id, a) -> new Account(id, a.organizationId(), a.email(), a.displayName(),
                a.role(), null, true));
    }
}

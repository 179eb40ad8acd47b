package io.marquee.command.account;

import io.marquee.events.ids.UserId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The credentials row of the caller of a write, kept for at most {@code marquee.security.current-role-ttl}
 * (1 s by default). Every write checks the caller's current role; reading it from PostgreSQL each time
 * was one query and one pooled connection per command, for a row that changes a few times a year.
 * <p>
 * Revocation stays prompt: a role change or removal made through this instance forgets the entry when
 * the change is written and again when its transaction ends, so the next write reads the new row. A
 * lookup that raced with such a change is not kept (the {@link #forgotten} count moved while it ran).
 * A change made through another command-api instance is seen here once the entry expires, so within
 * the TTL.
 */
@Component
public class CurrentAccounts {

    private record Entry(Optional<Credentials.Account> account, long loadedAt) {
    }

    private final Map<UserId, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong forgotten = new AtomicLong();
    private final Credentials credentials;
    private final long ttlNanos;
    private final LongSupplier clock;

    @Autowired
    CurrentAccounts(Credentials credentials, @Value("${marquee.security.current-role-ttl:1s}") Duration ttl) {
        this(credentials, ttl, System::nanoTime);
    }

    CurrentAccounts(Credentials credentials, Duration ttl, LongSupplier nanoClock) {
        this.credentials = credentials;
        this.ttlNanos = ttl.toNanos();
        this.clock = nanoClock;
    }

    /** The user's stored account (removed ones included), at most the TTL old. */
    public Optional<Credentials.Account> byUserId(UserId userId) {
        long now = clock.getAsLong();
        Entry cached = entries.get(userId);
        if (cached != null && now - cached.loadedAt() < ttlNanos) {
            return cached.account();
        }
        long forgottenBefore = forgotten.get();
        Optional<Credentials.Account> account = credentials.byUserId(userId);
        Entry loaded = new Entry(account, now);
        entries.put(userId, loaded);
        if (forgotten.get() != forgottenBefore) {
            // a change was written while this read ran: the row read may be the old one
            entries.remove(userId, loaded);
        }
        return account;
    }

    /** Forgets the user's entry now and, inside a transaction, again once it has committed or rolled back. */
    void forget(UserId userId) {
        forgetNow(userId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetNow(userId);
                }
            });
        }
    }

    private void forgetNow(UserId userId) {
        forgotten.incrementAndGet();
        entries.remove(userId);
    }
}

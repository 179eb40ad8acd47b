package io.marquee.command.account;

import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.UserId;
import io.marquee.infra.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentAccountsTest {

    final UserId editor = new UserId(UUID.randomUUID());
    final AtomicLong now = new AtomicLong();
    final AtomicInteger reads = new AtomicInteger();
    final InMemoryCredentials stored = new InMemoryCredentials() {
        @Override
        public synchronized Optional<Account> byUserId(UserId userId) {
            reads.incrementAndGet();
            return super.byUserId(userId);
        }
    };
    final CurrentAccounts accounts = new CurrentAccounts(stored, Duration.ofSeconds(1), now::get);

    CurrentAccountsTest() {
        stored.add(new Credentials.Account(editor, new OrganizationId(UUID.randomUUID()), "editor@example.com",
                "Editor", Role.EDITOR, "hash", false));
    }

    @Test
    void a_second_lookup_within_the_ttl_does_not_read_the_store() {
        // given
        accounts.byUserId(editor);

        // when
        now.addAndGet(Duration.ofMillis(999).toNanos());
        Optional<Credentials.Account> account = accounts.byUserId(editor);

        // then
        assertThat(account).map(Credentials.Account::role).contains(Role.EDITOR);
        assertThat(reads).hasValue(1);
    }

    @Test
    void a_lookup_after_the_ttl_reads_the_store_again() {
        // given
        accounts.byUserId(editor);
        stored.changeRole(editor, Role.VIEWER);

        // when
        now.addAndGet(Duration.ofSeconds(1).toNanos());

        // then
        assertThat(accounts.byUserId(editor)).map(Credentials.Account::role).contains(Role.VIEWER);
    }

    @Test
    void a_role_change_made_here_is_seen_by_the_next_lookup() {
        // given
        accounts.byUserId(editor);

        // when
        stored.changeRole(editor, Role.VIEWER);
        accounts.forget(editor);

        // then
        assertThat(accounts.byUserId(editor)).map(Credentials.Account::role).contains(Role.VIEWER);
    }

    @Test
    void a_removal_made_here_is_seen_by_the_next_lookup() {
        // given
        accounts.byUserId(editor);

        // when
        stored.remove(editor);
        accounts.forget(editor);

        // then
        assertThat(accounts.byUserId(editor)).map(Credentials.Account::removed).contains(true);
    }

    @Test
    void a_lookup_that_raced_with_a_change_is_not_kept() {
        // given: a change is written (and forgotten) while the first lookup reads the old row
        AtomicInteger racingReads = new AtomicInteger();
        CurrentAccounts[] racing = new CurrentAccounts[1];
        Credentials changedMidRead = new InMemoryCredentials() {
            @Override
            public synchronized Optional<Account> byUserId(UserId userId) {
                if (racingReads.incrementAndGet() == 1) {
                    racing[0].forget(userId);
                }
                return stored.byUserId(userId);
            }
        };
        racing[0] = new CurrentAccounts(changedMidRead, Duration.ofSeconds(1), now::get);
        racing[0].byUserId(editor);

        // when
        racing[0].byUserId(editor);

        // then
        assertThat(racingReads).hasValue(2);
    }
}

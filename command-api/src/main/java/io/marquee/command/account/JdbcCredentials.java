package io.marquee.command.account;

import io.marquee.events.ids.OrganizationId;
import io.marquee.events.ids.UserId;
import io.marquee.infra.security.Role;
import io.marquee.infra.web.RuleViolationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * {@link Credentials} in table {@code command_user_credentials}. Its JdbcTemplate joins the Spring
 * transaction Axon opens for each command, so a refused email rolls the command back with it.
 */
@Component
class JdbcCredentials implements Credentials {

    private static final String COLUMNS =
            "user_id, organization_id, email, display_name, role, password_hash, removed";
    private static final RowMapper<Account> ACCOUNT = (rs, row) -> new Account(
            new UserId(rs.getObject("user_id", UUID.class)),
            new OrganizationId(rs.getObject("organization_id", UUID.class)),
            rs.getString("email"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
            rs.getString("password_hash"), rs.getBoolean("removed"));

    private final JdbcTemplate jdbc;
    private final ObjectProvider<CurrentAccounts> currentAccounts;

    /** {@code currentAccounts} is looked up lazily: it reads through this class. */
    JdbcCredentials(JdbcTemplate jdbc, ObjectProvider<CurrentAccounts> currentAccounts) {
        this.jdbc = jdbc;
        this.currentAccounts = currentAccounts;
    }

    @Override
    public void add(Account account) {
        // ON CONFLICT instead of catching the unique violation: a failed statement would poison the transaction.
        int inserted = jdbc.update("INSERT INTO command_user_credentials (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, FALSE) "
                        + "ON CONFLICT DO NOTHING",
                account.userId().value(), account.organizationId().value(), Credentials.normalizeEmail(account.email()),
                account.displayName(), account.role().name(), account.passwordHash());
        if (inserted == 0) {
            throw RuleViolationException.conflict("email-taken", "A user with this email already exists.");
        }
        currentAccounts.ifAvailable(accounts -> accounts.forget(account.userId()));
    }

    @Override
    public Optional<Account> byEmail(String email) {
        return jdbc.query("SELECT " + COLUMNS + " FROM command_user_credentials WHERE email = ? ORDER BY removed LIMIT 1",
                ACCOUNT, Credentials.normalizeEmail(email)).stream().findFirst();
    }

    @Override
    public Optional<Account> byUserId(UserId userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM command_user_credentials WHERE user_id = ?",
                ACCOUNT, userId.value()).stream().findFirst();
    }

    @Override
    public void changeRole(UserId userId, Role role) {
        jdbc.update("UPDATE command_user_credentials SET role = ? WHERE user_id = ?", role.name(), userId.value());
        currentAccounts.ifAvailable(accounts -> accounts.forget(userId));
    }

    @Override
    public void remove(UserId userId) {
        jdbc.update("UPDATE command_user_credentials SET removed = TRUE, password_hash = NULL WHERE user_id = ?",
                userId.value());
        currentAccounts.ifAvailable(accounts -> accounts.forget(userId));
    }
}

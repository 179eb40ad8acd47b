package io.marquee.command.web.idempotency;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Remembers, per caller scope and key, which request was sent and what it answered. Claiming a key is
 * one insert: of two concurrent requests with the same key, exactly one runs.
 */
@Component
class IdempotencyStore {

    /** A stored first outcome. */
    record Outcome(int status, Map<String, String> headers, byte[] body) {
    }

    /** What claiming a key found. */
    sealed interface Claim {
        /** The key is new: this request runs. */
        record Granted() implements Claim {
        }

        /** The key belongs to a request still running. */
        record InFlight() implements Claim {
        }

        /** The key was used for a different request. */
        record Mismatch() implements Claim {
        }

        /** The key's request has finished: replay its outcome. */
        record Finished(Outcome outcome) implements Claim {
        }
    }

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Claim claim(String scope, String key, String requestHash) {
        try {
            jdbc.update("INSERT INTO command_idempotency (scope, idem_key, request_hash) VALUES (?, ?, ?)",
                    scope, key, requestHash);
            return new Claim.Granted();
        } catch (DuplicateKeyException taken) {
            return existing(scope, key, requestHash);
        }
    }

    private Claim existing(String scope, String key, String requestHash) {
        return jdbc.query("SELECT request_hash, status, headers::text, body FROM command_idempotency "
                        + "WHERE scope = ? AND idem_key = ?", rs -> {
            if (!rs.next()) {
                // released between our insert and this read: let the client retry
                return new Claim.InFlight();
            }
            if (!rs.getString(1).equals(requestHash)) {
                return new Claim.Mismatch();
            }
            if (rs.getObject(2) == null) {
                return new Claim.InFlight();
            }
            return new Claim.Finished(new Outcome(rs.getInt(2), read(rs.getString(3)), rs.getBytes(4)));
        }, scope, key);
    }

    void complete(String scope, String key, Outcome outcome) {
        jdbc.update("UPDATE command_idempotency SET status = ?, headers = ?::jsonb, body = ? WHERE scope = ? AND idem_key = ?",
                outcome.status(), write(outcome.headers()), outcome.body(), scope, key);
    }

    /** Forgets a key whose request failed unexpectedly, so that a retry runs it again. */
    void release(String scope, String key) {
        jdbc.update("DELETE FROM command_idempotency WHERE scope = ? AND idem_key = ?", scope, key);
    }

    /** Keys are honoured for a day, as clients retry within minutes. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetOldKeys() {
        jdbc.update("DELETE FROM command_idempotency WHERE created_at < now() - interval '24 hours'");
    }

    private Map<String, String> read(String headers) {
        try {
            return headers == null ? Map.of() : json.readValue(headers, HEADERS);
        } catch (IOException e) {
            throw new UncheckedIOException("stored idempotent headers are not JSON", e);
        }
    }

    private String write(Map<String, String> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

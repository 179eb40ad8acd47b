-- First outcomes of commands sent with an Idempotency-Key, replayed to retries of the same request.
-- status NULL marks a request still in flight.
CREATE TABLE command_idempotency (
    scope        TEXT        NOT NULL,
    idem_key     TEXT        NOT NULL,
    request_hash TEXT        NOT NULL,
    status       INTEGER,
    headers      JSONB,
    body         BYTEA,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX command_idempotency_by_age ON command_idempotency (created_at);

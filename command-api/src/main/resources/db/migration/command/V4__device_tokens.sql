-- The current device token of each display, as its SHA-256 only (the token itself is shown once and
-- never stored). Written by the Display aggregate in the transaction that stores its events: issuing
-- or rotating replaces the row, decommissioning deletes it. No row, no valid token.
CREATE TABLE command_device_token (
    display_id      UUID        NOT NULL PRIMARY KEY,
    organization_id UUID        NOT NULL,
    -- the generation of DeviceTokenIssuedEvent that issued this token (1 at registration)
    generation      BIGINT      NOT NULL,
    token_sha256    BYTEA       NOT NULL,
    issued_at       TIMESTAMPTZ NOT NULL,
    CONSTRAINT command_device_token_sha256_length CHECK (octet_length(token_sha256) = 32),
    -- a presented token is looked up by its hash
    CONSTRAINT command_device_token_sha256_unique UNIQUE (token_sha256)
);

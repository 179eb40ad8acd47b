-- Read models built from marquee.events. Every row remembers the position of the last event applied
-- to it, so that an event delivered twice, or replayed, changes nothing.

CREATE TABLE projection_display (
    display_id      UUID    NOT NULL PRIMARY KEY,
    organization_id UUID    NOT NULL,
    name            TEXT    NOT NULL,
    location        TEXT,
    timezone        TEXT    NOT NULL,
    tags            JSONB   NOT NULL DEFAULT '[]',
    playlist_id     UUID,
    last_position   BIGINT  NOT NULL
);
CREATE INDEX projection_display_by_playlist ON projection_display (playlist_id);
CREATE INDEX projection_display_by_organization ON projection_display (organization_id);

CREATE TABLE projection_playlist (
    playlist_id     UUID    NOT NULL PRIMARY KEY,
    organization_id UUID    NOT NULL,
    name            TEXT    NOT NULL,
    items           JSONB   NOT NULL,
    last_position   BIGINT  NOT NULL
);
CREATE INDEX projection_playlist_by_organization ON projection_playlist (organization_id);

-- The latest manifest of each display, exactly as published. content_hash covers what a player
-- plays; the version only moves when it changes.
CREATE TABLE display_manifest (
    display_id      UUID        NOT NULL PRIMARY KEY,
    organization_id UUID        NOT NULL,
    version         BIGINT      NOT NULL,
    position        BIGINT      NOT NULL,
    content_hash    TEXT        NOT NULL,
    body            BYTEA       NOT NULL,
    generated_at    TIMESTAMPTZ NOT NULL
);

-- The full write-side domain: content, playlist archiving, display lifecycle and schedules.

CREATE TABLE projection_content (
    content_id               UUID        NOT NULL PRIMARY KEY,
    organization_id          UUID        NOT NULL,
    name                     TEXT        NOT NULL,
    type                     TEXT        NOT NULL,
    uri                      TEXT        NOT NULL,
    default_duration_seconds INTEGER,
    checksum                 TEXT,
    size_bytes               BIGINT,
    valid_from               TIMESTAMPTZ,
    valid_until              TIMESTAMPTZ,
    archived                 BOOLEAN     NOT NULL DEFAULT FALSE,
    last_position            BIGINT      NOT NULL
);
CREATE INDEX projection_content_by_organization ON projection_content (organization_id);

ALTER TABLE projection_playlist ADD COLUMN archived BOOLEAN NOT NULL DEFAULT FALSE;
-- "which playlists show content X" is a containment query on the items
CREATE INDEX projection_playlist_items ON projection_playlist USING GIN (items jsonb_path_ops);

ALTER TABLE projection_display ADD COLUMN decommissioned BOOLEAN NOT NULL DEFAULT FALSE;

-- Schedule entries belong to their display: the display row's last_position guards them too.
CREATE TABLE projection_schedule_entry (
    entry_id        UUID    NOT NULL PRIMARY KEY,
    display_id      UUID    NOT NULL,
    organization_id UUID    NOT NULL,
    playlist_id     UUID    NOT NULL,
    days_of_week    JSONB   NOT NULL DEFAULT '[]',
    start_time      TIME,
    end_time        TIME,
    start_date      DATE,
    end_date        DATE,
    priority        INTEGER NOT NULL,
    added_position  BIGINT  NOT NULL
);
CREATE INDEX projection_schedule_entry_by_display ON projection_schedule_entry (display_id);
CREATE INDEX projection_schedule_entry_by_playlist ON projection_schedule_entry (playlist_id);

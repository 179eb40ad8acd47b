-- Content items, so that a manifest can resolve the playlist items that refer to them.
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
-- lets a content change find the playlists that show it (items @> '[{"contentId": ...}]')
CREATE INDEX projection_playlist_items ON projection_playlist USING GIN (items jsonb_path_ops);

-- Command-side lookup of content, so that a Playlist can check an item without loading another
-- aggregate. Written in the same transaction as the content's events (subscribing processor).
CREATE TABLE command_content_directory (
    content_id      UUID    NOT NULL PRIMARY KEY,
    organization_id UUID    NOT NULL,
    archived        BOOLEAN NOT NULL DEFAULT FALSE
);

-- Who can log in. Written by the Organization aggregate's command handlers in the command's own
-- transaction; never copied into events. Not rebuildable from the event log: back it up with it.
CREATE TABLE command_user_credentials (
    user_id         UUID         NOT NULL PRIMARY KEY,
    organization_id UUID         NOT NULL,
    email           VARCHAR(254) NOT NULL, -- trimmed and lower-cased by the application
    display_name    VARCHAR(200) NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    password_hash   TEXT,                  -- "{bcrypt-sha256}$2a$..."; NULL once the user is removed
    removed         BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- One current user per email; a removed user's email can be given to someone new.
CREATE UNIQUE INDEX command_user_credentials_email ON command_user_credentials (email) WHERE NOT removed;

-- Admin bearer tokens. Only a SHA-256 hash of each token is kept; the token itself is shown
-- once by `dxserve token create` and never stored or logged.
CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
        CHECK (length(name) BETWEEN 1 AND 64 AND name NOT GLOB '*[^A-Za-z0-9._-]*'),
    token_hash TEXT NOT NULL UNIQUE
        CHECK (length(token_hash) = 64 AND token_hash NOT GLOB '*[^0-9a-f]*'),
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT,
    CHECK (revoked_at IS NULL OR revoked_at >= created_at)
) STRICT;

-- A name is an identity in the history: at most one live token per name, while revoked ones
-- stay on record.
CREATE UNIQUE INDEX api_tokens_live_name ON api_tokens (name) WHERE revoked_at IS NULL;

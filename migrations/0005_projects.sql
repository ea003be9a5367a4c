-- Implementation-plan projects (個別事業) under the 29 measures, every change to them, and the
-- idempotency keys that make a retried create safe. The CHECKs repeat the application's
-- validation so that no path (a bug, a hand-run SQL shell) can store a malformed project.

CREATE TABLE projects (
    -- AUTOINCREMENT: an id is never reused, so a URL or a history row names one project forever,
    -- even after archiving.
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    measure_code TEXT NOT NULL REFERENCES measures(code) ON UPDATE RESTRICT ON DELETE RESTRICT,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
    department TEXT NOT NULL CHECK (length(department) BETWEEN 1 AND 100),
    status TEXT NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned', 'in_progress', 'completed', 'on_hold', 'cancelled')),
    progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    start_fiscal_year INTEGER NOT NULL CHECK (start_fiscal_year BETWEEN 2000 AND 2100),
    end_fiscal_year INTEGER NOT NULL CHECK (end_fiscal_year BETWEEN start_fiscal_year AND 2100),
    -- {"name","unit","target","actual"} or NULL; the application validates its members.
    kpi TEXT CHECK (kpi IS NULL OR (json_valid(kpi) AND json_type(kpi) = 'object')),
    -- Bumped by every write; the strong ETag is derived from it.
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL CHECK (updated_at >= created_at),
    archived_at TEXT CHECK (archived_at IS NULL OR archived_at >= created_at)
) STRICT;

-- The listings only ever show live projects; partial indexes keep them small.
CREATE INDEX projects_measure ON projects (measure_code, status) WHERE archived_at IS NULL;
CREATE INDEX projects_status ON projects (status) WHERE archived_at IS NULL;
CREATE INDEX projects_department ON projects (department) WHERE archived_at IS NULL;
CREATE INDEX projects_fiscal_years ON projects (start_fiscal_year, end_fiscal_year) WHERE archived_at IS NULL;
CREATE INDEX projects_updated_at ON projects (updated_at, id) WHERE archived_at IS NULL;
CREATE INDEX projects_title ON projects (title, id) WHERE archived_at IS NULL;

-- Every change, append-only: creation is the first row of each project.
CREATE TABLE project_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE RESTRICT,
    at TEXT NOT NULL,
    -- The name of the admin token (or the import's --as name); never a token.
    actor TEXT NOT NULL CHECK (length(actor) BETWEEN 1 AND 64),
    action TEXT NOT NULL CHECK (action IN ('create', 'update', 'archive')),
    -- {"field": {"old": …, "new": …}, …}
    changes TEXT NOT NULL CHECK (json_valid(changes) AND json_type(changes) = 'object'),
    note TEXT CHECK (note IS NULL OR length(note) <= 2000)
) STRICT;

CREATE INDEX project_history_project ON project_history (project_id, id);

-- History is the record of what citizens were shown: it is never rewritten.
CREATE TRIGGER project_history_no_update BEFORE UPDATE ON project_history BEGIN
    SELECT RAISE(ABORT, 'project history is append-only');
END;
CREATE TRIGGER project_history_no_delete BEFORE DELETE ON project_history BEGIN
    SELECT RAISE(ABORT, 'project history is append-only');
END;

-- A replayed POST returns what the first one answered. Keys are scoped per token, so two
-- administrators cannot collide, and expire after 24 hours.
CREATE TABLE idempotency_keys (
    token_name TEXT NOT NULL,
    key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    -- SHA-256 of the request body, hex.
    request_hash TEXT NOT NULL CHECK (length(request_hash) = 64),
    response_status INTEGER NOT NULL CHECK (response_status BETWEEN 200 AND 599),
    response_body BLOB NOT NULL,
    project_id INTEGER REFERENCES projects(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (token_name, key)
) STRICT;

CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

-- Japanese full-text search over title, description and department (trigram, like
-- measures_fts); the rowid is the project's id.
CREATE VIRTUAL TABLE projects_fts USING fts5(title, description, department, tokenize = 'trigram');

CREATE TRIGGER projects_fts_insert AFTER INSERT ON projects BEGIN
    INSERT INTO projects_fts (rowid, title, description, department)
    VALUES (new.id, new.title, new.description, new.department);
END;

CREATE TRIGGER projects_fts_update AFTER UPDATE OF title, description, department ON projects BEGIN
    DELETE FROM projects_fts WHERE rowid = old.id;
    INSERT INTO projects_fts (rowid, title, description, department)
    VALUES (new.id, new.title, new.description, new.department);
END;

CREATE TRIGGER projects_fts_delete AFTER DELETE ON projects BEGIN
    DELETE FROM projects_fts WHERE rowid = old.id;
END;

-- The basic plan (基本計画) of 都城市DX推進計画: its structure as tables whose constraints make
-- malformed content impossible to store. Content arrives in 0002; projects and surveys in 0003+.

-- The plan itself: exactly one row.
CREATE TABLE plan (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    title TEXT NOT NULL CHECK (length(title) > 0),
    subtitle TEXT NOT NULL,
    volume TEXT NOT NULL CHECK (length(volume) > 0),
    -- Paragraphs separated by a blank line ("\n\n"), as in the source.
    purpose TEXT NOT NULL CHECK (length(purpose) > 0),
    positioning TEXT NOT NULL CHECK (length(positioning) > 0),
    start_fiscal_year INTEGER NOT NULL CHECK (start_fiscal_year BETWEEN 2000 AND 2100),
    end_fiscal_year INTEGER NOT NULL CHECK (end_fiscal_year BETWEEN start_fiscal_year AND 2100),
    start_label TEXT NOT NULL CHECK (instr(start_label, start_fiscal_year) > 0),
    end_label TEXT NOT NULL CHECK (instr(end_label, end_fiscal_year) > 0),
    period_note TEXT NOT NULL
) STRICT;

-- 基本的考え方: six questions, each a ～…～ heading with its statement.
CREATE TABLE concepts (
    id INTEGER PRIMARY KEY CHECK (id >= 1),
    question TEXT NOT NULL UNIQUE CHECK (question GLOB '～?*～'),
    statement TEXT NOT NULL CHECK (length(statement) > 0)
) STRICT;

-- 基本方針.
CREATE TABLE policies (
    id INTEGER PRIMARY KEY CHECK (id >= 1),
    title TEXT NOT NULL UNIQUE CHECK (length(title) > 0),
    goal TEXT NOT NULL CHECK (length(goal) > 0)
) STRICT;

-- 基本方針をふまえた取組. The code is always '<policy>-<position>' ('1-1' … '3-8'): the CHECK
-- derives it from the two columns, so code, policy and order can never disagree.
CREATE TABLE measures (
    code TEXT PRIMARY KEY CHECK (code = policy_id || '-' || position),
    policy_id INTEGER NOT NULL REFERENCES policies(id) ON UPDATE RESTRICT ON DELETE RESTRICT,
    position INTEGER NOT NULL CHECK (position >= 1),
    title TEXT NOT NULL CHECK (length(title) > 0),
    UNIQUE (policy_id, position)
) STRICT;

-- スマートシティにおける5つの原則 with the city's own interpretation.
CREATE TABLE principles (
    id INTEGER PRIMARY KEY CHECK (id >= 1),
    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    interpretation TEXT NOT NULL CHECK (length(interpretation) > 0)
) STRICT;

-- 背景: national moves (国の動向) and the city's own steps (本市の取組), by month.
CREATE TABLE timeline_events (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL CHECK (
        date GLOB '[12][0-9][0-9][0-9]-[01][0-9]' AND substr(date, 6, 2) BETWEEN '01' AND '12'),
    scope TEXT NOT NULL CHECK (scope IN ('national', 'city')),
    title TEXT NOT NULL CHECK (length(title) > 0)
) STRICT;

-- 推進体制: bodies (本部, 委員会, 専門部会, ワーキンググループ), their named roles (CDO …),
-- their ordinary members and their duties (①–⑤).
CREATE TABLE governance_bodies (
    id INTEGER PRIMARY KEY CHECK (id >= 1),
    name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
    description TEXT NOT NULL
) STRICT;

CREATE TABLE governance_roles (
    body_id INTEGER NOT NULL REFERENCES governance_bodies(id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 1),
    title TEXT NOT NULL CHECK (length(title) > 0),
    holder TEXT NOT NULL CHECK (length(holder) > 0),
    PRIMARY KEY (body_id, position),
    UNIQUE (body_id, title)
) STRICT;

CREATE TABLE governance_members (
    body_id INTEGER NOT NULL REFERENCES governance_bodies(id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 1),
    name TEXT NOT NULL CHECK (length(name) > 0),
    PRIMARY KEY (body_id, position),
    UNIQUE (body_id, name)
) STRICT;

CREATE TABLE governance_duties (
    body_id INTEGER NOT NULL REFERENCES governance_bodies(id) ON DELETE CASCADE,
    number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 20),
    -- The circled numeral of the source, kept in step with number (① = U+2460).
    marker TEXT NOT NULL CHECK (marker = char(0x245F + number)),
    text TEXT NOT NULL CHECK (length(text) > 0),
    PRIMARY KEY (body_id, number)
) STRICT;

-- Full-text search over measure titles. The trigram tokenizer matches any substring of three
-- or more characters, which suits Japanese (no word boundaries); shorter queries are answered
-- with instr/LIKE by the application. The index keeps its own copy of the text, kept in step
-- by the triggers below (measures has no stable integer rowid to serve as external content).
CREATE VIRTUAL TABLE measures_fts USING fts5(code UNINDEXED, title, tokenize = 'trigram');

CREATE TRIGGER measures_fts_insert AFTER INSERT ON measures BEGIN
    INSERT INTO measures_fts (code, title) VALUES (new.code, new.title);
END;

CREATE TRIGGER measures_fts_update AFTER UPDATE OF code, title ON measures BEGIN
    DELETE FROM measures_fts WHERE code = old.code;
    INSERT INTO measures_fts (code, title) VALUES (new.code, new.title);
END;

CREATE TRIGGER measures_fts_delete AFTER DELETE ON measures BEGIN
    DELETE FROM measures_fts WHERE code = old.code;
END;

-- Search matches text the way people type it, not the way it happens to be encoded: the FTS
-- indexes hold text folded by dx_search_fold() (Unicode NFKC, then lower case), and every
-- query is folded the same way (SearchQuery), so デジタル written in NFD (テ + U+3099) or
-- half-width (ﾃﾞｼﾞﾀﾙ), and ＡＩ / ai / AI, find the same rows. The tables themselves keep the
-- text exactly as stored and served; only the indexes hold the folded copy.
--
-- SQLite has no NFKC, so dx_search_fold is a Swift function that Database registers on every
-- connection it opens (deterministic, innocuous). A connection without it (the sqlite3 shell)
-- can read everything but cannot write titles, descriptions or departments.

DROP TRIGGER measures_fts_insert;
DROP TRIGGER measures_fts_update;

CREATE TRIGGER measures_fts_insert AFTER INSERT ON measures BEGIN
    INSERT INTO measures_fts (code, title) VALUES (new.code, dx_search_fold(new.title));
END;

CREATE TRIGGER measures_fts_update AFTER UPDATE OF code, title ON measures BEGIN
    DELETE FROM measures_fts WHERE code = old.code;
    INSERT INTO measures_fts (code, title) VALUES (new.code, dx_search_fold(new.title));
END;

DROP TRIGGER projects_fts_insert;
DROP TRIGGER projects_fts_update;

CREATE TRIGGER projects_fts_insert AFTER INSERT ON projects BEGIN
    INSERT INTO projects_fts (rowid, title, description, department)
    VALUES (new.id, dx_search_fold(new.title), dx_search_fold(new.description), dx_search_fold(new.department));
END;

CREATE TRIGGER projects_fts_update AFTER UPDATE OF title, description, department ON projects BEGIN
    DELETE FROM projects_fts WHERE rowid = old.id;
    INSERT INTO projects_fts (rowid, title, description, department)
    VALUES (new.id, dx_search_fold(new.title), dx_search_fold(new.description), dx_search_fold(new.department));
END;

-- Backfill: rebuild both indexes from the stored text, in the same transaction as the
-- triggers, so every row written before this migration is folded too.
DELETE FROM measures_fts;
INSERT INTO measures_fts (code, title) SELECT code, dx_search_fold(title) FROM measures;

DELETE FROM projects_fts;
INSERT INTO projects_fts (rowid, title, description, department)
SELECT id, dx_search_fold(title), dx_search_fold(description), dx_search_fold(department) FROM projects;

-- Filtered facets (?facets= beside ?status=, ?fiscal_year=, ?measure=, ?policy=) counted
-- 40,000–100,000 index entries per facet at 100,000 projects (86 ms for status + fiscal_year).
-- Those four filters and the status, fiscal-year, measure and policy facets only ever look at
-- (status, start_fiscal_year, end_fiscal_year, measure_code), whose distinct combinations are
-- few (5 statuses × the year pairs × the measures: a few thousand at most). This table keeps
-- the live projects counted per combination, by triggers in the transaction of each write, so
-- such counts sum a few thousand rows instead of scanning the projects. Department, search and
-- updated_since filters, and the department facet, still read `projects` (a department column
-- here would multiply the rows by the departments: the 64k-group pass that was dropped).
-- A combination whose count falls to 0 is removed, as in project_facet_totals (0008).
CREATE TABLE project_facet_cube (
    status TEXT NOT NULL,
    start_fiscal_year INTEGER NOT NULL,
    end_fiscal_year INTEGER NOT NULL,
    measure_code TEXT NOT NULL,
    n INTEGER NOT NULL CHECK (n > 0),
    PRIMARY KEY (status, start_fiscal_year, end_fiscal_year, measure_code)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER project_facet_cube_insert AFTER INSERT ON projects WHEN new.archived_at IS NULL BEGIN
    INSERT INTO project_facet_cube (status, start_fiscal_year, end_fiscal_year, measure_code, n)
    VALUES (new.status, new.start_fiscal_year, new.end_fiscal_year, new.measure_code, 1)
    ON CONFLICT (status, start_fiscal_year, end_fiscal_year, measure_code) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER project_facet_cube_delete AFTER DELETE ON projects WHEN old.archived_at IS NULL BEGIN
    DELETE FROM project_facet_cube WHERE n = 1 AND status = old.status AND start_fiscal_year = old.start_fiscal_year
        AND end_fiscal_year = old.end_fiscal_year AND measure_code = old.measure_code;
    UPDATE project_facet_cube SET n = n - 1 WHERE status = old.status AND start_fiscal_year = old.start_fiscal_year
        AND end_fiscal_year = old.end_fiscal_year AND measure_code = old.measure_code;
END;

-- An update is the old row leaving the counts and the new one entering (archiving: leaving only).
-- The old combination is one row, so deleting it at 1 and decrementing it otherwise can't both hit it.
CREATE TRIGGER project_facet_cube_update
AFTER UPDATE OF status, measure_code, start_fiscal_year, end_fiscal_year, archived_at ON projects BEGIN
    DELETE FROM project_facet_cube WHERE old.archived_at IS NULL AND n = 1 AND status = old.status
        AND start_fiscal_year = old.start_fiscal_year AND end_fiscal_year = old.end_fiscal_year AND measure_code = old.measure_code;
    UPDATE project_facet_cube SET n = n - 1 WHERE old.archived_at IS NULL AND status = old.status
        AND start_fiscal_year = old.start_fiscal_year AND end_fiscal_year = old.end_fiscal_year AND measure_code = old.measure_code;
    INSERT INTO project_facet_cube (status, start_fiscal_year, end_fiscal_year, measure_code, n)
    SELECT new.status, new.start_fiscal_year, new.end_fiscal_year, new.measure_code, 1 WHERE new.archived_at IS NULL
    ON CONFLICT (status, start_fiscal_year, end_fiscal_year, measure_code) DO UPDATE SET n = n + 1;
END;

-- Backfill from the projects already there, in this migration's transaction.
INSERT INTO project_facet_cube (status, start_fiscal_year, end_fiscal_year, measure_code, n)
SELECT status, start_fiscal_year, end_fiscal_year, measure_code, count(*) FROM projects
WHERE archived_at IS NULL GROUP BY status, start_fiscal_year, end_fiscal_year, measure_code;

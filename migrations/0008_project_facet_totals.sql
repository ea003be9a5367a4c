-- Facets of the whole project set (?facets= with no filter but the one a facet ignores) are
-- read from running totals instead of counting 100,000 rows once per facet: each live project
-- adds one to its status, department, measure and (start, end) fiscal-year pair, kept by the
-- triggers below in the transaction of the write itself. A value whose count falls to 0 is
-- removed, so, as before, values no project has are left out.
CREATE TABLE project_facet_totals (
    field TEXT NOT NULL CHECK (field IN ('status', 'department', 'measure', 'fiscal_years')),
    -- fiscal_years: 'START-END', e.g. '2023-2025'.
    value TEXT NOT NULL,
    n INTEGER NOT NULL CHECK (n > 0),
    PRIMARY KEY (field, value)
) STRICT, WITHOUT ROWID;

-- Counts filtered by fiscal year (`?fiscal_year=`) read this index alone: it leads with the
-- years and covers every other facet column, where the planner otherwise picked
-- projects_fiscal_years and fetched each matching row from the table. It replaces that index,
-- whose columns are its prefix.
CREATE INDEX projects_year_facets ON projects (start_fiscal_year, end_fiscal_year, status, department, measure_code, updated_at)
    WHERE archived_at IS NULL;
DROP INDEX projects_fiscal_years;

CREATE TRIGGER project_facet_totals_insert AFTER INSERT ON projects WHEN new.archived_at IS NULL BEGIN
    INSERT INTO project_facet_totals (field, value, n) VALUES
        ('status', new.status, 1), ('department', new.department, 1), ('measure', new.measure_code, 1),
        ('fiscal_years', new.start_fiscal_year || '-' || new.end_fiscal_year, 1)
    ON CONFLICT (field, value) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER project_facet_totals_delete AFTER DELETE ON projects WHEN old.archived_at IS NULL BEGIN
    DELETE FROM project_facet_totals WHERE n = 1 AND (field, value) IN (VALUES
        ('status', old.status), ('department', old.department), ('measure', old.measure_code),
        ('fiscal_years', old.start_fiscal_year || '-' || old.end_fiscal_year));
    UPDATE project_facet_totals SET n = n - 1 WHERE n > 1 AND (field, value) IN (VALUES
        ('status', old.status), ('department', old.department), ('measure', old.measure_code),
        ('fiscal_years', old.start_fiscal_year || '-' || old.end_fiscal_year));
END;

-- An update is the old row leaving the totals and the new one entering (archiving: leaving only).
-- A value at 1 is deleted before the others are decremented, so none is decremented to 1 and then deleted.
CREATE TRIGGER project_facet_totals_update
AFTER UPDATE OF status, department, measure_code, start_fiscal_year, end_fiscal_year, archived_at ON projects BEGIN
    DELETE FROM project_facet_totals WHERE old.archived_at IS NULL AND n = 1 AND (field, value) IN (VALUES
        ('status', old.status), ('department', old.department), ('measure', old.measure_code),
        ('fiscal_years', old.start_fiscal_year || '-' || old.end_fiscal_year));
    UPDATE project_facet_totals SET n = n - 1 WHERE old.archived_at IS NULL AND n > 1 AND (field, value) IN (VALUES
        ('status', old.status), ('department', old.department), ('measure', old.measure_code),
        ('fiscal_years', old.start_fiscal_year || '-' || old.end_fiscal_year));
    INSERT INTO project_facet_totals (field, value, n)
    SELECT field, value, 1 FROM (
        SELECT 'status' AS field, new.status AS value UNION ALL SELECT 'department', new.department
        UNION ALL SELECT 'measure', new.measure_code
        UNION ALL SELECT 'fiscal_years', new.start_fiscal_year || '-' || new.end_fiscal_year)
    WHERE new.archived_at IS NULL
    ON CONFLICT (field, value) DO UPDATE SET n = n + 1;
END;

-- Backfill from the projects already there, in this migration's transaction.
INSERT INTO project_facet_totals (field, value, n)
SELECT 'status', status, count(*) FROM projects WHERE archived_at IS NULL GROUP BY status
UNION ALL SELECT 'department', department, count(*) FROM projects WHERE archived_at IS NULL GROUP BY department
UNION ALL SELECT 'measure', measure_code, count(*) FROM projects WHERE archived_at IS NULL GROUP BY measure_code
UNION ALL SELECT 'fiscal_years', start_fiscal_year || '-' || end_fiscal_year, count(*) FROM projects
    WHERE archived_at IS NULL GROUP BY start_fiscal_year, end_fiscal_year;

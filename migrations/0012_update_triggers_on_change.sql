-- Issue 9: a PATCH that changes only `progress` fired every UPDATE trigger on projects. SQLite
-- fires `AFTER UPDATE OF col` whenever col is in the statement's SET list, changed or not, and
-- the store's UPDATE sets every column, so each write re-indexed the text (FTS5 delete and
-- insert of the three folded columns) and moved the facet counts out and back in (0008, 0011).
-- The triggers are recreated as they were, with a WHEN that runs them only when one of their
-- columns really changed (IS NOT: NULL-safe). Their bodies are unchanged, so the indexes and
-- counts they keep are the same for every write, from the API, the CLI import or by hand.

DROP TRIGGER projects_fts_update;
CREATE TRIGGER projects_fts_update AFTER UPDATE OF title, description, department ON projects
WHEN old.title IS NOT new.title OR old.description IS NOT new.description OR old.department IS NOT new.department
BEGIN
    DELETE FROM projects_fts WHERE rowid = old.id;
    INSERT INTO projects_fts (rowid, title, description, department)
    VALUES (new.id, dx_search_fold(new.title), dx_search_fold(new.description), dx_search_fold(new.department));
END;

DROP TRIGGER project_facet_totals_update;
CREATE TRIGGER project_facet_totals_update
AFTER UPDATE OF status, department, measure_code, start_fiscal_year, end_fiscal_year, archived_at ON projects
WHEN old.status IS NOT new.status OR old.department IS NOT new.department OR old.measure_code IS NOT new.measure_code
    OR old.start_fiscal_year IS NOT new.start_fiscal_year OR old.end_fiscal_year IS NOT new.end_fiscal_year
    OR old.archived_at IS NOT new.archived_at
BEGIN
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

DROP TRIGGER project_facet_cube_update;
CREATE TRIGGER project_facet_cube_update
AFTER UPDATE OF status, measure_code, start_fiscal_year, end_fiscal_year, archived_at ON projects
WHEN old.status IS NOT new.status OR old.measure_code IS NOT new.measure_code
    OR old.start_fiscal_year IS NOT new.start_fiscal_year OR old.end_fiscal_year IS NOT new.end_fiscal_year
    OR old.archived_at IS NOT new.archived_at
BEGIN
    DELETE FROM project_facet_cube WHERE old.archived_at IS NULL AND n = 1 AND status = old.status
        AND start_fiscal_year = old.start_fiscal_year AND end_fiscal_year = old.end_fiscal_year AND measure_code = old.measure_code;
    UPDATE project_facet_cube SET n = n - 1 WHERE old.archived_at IS NULL AND status = old.status
        AND start_fiscal_year = old.start_fiscal_year AND end_fiscal_year = old.end_fiscal_year AND measure_code = old.measure_code;
    INSERT INTO project_facet_cube (status, start_fiscal_year, end_fiscal_year, measure_code, n)
    SELECT new.status, new.start_fiscal_year, new.end_fiscal_year, new.measure_code, 1 WHERE new.archived_at IS NULL
    ON CONFLICT (status, start_fiscal_year, end_fiscal_year, measure_code) DO UPDATE SET n = n + 1;
END;

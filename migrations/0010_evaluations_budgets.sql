-- Periodic evaluations (達成状況の評価) and budgets per fiscal year (予算・決算) of projects.
-- Every write to either is also a row of project_history, in the same transaction (see
-- EvaluationStore and BudgetStore). The CHECKs repeat the application's validation.

CREATE TABLE project_evaluations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE RESTRICT,
    -- '2023' (a fiscal year) or '2023H1' / '2023H2' (April–September / October–March).
    period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]' OR period GLOB '[0-9][0-9][0-9][0-9]H[12]'),
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
    -- fiscal_year * 10 + 1 (H1), + 2 (H2), + 3 (the whole year, reviewed at its end): "latest" is the largest.
    period_order INTEGER NOT NULL CHECK (period_order BETWEEN 20001 AND 21003),
    rating TEXT NOT NULL CHECK (rating IN ('A', 'B', 'C', 'D')),
    comment TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 2000),
    evaluated_by TEXT NOT NULL CHECK (length(evaluated_by) BETWEEN 1 AND 64),
    evaluated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    updated_at TEXT NOT NULL CHECK (updated_at >= evaluated_at),
    -- One evaluation per project and period: a second one is a 409, a correction a PATCH.
    UNIQUE (project_id, period)
) STRICT;

CREATE INDEX project_evaluations_latest ON project_evaluations (project_id, period_order);

CREATE TABLE project_budgets (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE RESTRICT,
    fiscal_year INTEGER NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
    -- Whole yen, 0 to one trillion (¥1,000,000,000,000): far above any city project, and the
    -- sum over 100,000 projects still fits a 64-bit integer.
    planned_yen INTEGER NOT NULL CHECK (planned_yen BETWEEN 0 AND 1000000000000),
    -- NULL until the year is settled (決算).
    actual_yen INTEGER CHECK (actual_yen IS NULL OR actual_yen BETWEEN 0 AND 1000000000000),
    note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL CHECK (updated_at >= created_at),
    PRIMARY KEY (project_id, fiscal_year)
) STRICT;

CREATE INDEX project_budgets_year ON project_budgets (fiscal_year);

-- KPIs per project (重要業績評価指標): a baseline, a target per fiscal year (目標値) and
-- measurements over time (実績値). Issue 12.
--
-- The project's old single `kpi` object becomes each project's first KPI (the lowest id):
-- its `target` the target of the project's end fiscal year, its `actual` a measurement dated
-- at the project's last update (the date in Japan, UTC+9, where the city keeps its books).
-- `projects.kpi` stays, as the summary of that first KPI that `GET /projects/{id}` serves;
-- KPIStore rewrites it in the same transaction as every write that changes the summary.
-- No BEGIN/COMMIT here: the migrator runs each file in its own transaction.

CREATE TABLE kpis (
    -- AUTOINCREMENT: a KPI's URL names one KPI forever, even after a deletion.
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE RESTRICT,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    unit TEXT NOT NULL DEFAULT '' CHECK (length(unit) <= 100),
    direction TEXT NOT NULL DEFAULT 'increase' CHECK (direction IN ('increase', 'decrease')),
    -- Both or neither: a baseline is a value at a date.
    baseline_value REAL CHECK (baseline_value IS NULL OR baseline_value BETWEEN -1e15 AND 1e15),
    baseline_date TEXT CHECK (baseline_date IS NULL OR baseline_date = date(baseline_date, '+0 days')),
    -- [{"fiscal_year": 2024, "value": 95.0}, …], ascending by fiscal year, one per year; the
    -- application validates the members.
    targets TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(targets) AND json_type(targets) = 'array'),
    note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL CHECK (updated_at >= created_at),
    CHECK ((baseline_value IS NULL) = (baseline_date IS NULL))
) STRICT;

CREATE INDEX kpis_project ON kpis (project_id, id);

CREATE TABLE kpi_measurements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kpi_id INTEGER NOT NULL REFERENCES kpis(id) ON DELETE CASCADE,
    -- date() alone accepts 2021-02-30; '+0 days' normalises it, so only a real date passes.
    date TEXT NOT NULL CHECK (date = date(date, '+0 days') AND date BETWEEN '2000-01-01' AND '2100-12-31'),
    value REAL NOT NULL CHECK (value BETWEEN -1e15 AND 1e15),
    note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
    -- The admin token's name (or the import's --as name); never a token.
    recorded_by TEXT NOT NULL CHECK (length(recorded_by) BETWEEN 1 AND 64),
    recorded_at TEXT NOT NULL
) STRICT;

CREATE INDEX kpi_measurements_kpi ON kpi_measurements (kpi_id, date, id);

-- The move. Archived projects keep theirs too, so their history and summary stay whole.
INSERT INTO kpis (project_id, name, unit, direction, targets, note, version, created_at, updated_at)
SELECT id, json_extract(kpi, '$.name'), coalesce(json_extract(kpi, '$.unit'), ''), 'increase',
       json_array(json_object('fiscal_year', end_fiscal_year, 'value', json_extract(kpi, '$.target'))),
       '', 1, created_at, updated_at
FROM projects WHERE kpi IS NOT NULL ORDER BY id;

INSERT INTO kpi_measurements (kpi_id, date, value, note, recorded_by, recorded_at)
SELECT k.id, date(p.updated_at, '+9 hours'), json_extract(p.kpi, '$.actual'), '', 'migration-0009', p.updated_at
FROM kpis k JOIN projects p ON p.id = k.project_id
WHERE json_type(p.kpi, '$.actual') IN ('integer', 'real');

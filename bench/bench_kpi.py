#!/usr/bin/env python3
"""On-time KPIs by agency x procedure x month, against a hand-written SQL
aggregate of the same run.

Workload: the finished dossiers of the demo data, multiplied in SQL to N
finished dossiers (default 100,000) spread over 2025-2026, with 70 % early,
15 % on time and 15 % late results. Each row is what the ORM writes at a
result: the stored timeliness, ``on_time_pct`` / ``late_pct`` (100 or 0) and a
processing time; a check compares a sample of rows with the rule the ORM uses
(``lib/onestop.py``) before anything is timed.

Measured, each the median of 5 runs:
- baseline: one SQL ``GROUP BY company, procedure, month`` with the on-time rate;
- ``_read_group``: what ``_qms_kpi_rows`` and the reports use;
- ``read_group(lazy=False)``: what the pivot and graph views call;
- ``_qms_kpi_rows`` by procedure over the whole period.
Then each query's plan (EXPLAIN) is printed in short.

Needs Odoo 18, PostgreSQL and a database with the three addons and their demo
data (``make demo`` makes one; a copy is best: ``createdb -T qms_demo qms_kpi``).
Everything the benchmark inserts is rolled back.
Usage: python3 bench/bench_kpi.py --db DATABASE [N]
"""

import argparse
import os
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "addons" / "qms_onestop" / "lib"))
sys.path.insert(0, str(ROOT / "bench"))
from common import KPI_SQL as SQL_BASELINE  # noqa: E402
from common import median_ms  # noqa: E402


def inflate(env, n):
    """Copy the finished demo dossiers until there are ``n`` finished ones."""
    cr = env.cr
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = 'qms_onestop_dossier' AND column_name <> 'id'"""
    )
    columns = [c for (c,) in cr.fetchall()]
    cr.execute("SELECT count(*) FROM qms_onestop_dossier WHERE timeliness IS NOT NULL")
    templates = cr.fetchone()[0]
    if not templates:
        sys.exit("The database has no finished dossier: load the demo data first.")
    copies = max(0, -(-n // templates) - 1)
    overrides = {
        "name": "d.name || '/B' || g",
        "external_system": "NULL",
        "external_code": "NULL",
        "completed_at": "x.done",
        "received_at": "x.done - (d.completed_at - d.received_at)",
        "receipt_date": "(x.done - (d.completed_at - d.received_at))::date",
        "timeliness": "x.t",
        "on_time_pct": "CASE WHEN x.t = 'late' THEN 0 ELSE 100 END",
        "late_pct": "CASE WHEN x.t = 'late' THEN 100 ELSE 0 END",
        "processing_days": "x.days",
    }
    select = ", ".join(overrides.get(c, f"d.{c}") for c in columns)
    cr.execute(
        f"""
        INSERT INTO qms_onestop_dossier ({", ".join(columns)})
        SELECT {select}
          FROM qms_onestop_dossier d
          CROSS JOIN generate_series(1, %s) g
          CROSS JOIN LATERAL (
                SELECT timestamp '2025-01-01' + random() * interval '730 days'
                           + (g - g) * interval '0' AS done,
                       CASE WHEN r < 0.70 THEN 'early'
                            WHEN r < 0.85 THEN 'on_time' ELSE 'late' END AS t,
                       round((0.2 + random() * 14)::numeric, 2) AS days
                  FROM (SELECT random() + (g - g) AS r) AS rr
          ) x
         WHERE d.timeliness IS NOT NULL
        """,
        [copies],
    )
    cr.execute("ANALYZE qms_onestop_dossier")
    cr.execute("SELECT count(*) FROM qms_onestop_dossier WHERE timeliness IS NOT NULL")
    return cr.fetchone()[0]


def check_sample(env):
    """Stored figures of a sample follow the ORM's rule (lib/onestop.py)."""
    import onestop

    env.cr.execute(
        """SELECT timeliness, on_time_pct, late_pct FROM qms_onestop_dossier
            WHERE timeliness IS NOT NULL ORDER BY random() LIMIT 1000"""
    )
    for timeliness, on_time_pct, late_pct in env.cr.fetchall():
        assert on_time_pct == (100.0 if onestop.is_on_time(timeliness) else 0.0)
        assert late_pct == (100.0 if timeliness == "late" else 0.0)


def run(env, n):
    from odoo import fields

    Dossier = env["qms.onestop.dossier"]
    print(f"== {inflate(env, n)} finished dossiers")
    check_sample(env)
    start, end = "2025-01-01 00:00:00", "2026-12-31 23:59:59"
    domain = [
        ("timeliness", "!=", False),
        ("completed_at", ">=", start),
        ("completed_at", "<=", end),
    ]
    groupby = ["company_id", "tthc_id", "completed_at:month"]

    def sql():
        env.cr.execute(SQL_BASELINE, [start, end])
        return env.cr.fetchall()

    base, rows = median_ms(sql)
    internal, groups = median_ms(
        lambda: Dossier._read_group(domain, groupby, ["__count", "on_time_pct:avg"])
    )
    public, pivot = median_ms(
        lambda: Dossier.read_group(domain, ["on_time_pct:avg"], groupby, lazy=False)
    )
    kpi, figures = median_ms(
        lambda: Dossier._qms_kpi_rows(
            [], fields.Date.to_date(start), fields.Date.to_date(end[:10]), by="tthc_id"
        )
    )
    assert len(rows) == len(groups) == len(pivot), (len(rows), len(groups), len(pivot))
    print(f"groups: {len(rows)}; on-time rate over all: {figures['on_time_rate']} %")
    print(f"baseline: SQL GROUP BY                     {base:9.1f} ms")
    print(f"_read_group (reports, _qms_kpi_rows)        {internal:9.1f} ms")
    print(f"read_group lazy=False (pivot, graph)        {public:9.1f} ms")
    print(f"_qms_kpi_rows by procedure                  {kpi:9.1f} ms")
    print("\n-- ratios (same run)")
    print(f"_read_group / SQL                x {internal / base:6.2f}")
    print(f"read_group (pivot) / SQL         x {public / base:6.2f}")
    env.cr.execute("EXPLAIN " + SQL_BASELINE, [start, end])
    print("\n-- plan of the baseline")
    print("\n".join(line for (line,) in env.cr.fetchall()[:8]))
    env.cr.execute(
        "SELECT pg_size_pretty(pg_total_relation_size('qms_onestop_dossier'))"
    )
    print(f"\nqms_onestop_dossier with its indexes: {env.cr.fetchone()[0]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    try:
        import odoo
        from odoo import SUPERUSER_ID, api
    except ImportError:
        sys.exit("Odoo 18 is not importable: this benchmark needs it.")
    base = pathlib.Path(odoo.__file__).resolve().parent
    paths = [str(base.parent / "addons"), str(base / "addons"), str(ROOT / "addons")]
    odoo.tools.config.parse_config(
        [
            "-c",
            str(ROOT / "odoo.conf"),
            "--addons-path=" + ",".join(p for p in paths if os.path.isdir(p)),
        ]
    )
    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        try:
            run(env, args.n)
        finally:
            cr.rollback()  # nothing of the benchmark stays


if __name__ == "__main__":
    main()

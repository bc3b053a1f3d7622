#!/usr/bin/env python3
"""Due dates through the agency's Odoo API, against baselines of the same run.

Workload: appointment dates of N dossiers (default 100,000) received at random
moments of 2026 with limits of 0-30 working days, at an agency on Vietnam's
calendar (Mon-Fri 07:30-11:30, 13:00-17:00, the national holidays loaded by the
core addon), under the counting rules in force (2018 and 2025 rules).

Measured:
- baseline: Odoo's ``resource.calendar.plan_days`` per dossier, with the same
  holidays as leaves (on a sample; its answer is the end of a session, not the
  closing time, so it is timed, not compared);
- ``res.company.qms_deadline`` per dossier (the scalar API) and
  ``res.company.qms_deadlines`` for all at once (lists of datetimes, and
  datetime64 arrays as the data generator passes them);
- bound: one numpy ``searchsorted`` over the calendar's day counts, the least a
  vectorised lookup can cost.
The batch results are checked equal to the scalar ones before any time is printed.

Needs Odoo 18 and PostgreSQL. Usage:
    python3 bench/bench_deadlines.py [N] [--db EXISTING_DB]
Without --db a throwaway database is created with the core addon (about 1 min)
and dropped at the end.
"""

import argparse
import datetime as dt
import os
import pathlib
import subprocess
import sys

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import common  # noqa: E402


def addons_path():
    import odoo

    base = pathlib.Path(odoo.__file__).resolve().parent
    paths = [str(base.parent / "addons"), str(base / "addons"), str(ROOT / "addons")]
    return ",".join(p for p in paths if os.path.isdir(p))


def make_database(name):
    print(f"== creating throwaway database {name} with qms_public_admin")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "-c",
            str(ROOT / "odoo.conf"),
            f"--addons-path={addons_path()}",
            "-d",
            name,
            "-i",
            "qms_public_admin",
            "--without-demo=all",
            "--stop-after-init",
            "--log-level=warn",
        ],
        check=True,
    )


def timed(label, func, count):
    return common.timed(label, func, count, width=52)


def run(env, n):
    rng = np.random.default_rng(2026)
    calendar = env.ref("qms_public_admin.calendar_state_agency")
    agency = env["res.company"].create(
        {"name": "Sở Tư pháp (benchmark)", "resource_calendar_id": calendar.id}
    )
    year = dt.datetime(2026, 1, 1)
    minutes = rng.integers(0, 365 * 24 * 60, n)
    received = [year + dt.timedelta(minutes=int(m)) for m in minutes]
    amounts = rng.choice([0, 1, 3, 5, 7, 10, 15, 20, 30], n).astype(float)
    received64 = (np.datetime64("2026-01-01T00:00:00") + minutes * 60).astype(
        "datetime64[s]"
    )

    # Odoo's own calendar with the same days off as leaves.
    clock = agency._qms_clock()
    cal = clock.cal
    off = [
        d
        for d in (cal.first_day + dt.timedelta(days=i) for i in range(cal._n))
        if d.weekday() < 5 and not cal.is_working_day(d)
    ]
    env["resource.calendar.leaves"].create(
        [
            {
                "name": "Nghỉ lễ",
                "calendar_id": calendar.id,
                "date_from": dt.datetime.combine(d, dt.time()),
                "date_to": dt.datetime.combine(d, dt.time(23, 59)),
            }
            for d in off
        ]
    )
    calendar.invalidate_recordset()
    sample = min(n, 500)
    print(f"\n-- appointment dates, {n} dossiers (baseline on a {sample} sample)")
    _, base = timed(
        "baseline: resource.calendar.plan_days per dossier",
        lambda: [
            calendar.plan_days(int(a) + 1, clock.to_local(r), compute_leaves=True)
            for r, a in zip(received[:sample], amounts[:sample], strict=True)
        ],
        sample,
    )
    agency.qms_deadline(received[0], 1.0)  # warm the caches
    scalar_sample = min(n, 20_000)
    scalar, per_scalar = timed(
        "qms_deadline per dossier",
        lambda: [
            agency.qms_deadline(r, a)
            for r, a in zip(
                received[:scalar_sample], amounts[:scalar_sample].tolist(), strict=True
            )
        ],
        scalar_sample,
    )
    batch, per_batch = timed(
        "qms_deadlines, all at once (datetimes)",
        lambda: agency.qms_deadlines(received, amounts),
        n,
    )
    batch64, per_batch64 = timed(
        "qms_deadlines, all at once (datetime64 array)",
        lambda: agency.qms_deadlines(received64, amounts),
        n,
    )
    assert batch[:scalar_sample] == scalar, "batch and scalar disagree"
    assert batch64.tolist() == batch, "array and list forms disagree"
    days = received64.astype("datetime64[D]")
    idx = cal._indices(days)
    _, bound = timed(
        "bound: numpy searchsorted over the day counts",
        lambda: np.searchsorted(cal._cum_days_np, idx + amounts.astype(np.int64)),
        n,
    )
    print("\n-- ratios (same run)")
    print(f"plan_days / qms_deadline                 x {base / per_scalar:10.1f}")
    print(f"plan_days / qms_deadlines (datetimes)    x {base / per_batch:10.1f}")
    print(f"plan_days / qms_deadlines (datetime64)   x {base / per_batch64:10.1f}")
    print(f"qms_deadlines (datetime64) / bound       x {per_batch64 / bound:10.1f}")
    print(f"qms_deadlines (datetimes) / bound        x {per_batch / bound:10.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--db", help="an existing database with qms_public_admin")
    args = parser.parse_args()
    try:
        import odoo
        from odoo import SUPERUSER_ID, api
    except ImportError:
        sys.exit("Odoo 18 is not importable: this benchmark needs it.")
    name = args.db or f"qms_bench_{os.getpid()}"
    if not args.db:
        make_database(name)
    try:
        odoo.tools.config.parse_config(
            ["-c", str(ROOT / "odoo.conf"), f"--addons-path={addons_path()}"]
        )
        registry = odoo.modules.registry.Registry(name)
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            run(env, args.n)
            cr.rollback()  # nothing of the benchmark stays
    finally:
        if not args.db:
            odoo.modules.registry.Registry.delete(name)
            odoo.sql_db.close_db(name)
            subprocess.run(["dropdb", "--if-exists", name], check=False)


if __name__ == "__main__":
    main()

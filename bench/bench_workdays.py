#!/usr/bin/env python3
"""Benchmark of the working-day engine against baselines measured in the same run.

Workload: appointment dates for a million dossiers received at random moments over
2024-2027, with limits of 0-30 working days, on Vietnam's real calendar; and the
working time spent by a million dossiers (on-time KPI input).

Baselines:
- naive: day-by-day loop over a holiday set (what a first implementation does);
- holidays: the ``holidays`` package's own ``get_nth_working_day``.

Usage: python3 bench/bench_workdays.py [N]    (default N = 1_000_000)
"""

import datetime as dt
import importlib.util
import pathlib
import sys

import holidays
import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import common  # noqa: E402

LIB = ROOT / "addons" / "qms_public_admin" / "lib"


def load(name):
    spec = importlib.util.spec_from_file_location(name, LIB / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


timed = common.timed
workdays = load("workdays")
vn_holidays = load("vn_holidays")


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    sample = min(n, 20_000)
    rng = np.random.default_rng(42)
    years = range(2024, 2028)

    rows = vn_holidays.vietnam_days(years)
    off = [d for d, _n, k in rows if k != vn_holidays.EXTRA_WORKING_DAY]
    extra = [d for d, _n, k in rows if k == vn_holidays.EXTRA_WORKING_DAY]
    sessions = {w: [(7.5, 11.5), (13.0, 17.0)] for w in range(5)}

    cal, _ = timed(
        "build calendar 2024-2027",
        lambda: workdays.WorkCalendar(
            dt.date(2024, 1, 1), dt.date(2027, 12, 31), sessions, off, extra
        ),
        1,
    )
    received = np.datetime64("2024-01-01T00:00:00") + rng.integers(
        0, 3 * 365 * 86400, n
    ).astype("timedelta64[s]")
    limits = rng.integers(0, 31, n)
    received_py = received[:sample].tolist()
    days_py = [r.date() for r in received_py]
    limits_py = limits[:sample].tolist()

    print("\n-- add N working days")
    off_set = set(off)
    extra_set = set(extra)

    def naive():
        out = []
        for day, k in zip(days_py, limits_py, strict=True):
            while k > 0:
                day += dt.timedelta(days=1)
                if day in extra_set or (day.weekday() < 5 and day not in off_set):
                    k -= 1
            out.append(day)
        return out

    vn = holidays.country_holidays("VN", years=years)

    def package():
        return [
            vn.get_nth_working_day(day, k) if k else day
            for day, k in zip(days_py, limits_py, strict=True)
        ]

    def engine_scalar():
        return [
            cal.add_working_days(day, k) if k else day
            for day, k in zip(days_py, limits_py, strict=True)
        ]

    expect, naive_us = timed("baseline: naive day loop", naive, sample)
    got_pkg, pkg_us = timed("baseline: holidays.get_nth_working_day", package, sample)
    got, scalar_us = timed("engine: scalar add_working_days", engine_scalar, sample)
    assert got == expect == got_pkg, "engine disagrees with the baselines"
    days = received.astype("datetime64[D]")
    batch, batch_us = timed(
        "engine: add_working_days_batch",
        lambda: cal.add_working_days_batch(days, np.maximum(limits, 1)),
        n,
    )
    assert batch[:sample].tolist() == [
        cal.add_working_days(d, max(k, 1))
        for d, k in zip(days_py, limits_py, strict=True)
    ]

    print("\n-- appointment date (receipt rules, next working day, closing time)")
    _due, deadline_us = timed(
        "engine: scalar deadline()",
        lambda: [
            cal.deadline(r, k) for r, k in zip(received_py, limits_py, strict=True)
        ],
        sample,
    )

    print("\n-- working time spent (KPI input)")
    ends = received + rng.integers(0, 40 * 86400, n).astype("timedelta64[s]")
    ends_py = ends[:sample].tolist()

    def naive_elapsed():
        total = []
        for start, end in zip(received_py, ends_py, strict=True):
            secs = 0
            cursor = start
            while cursor < end:
                day = cursor.date()
                working = day in extra_set or (day.weekday() < 5 and day not in off_set)
                if working:
                    for s_h, e_h in ((7.5, 11.5), (13.0, 17.0)):
                        s = dt.datetime.combine(day, dt.time()) + dt.timedelta(
                            hours=s_h
                        )
                        e = dt.datetime.combine(day, dt.time()) + dt.timedelta(
                            hours=e_h
                        )
                        lo, hi = max(s, cursor), min(e, end)
                        if hi > lo:
                            secs += (hi - lo).total_seconds()
                cursor = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
            total.append(int(secs))
        return total

    expect_e, naive_e_us = timed("baseline: naive elapsed loop", naive_elapsed, sample)
    got_e, scalar_e_us = timed(
        "engine: scalar working_seconds_between",
        lambda: [
            cal.working_seconds_between(s, e)
            for s, e in zip(received_py, ends_py, strict=True)
        ],
        sample,
    )
    assert got_e == expect_e, "elapsed time disagrees with the baseline"
    _e, batch_e_us = timed(
        "engine: working_seconds_between_batch",
        lambda: cal.working_seconds_between_batch(received, ends),
        n,
    )

    print("\n-- ratios (baseline time / engine time, same run)")
    print(f"add days, scalar vs naive loop      x{naive_us / scalar_us:8.1f}")
    print(f"add days, scalar vs holidays pkg    x{pkg_us / scalar_us:8.1f}")
    print(f"add days, batch  vs naive loop      x{naive_us / batch_us:8.1f}")
    print(f"elapsed, scalar  vs naive loop      x{naive_e_us / scalar_e_us:8.1f}")
    print(f"elapsed, batch   vs naive loop      x{naive_e_us / batch_e_us:8.1f}")
    # us/op x 1e6 ops / 1e6 us per s = seconds for a million.
    print(
        f"a million appointment dates (scalar deadline): {deadline_us:.1f} s; "
        f"a million elapsed times (batch): {batch_e_us:.2f} s"
    )


if __name__ == "__main__":
    main()

"""Helpers shared by the benchmarks."""

import statistics
import time

# On-time rate by agency x procedure x month written by hand: the baseline of
# every KPI path (bench_kpi.py, bench_province.py).
KPI_SQL = """
    SELECT company_id, tthc_id, date_trunc('month', completed_at) AS month,
           count(*), avg(on_time_pct)
      FROM qms_onestop_dossier
     WHERE timeliness IS NOT NULL
       AND completed_at >= %s AND completed_at <= %s
  GROUP BY company_id, tthc_id, date_trunc('month', completed_at)
"""


def timed(label, func, count, width=48):
    """Run ``func`` once, print its time per operation, return (result, us/op)."""
    start = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - start
    per_op = elapsed / count * 1e6
    print(f"{label:<{width}} {count:>9} ops {elapsed:8.3f} s {per_op:10.3f} us/op")
    return result, per_op


def median_ms(func, runs=5):
    """Median wall time of ``runs`` calls of ``func`` in ms, and its last result."""
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times), result

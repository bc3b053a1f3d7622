"""Helpers shared by the benchmarks."""

import time


def timed(label, func, count, width=48):
    """Run ``func`` once, print its time per operation, return (result, us/op)."""
    start = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - start
    per_op = elapsed / count * 1e6
    print(f"{label:<{width}} {count:>9} ops {elapsed:8.3f} s {per_op:10.3f} us/op")
    return result, per_op

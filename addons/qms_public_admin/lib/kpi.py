# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""KPI arithmetic of the quality system, without Odoo.

Periods of an indicator, ratios, the traffic light of an objective and the band of
a risk score. The numbers themselves (targets, bands, scales) come from the
database; this module only computes.
"""

import calendar
import datetime as dt

# Months per period of mgmtsystem.indicator's frequency.
_MONTHS = {"monthly": 1, "quarterly": 3, "semester": 6, "yearly": 12}

GREEN = "green"
AMBER = "amber"
RED = "red"
GREY = "grey"


def period_of(frequency, day):
    """(first day, last day) of the period of ``frequency`` containing ``day``."""
    if frequency == "weekly":
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    months = _MONTHS.get(frequency)
    if not months:
        raise ValueError(f"unknown frequency {frequency!r}")
    first_month = (day.month - 1) // months * months + 1
    last_month = first_month + months - 1
    return (
        dt.date(day.year, first_month, 1),
        dt.date(day.year, last_month, calendar.monthrange(day.year, last_month)[1]),
    )


def periods(frequency, start, end, until=None):
    """Periods of ``frequency`` that overlap [start, end] and have ended by
    ``until`` (inclusive), each clipped to [start, end]."""
    result = []
    day = start
    while day <= end:
        first, last = period_of(frequency, day)
        if until is not None and last > until:
            break
        result.append((max(first, start), min(last, end)))
        day = last + dt.timedelta(days=1)
    return result


def ratio(part, whole, scale=100.0):
    """``part / whole`` in percent (or ``scale``), rounded to 0.01; None when
    nothing was counted (no data is not 0 %)."""
    if not whole:
        return None
    return round(part * scale / whole, 2)


def traffic_light(results, overdue_actions=0):
    """Status of an objective from its indicators' latest results.

    ``results`` holds one entry per indicator: True (on target), False (off
    target) or None (not measured yet). Red when an indicator misses its target,
    amber when one is not measured or an action of the plan is overdue, green
    when everything is on target, grey when nothing is measured at all.
    """
    results = list(results)
    if not results or all(r is None for r in results):
        return GREY
    if any(r is False for r in results):
        return RED
    if any(r is None for r in results) or overdue_actions:
        return AMBER
    return GREEN


def band(score, bands):
    """The band ``(low, high, key)`` of ``bands`` containing ``score``.

    Bands are inclusive on both ends; the first match wins; None when the score
    falls in no band (a gap in the configured matrix).
    """
    for low, high, key in bands:
        if low <= score <= high:
            return key
    return None


def check_bands(bands):
    """Overlaps between score bands, as a list of (key, key) pairs."""
    ordered = sorted(bands)
    clashes = []
    for (_low_a, high_a, key_a), (low_b, _high_b, key_b) in zip(
        ordered, ordered[1:], strict=False
    ):
        if low_b <= high_a:
            clashes.append((key_a, key_b))
    return clashes

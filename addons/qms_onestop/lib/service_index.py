"""Scoring of the service index (Decision 766/QĐ-TTg) and of the digitisation
indicators (Circular 01/2023/TT-VPCP). The indicators, their points and
targets are data; this module only turns a rate into points and adds them
up. No Odoo import: the static tests cover it.
"""

# What the product measures from its own records; "manual" is entered by hand.
METRICS = [
    ("on_time", "Dossiers Settled Early or On Time"),
    ("online", "Dossiers Filed Online"),
    ("paid", "Dossiers With Their Fees Paid"),
    ("online_payment", "Fees Paid Online"),
    ("digitised", "Dossiers Digitised at Receipt"),
    ("e_result", "Results Issued Electronically"),
    ("reuse", "Dossiers Reusing Digitised Data"),
    ("satisfaction", "Satisfied Ratings"),
    ("feedback_on_time", "Complaints Answered On Time"),
    ("feedback_accepted", "Complaints Answered Without Dissatisfaction"),
    ("manual", "Entered by Hand"),
]


def rate(numerator, denominator):
    """Percent, or None when there is nothing to measure (no data is not 0 %)."""
    if not denominator:
        return None
    return round(100.0 * numerator / denominator, 2)


def points(value, max_points, target=100.0):
    """Points of an indicator: in proportion to the rate, full from the
    target on. None (no data) gives None: the caller decides."""
    if value is None:
        return None
    if max_points <= 0:
        return 0.0
    target = target if target and target > 0 else 100.0
    share = min(max(value, 0.0) / target, 1.0)
    return round(max_points * share, 2)


def total(rows):
    """Total of ``(group, points, max_points)`` rows: points per group and in
    all, and the maximum they could reach. Rows without points (no data) are
    left out of both, so an agency is not marked down for what it had no
    occasion to do."""
    groups = {}
    grand = 0.0
    reachable = 0.0
    for group, got, maximum in rows:
        if got is None:
            continue
        entry = groups.setdefault(group, [0.0, 0.0])
        entry[0] += got
        entry[1] += maximum
        grand += got
        reachable += maximum
    return {
        "points": round(grand, 2),
        "reachable": round(reachable, 2),
        "groups": {g: (round(p, 2), round(m, 2)) for g, (p, m) in groups.items()},
    }


def band(score, bands):
    """The label of ``score`` among ``bands`` ``[(minimum, label), ...]``."""
    for minimum, label in sorted(bands, reverse=True):
        if score >= minimum:
            return label
    return None

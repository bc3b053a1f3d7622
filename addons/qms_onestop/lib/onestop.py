"""Pure calculations of the one-stop desk.

No Odoo import: the static tests and the benchmarks use it directly. Datetimes are
naive *local* datetimes of the agency handling the dossier.
"""

import datetime as dt

TIMELINESS = ("early", "on_time", "late")


def classify(done, due):
    """Timeliness of a result (or a step) finished at ``done`` against ``due``.

    ``late`` after the due moment; ``on_time`` on the due day itself; ``early``
    on an earlier day. The same rule serves dossiers and steps (a published
    implementation classifies steps the same way).
    """
    if done is None or due is None:
        return False
    if done > due:
        return "late"
    if done.date() == due.date():
        return "on_time"
    return "early"


def resumed_clock(
    cal,
    mode,
    stopped_at,
    resumed_at,
    due,
    amount,
    uom,
    start_offset=1,
    same_day_cutoff=None,
    normalize=True,
):
    """The legal clock once the applicant supplied what was asked.

    :param cal: the agency's :class:`WorkCalendar` (``lib/workdays.py`` of the
        core); moments are its local naive datetimes.
    :param mode: ``restart`` (the full time limit ``amount`` ``uom`` runs again
        from ``resumed_at``) or ``pause`` (the working time that was left
        between ``stopped_at`` and ``due`` resumes at ``resumed_at``; a limit in
        whole days still ends at the close of a day).
    :param start_offset, same_day_cutoff, normalize: the counting rule in force
        at ``resumed_at``, as for the receipt.
    :returns: (new due moment, working hours the clock stood still); the step
        that waited gets the latter back.
    """
    waited = max(cal.working_hours_between(stopped_at, resumed_at), 0.0)
    if mode == "restart":
        new_due = cal.deadline(
            resumed_at,
            amount,
            uom,
            start_offset=start_offset,
            same_day_cutoff=same_day_cutoff,
            normalize=normalize,
        )
    elif mode == "pause":
        remaining = max(cal.working_hours_between(stopped_at, due), 0.0)
        new_due = cal.deadline(resumed_at, remaining, "hour", normalize=normalize)
        if uom == "day" and remaining:
            new_due = cal.closing(new_due.date())
    else:
        raise ValueError(f"unknown clock mode {mode!r}")
    return new_due, waited


def is_on_time(timeliness):
    return timeliness in ("early", "on_time")


def mask(value, keep=4, char="*"):
    """``value`` with all but its last ``keep`` characters hidden."""
    value = (value or "").strip()
    if not value:
        return ""
    if len(value) <= keep:
        return char * len(value)
    return char * (len(value) - keep) + value[-keep:]


def mask_email(value, char="*"):
    """``t***@example.com``: the first letter and the domain stay."""
    value = (value or "").strip()
    if "@" not in value:
        return mask(value, 2, char)
    local, domain = value.split("@", 1)
    return f"{local[:1]}{char * 3}@{domain}"


def mask_text(value, char="*"):
    """An address or name reduced to its first word."""
    value = (value or "").strip()
    if not value:
        return ""
    first = value.split()[0]
    return f"{first} {char * 3}" if len(value) > len(first) else first


def pick_assignee(candidates, rule, open_counts=None, last_assigned=None):
    """The officer who gets a new step.

    :param candidates: user ids allowed to perform the step, in a stable order.
    :param rule: ``least_loaded`` (fewest open steps, then the one served
        longest ago) or ``round_robin`` (the one served longest ago; never
        served comes first).
    :param open_counts: {user id: open steps}.
    :param last_assigned: {user id: datetime of the last assignment}.
    """
    if not candidates:
        return None
    open_counts = open_counts or {}
    last_assigned = last_assigned or {}
    never = dt.datetime.min

    def served(uid):
        return last_assigned.get(uid) or never

    if rule == "round_robin":
        key = lambda uid: (served(uid), candidates.index(uid))  # noqa: E731
    elif rule == "least_loaded":
        key = lambda uid: (  # noqa: E731
            open_counts.get(uid, 0),
            served(uid),
            candidates.index(uid),
        )
    else:
        raise ValueError(f"unknown assignment rule {rule!r}")
    return min(candidates, key=key)


def tally(groups):
    """On-time figures of finished dossiers: the one rule of every dashboard,
    quality indicator, management review and DOST report.

    :param groups: ``(timeliness, count, days_sum, days_count)`` tuples, as a
        ``read_group`` by timeliness gives them (``days_count``: the dossiers
        of the group with a processing time). Unfinished dossiers (no
        timeliness) are left out.
    :returns: ``finished``; ``early``, ``on_time_only`` (on the due day) and
        ``late`` counts; ``on_time`` = early + on the due day; ``on_time_rate``
        in percent (None when nothing finished: no data is not 0 %);
        ``average_days`` over the finished dossiers with a processing time.
    """
    counts = {key: 0 for key in TIMELINESS}
    days_sum = 0.0
    days_count = 0
    for timeliness, count, group_days_sum, group_days_count in groups:
        if timeliness not in counts:
            continue
        counts[timeliness] += count
        days_sum += group_days_sum or 0.0
        days_count += group_days_count or 0
    finished = sum(counts.values())
    on_time = counts["early"] + counts["on_time"]
    return {
        "finished": finished,
        "early": counts["early"],
        "on_time_only": counts["on_time"],
        "late": counts["late"],
        "on_time": on_time,
        "on_time_rate": round(100.0 * on_time / finished, 2) if finished else None,
        "average_days": round(days_sum / days_count, 2) if days_count else None,
    }


def summarize(rows):
    """:func:`tally` of dossiers given one by one as ``(state, timeliness,
    working_days)`` tuples, with the count per state."""
    states = {}
    groups = []
    for state, timeliness, working_days in rows:
        states[state] = states.get(state, 0) + 1
        groups.append(
            (
                timeliness,
                1,
                working_days or 0.0,
                0 if working_days is None else 1,
            )
        )
    return {"states": states, **tally(groups)}

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


def summarize(rows):
    """KPIs of dossiers given as ``(state, timeliness, working_days)`` tuples.

    Finished = result ready or returned (or refused after processing) with a
    timeliness. On-time rate = (early + on time) / finished, None when nothing
    finished; average processing time over finished dossiers with a duration.
    """
    counts = {key: 0 for key in TIMELINESS}
    states = {}
    days = []
    for state, timeliness, working_days in rows:
        states[state] = states.get(state, 0) + 1
        if timeliness in counts:
            counts[timeliness] += 1
            if working_days is not None:
                days.append(working_days)
    finished = sum(counts.values())
    return {
        "states": states,
        "finished": finished,
        **counts,
        "on_time_rate": (
            round(100.0 * (counts["early"] + counts["on_time"]) / finished, 2)
            if finished
            else None
        ),
        "average_days": round(sum(days) / len(days), 2) if days else None,
    }

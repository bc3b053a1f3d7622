"""Pure calculations of the one-stop desk (no Odoo)."""

import datetime as dt

import pytest

from conftest import load_lib


@pytest.fixture(scope="module")
def onestop():
    return load_lib("onestop", "qms_onestop")


def test_classify(onestop):
    due = dt.datetime(2026, 3, 5, 17, 0)
    assert onestop.classify(dt.datetime(2026, 3, 3, 11, 0), due) == "early"
    assert onestop.classify(dt.datetime(2026, 3, 5, 8, 0), due) == "on_time"
    assert onestop.classify(due, due) == "on_time"
    assert onestop.classify(dt.datetime(2026, 3, 5, 17, 1), due) == "late"
    assert onestop.classify(None, due) is False
    assert onestop.is_on_time("early") and not onestop.is_on_time("late")


def test_masks(onestop):
    assert onestop.mask("038090001234") == "********1234"
    assert onestop.mask("123") == "***"
    assert onestop.mask("") == ""
    assert onestop.mask("0912345678", 3) == "*******678"
    assert onestop.mask_email("an.nguyen@example.vn") == "a***@example.vn"
    assert onestop.mask_text("12 Lê Lợi, Hạc Thành") == "12 ***"


def test_pick_assignee(onestop):
    t = dt.datetime(2026, 3, 2, 9, 0)
    counts = {1: 3, 2: 1, 3: 1}
    last = {2: t, 3: t - dt.timedelta(hours=1)}
    assert onestop.pick_assignee([1, 2, 3], "least_loaded", counts, last) == 3
    assert onestop.pick_assignee([1, 2, 3], "round_robin", counts, last) == 1
    assert onestop.pick_assignee([2, 3], "round_robin", counts, last) == 3
    assert onestop.pick_assignee([], "round_robin") is None
    with pytest.raises(ValueError):
        onestop.pick_assignee([1], "lottery")


def test_summarize(onestop):
    rows = [
        ("returned", "early", 1.25),
        ("returned", "on_time", 3.69),
        ("result_ready", "late", 4.0),
        ("refused", "early", 0.56),
        ("withdrawn", False, None),
        ("in_progress", False, None),
    ]
    kpi = onestop.summarize(rows)
    assert kpi["finished"] == 4
    assert kpi["on_time_rate"] == 75.0
    assert kpi["average_days"] == pytest.approx(2.375, abs=0.006)
    assert kpi["states"]["returned"] == 2
    assert onestop.summarize([])["on_time_rate"] is None


def test_tally_is_the_rule_of_summarize(onestop):
    # As a read_group by timeliness gives it: (timeliness, count, days sum,
    # dossiers with a processing time).
    figures = onestop.tally(
        [("early", 2, 1.81, 2), ("on_time", 1, 3.69, 1), ("late", 1, 4.0, 1)]
    )
    assert (figures["early"], figures["on_time_only"], figures["late"]) == (2, 1, 1)
    assert figures["on_time"] == 3 and figures["finished"] == 4
    assert figures["on_time_rate"] == 75.0
    assert figures["average_days"] == pytest.approx(2.375, abs=0.006)
    # A finished dossier without a processing time counts in the rate only.
    assert onestop.tally([("early", 1, 0.0, 0), ("late", 1, 2.0, 1)])[
        "average_days"
    ] == pytest.approx(2.0)
    assert onestop.tally([(False, 5, 0.0, 0)])["on_time_rate"] is None
    one_by_one = onestop.summarize(
        [("returned", "early", 1.25), ("returned", "early", 0.56), ("x", "late", None)]
    )
    assert one_by_one["average_days"] == pytest.approx(0.905, abs=0.006)
    assert one_by_one["on_time"] == 2 and one_by_one["on_time_rate"] == 66.67


def test_resumed_clock(onestop, workdays):
    """Checked by hand: Mon-Fri 08:00-12:00 and 13:00-17:00; a 3-day procedure
    received Mon 2 March 2026 09:00 is due Thu 5 March 17:00; the clock stops
    Wed 4 March 16:00 and the applicant supplies Mon 9 March 14:00."""
    sessions = {w: [(8, 12), (13, 17)] for w in range(5)}
    cal = workdays.WorkCalendar(dt.date(2026, 1, 1), dt.date(2026, 12, 31), sessions)
    at = dt.datetime
    stopped, resumed, due = at(2026, 3, 4, 16), at(2026, 3, 9, 14), at(2026, 3, 5, 17)
    assert cal.deadline(at(2026, 3, 2, 9), 3) == due
    # Pause: 9 h were left (Wed 1 h, Thu 8 h): Mon 3 h, then Tue 08:00-15:00;
    # a limit in days ends at the close of that day. Waited: 1 + 8 + 8 + 5 h.
    assert onestop.resumed_clock(cal, "pause", stopped, resumed, due, 3, "day") == (
        at(2026, 3, 10, 17),
        22.0,
    )
    # Restart: the 3 days run again from the next working day (Tue-Thu).
    assert onestop.resumed_clock(cal, "restart", stopped, resumed, due, 3, "day") == (
        at(2026, 3, 12, 17),
        22.0,
    )
    # A limit in hours resumes to the minute.
    assert onestop.resumed_clock(cal, "pause", stopped, resumed, due, 16, "hour")[
        0
    ] == at(2026, 3, 10, 15)
    # Stopped after the due date, nothing was left: due at once. Waited: Fri
    # 09:00-17:00 (7 h) and Mon until 14:00 (5 h).
    late = onestop.resumed_clock(
        cal, "pause", at(2026, 3, 6, 9), resumed, due, 3, "day"
    )
    assert late == (resumed, 12.0)
    with pytest.raises(ValueError):
        onestop.resumed_clock(cal, "freeze", stopped, resumed, due, 3, "day")


def test_service_index_scoring():
    si = load_lib("service_index", "qms_onestop")

    assert si.rate(0, 0) is None
    assert si.rate(1, 3) == 33.33
    # Proportional up to the target, full from it on.
    assert si.points(50.0, 20) == 10.0
    assert si.points(95.0, 20, target=95) == 20.0
    assert si.points(120.0, 4) == 4.0
    assert si.points(None, 4) is None
    result = si.total([("a", 10.0, 20), ("a", None, 4), ("b", 18.0, 18)])
    assert result == {
        "points": 28.0,
        "reachable": 38.0,
        "groups": {"a": (10.0, 20.0), "b": (18.0, 18.0)},
    }
    bands = [(90, "excellent"), (50, "average"), (0, "weak")]
    assert si.band(92, bands) == "excellent"
    assert si.band(49.9, bands) == "weak"

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

"""KPI arithmetic of the quality system (pure Python)."""

import datetime as dt

import pytest

from conftest import load_lib

D = dt.date


@pytest.fixture(scope="module")
def kpi():
    return load_lib("kpi")


def test_period_of(kpi):
    assert kpi.period_of("quarterly", D(2026, 5, 10)) == (D(2026, 4, 1), D(2026, 6, 30))
    assert kpi.period_of("semester", D(2026, 7, 1)) == (D(2026, 7, 1), D(2026, 12, 31))
    assert kpi.period_of("monthly", D(2028, 2, 3)) == (D(2028, 2, 1), D(2028, 2, 29))
    assert kpi.period_of("yearly", D(2026, 3, 3)) == (D(2026, 1, 1), D(2026, 12, 31))
    assert kpi.period_of("weekly", D(2026, 11, 25)) == (
        D(2026, 11, 23),
        D(2026, 11, 29),
    )
    with pytest.raises(ValueError):
        kpi.period_of("daily", D(2026, 1, 1))


def test_periods_stop_at_today_and_clip(kpi):
    got = kpi.periods("quarterly", D(2026, 2, 15), D(2026, 12, 31), D(2026, 7, 2))
    assert got == [(D(2026, 2, 15), D(2026, 3, 31)), (D(2026, 4, 1), D(2026, 6, 30))]
    assert kpi.periods("yearly", D(2026, 1, 1), D(2026, 12, 31), D(2026, 12, 30)) == []


def test_ratio_and_traffic_light(kpi):
    assert kpi.ratio(1, 3) == 33.33
    assert kpi.ratio(0, 0) is None
    assert kpi.traffic_light([]) == kpi.GREY
    assert kpi.traffic_light([None, None]) == kpi.GREY
    assert kpi.traffic_light([True, None]) == kpi.AMBER
    assert kpi.traffic_light([True, True], overdue_actions=1) == kpi.AMBER
    assert kpi.traffic_light([True, False]) == kpi.RED
    assert kpi.traffic_light([True, True]) == kpi.GREEN


def test_bands(kpi):
    bands = [(1, 4, "low"), (5, 9, "medium"), (10, 25, "high")]
    assert kpi.band(4, bands) == "low"
    assert kpi.band(12, bands) == "high"
    assert kpi.band(30, bands) is None
    assert kpi.check_bands(bands) == []
    assert kpi.check_bands(bands + [(8, 11, "clash")]) == [
        ("medium", "clash"),
        ("clash", "high"),
    ]

"""The working-day engine (pure Python), checked against Vietnam's real calendar."""

import datetime as dt
import re

import numpy as np
import pytest

from conftest import load_lib

D = dt.date
T = dt.datetime


def test_vn_holidays_kinds():
    vn = load_lib("vn_holidays")
    rows = {d: kind for d, _n, kind in vn.vietnam_days([2025, 2026, 2027])}
    # Tết 2026: 16-20 Feb, statutory.
    for day in range(16, 21):
        assert rows[D(2026, 2, day)] == vn.HOLIDAY
    # 2026 National Day swap: Mon 31 Aug off, Sat 22 Aug worked.
    assert rows[D(2026, 8, 31)] == vn.COMPENSATORY_OFF
    assert rows[D(2026, 8, 22)] == vn.EXTRA_WORKING_DAY
    # 2025 swap: Fri 2 May off, Sat 26 Apr worked.
    assert rows[D(2025, 5, 2)] == vn.COMPENSATORY_OFF
    assert rows[D(2025, 4, 26)] == vn.EXTRA_WORKING_DAY
    # Hùng Kings 2026 on a Sunday: observed Monday 27 April.
    assert rows[D(2026, 4, 26)] == vn.HOLIDAY
    assert rows[D(2026, 4, 27)] == vn.COMPENSATORY_OFF
    # Vietnam Culture Day from 2026 (the package's current data).
    assert rows[D(2026, 11, 24)] == vn.HOLIDAY
    assert D(2025, 11, 24) not in rows
    # Tết 2027: 4-10 Feb.
    for day in range(4, 11):
        assert D(2027, 2, day) in rows


def test_is_working_day(vn_calendar):
    cal = vn_calendar
    assert cal.is_working_day(D(2026, 11, 23))  # Monday
    assert not cal.is_working_day(D(2026, 11, 24))  # Culture Day
    assert not cal.is_working_day(D(2026, 11, 28))  # Saturday
    assert cal.is_working_day(D(2026, 8, 22))  # make-up Saturday
    assert not cal.is_working_day(D(2026, 8, 31))  # swapped Monday off


def test_add_working_days_over_tet(vn_calendar):
    cal = vn_calendar
    # Fri 13 Feb 2026 + 1 working day: Tết 16-20 Feb and the weekends -> Mon 23 Feb.
    assert cal.add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 23)
    assert cal.add_working_days(D(2026, 2, 13), 5) == D(2026, 2, 27)
    # Backwards over Tết.
    assert cal.add_working_days(D(2026, 2, 23), -1) == D(2026, 2, 13)
    # n = 0: the day itself if worked, else the next working day.
    assert cal.add_working_days(D(2026, 2, 17), 0) == D(2026, 2, 23)
    assert cal.add_working_days(D(2026, 2, 23), 0) == D(2026, 2, 23)


def test_year_boundary(vn_calendar):
    cal = vn_calendar
    # Thu 31 Dec 2026 + 1: Fri 1 Jan 2027 is New Year -> Mon 4 Jan 2027.
    assert cal.next_working_day(D(2026, 12, 31)) == D(2027, 1, 4)
    assert cal.previous_working_day(D(2027, 1, 4)) == D(2026, 12, 31)
    assert cal.working_days_between(D(2026, 12, 30), D(2027, 1, 5)) == 3


def test_swap_both_sides(vn_calendar):
    cal = vn_calendar
    # Fri 21 Aug 2026 + 1 = Sat 22 Aug (make-up day), + 2 = Tue 25 Aug ... with
    # 31 Aug, 1 and 2 Sep off, 3 Sep is next after 28 Aug.
    assert cal.add_working_days(D(2026, 8, 21), 1) == D(2026, 8, 22)
    assert cal.add_working_days(D(2026, 8, 28), 1) == D(2026, 9, 3)
    days = cal.working_days_in(D(2026, 8, 20), D(2026, 9, 4))
    assert D(2026, 8, 22) in days and D(2026, 8, 31) not in days


def test_deadline_counts_from_next_working_day(vn_calendar):
    cal = vn_calendar
    # Received Mon 23 Nov 2026 09:00, 3 working days: 24 Nov is Culture Day,
    # so Wed 25, Thu 26, Fri 27 -> due Fri 27 Nov 17:00.
    assert cal.deadline(T(2026, 11, 23, 9, 0), 3) == T(2026, 11, 27, 17, 0)
    # The receipt day counts when start_offset = 0.
    assert cal.deadline(T(2026, 11, 23, 9, 0), 3, start_offset=0) == T(
        2026, 11, 26, 17, 0
    )


def test_receipt_outside_hours(vn_calendar):
    cal = vn_calendar
    # Online on Saturday night: counts from Monday's opening.
    assert cal.normalize_receipt(T(2026, 11, 21, 22, 0)) == T(2026, 11, 23, 7, 30)
    # Before opening: same day opening. After closing: next working day.
    assert cal.normalize_receipt(T(2026, 11, 23, 6, 0)) == T(2026, 11, 23, 7, 30)
    assert cal.normalize_receipt(T(2026, 11, 23, 18, 0)) == T(2026, 11, 25, 7, 30)
    # Lunch break is still office hours.
    assert cal.normalize_receipt(T(2026, 11, 23, 12, 0)) == T(2026, 11, 23, 12, 0)
    # 1 working day, received after closing Mon 23 Nov: counts from Wed 25,
    # so due Thu 26 Nov at closing.
    assert cal.deadline(T(2026, 11, 23, 18, 0), 1) == T(2026, 11, 26, 17, 0)


def test_same_day_cutoff(vn_calendar):
    cal = vn_calendar
    cutoff = dt.time(15, 0)
    assert cal.deadline(T(2026, 11, 23, 14, 59), 0, same_day_cutoff=cutoff) == T(
        2026, 11, 23, 17, 0
    )
    # After the cut-off: next working day (24 Nov is off) -> 25 Nov.
    assert cal.deadline(T(2026, 11, 23, 15, 1), 0, same_day_cutoff=cutoff) == T(
        2026, 11, 25, 17, 0
    )
    # Float hour works as well.
    assert cal.deadline(T(2026, 11, 23, 15, 30), 0, same_day_cutoff=15.5) == T(
        2026, 11, 23, 17, 0
    )


def test_hours_and_half_days(vn_calendar):
    cal = vn_calendar
    # 4 working hours from Mon 10:00: 10:00-11:30 (1.5 h) + 13:00-15:30.
    assert cal.add_working_hours(T(2026, 11, 23, 10, 0), 4) == T(2026, 11, 23, 15, 30)
    # 8 h from Mon 10:00 jumps over Culture Day: ends Wed 25 at 10:00.
    assert cal.add_working_hours(T(2026, 11, 23, 10, 0), 8) == T(2026, 11, 25, 10, 0)
    # A half-day limit = 4 working hours (a day is 8 h here).
    assert cal.deadline(T(2026, 11, 23, 10, 0), 0.5) == T(2026, 11, 23, 15, 30)
    assert cal.deadline(T(2026, 11, 23, 10, 0), 4, uom="hour") == T(
        2026, 11, 23, 15, 30
    )
    # Ending exactly at a session's end stays there.
    assert cal.add_working_hours(T(2026, 11, 23, 7, 30), 4) == T(2026, 11, 23, 11, 30)


def test_elapsed_with_clock_stops(vn_calendar):
    cal = vn_calendar
    start, end = T(2026, 11, 23, 8, 0), T(2026, 11, 27, 16, 0)
    # Mon 8:00-17:00 = 7.5 h; Wed, Thu = 16 h; Fri until 16:00 = 7 h.
    assert cal.working_hours_between(start, end) == 30.5
    # Pauses covering Wed and Thu (overlapping intervals count once).
    pauses = [
        (T(2026, 11, 25, 7, 0), T(2026, 11, 26, 12, 0)),
        (T(2026, 11, 26, 9, 0), T(2026, 11, 26, 20, 0)),
    ]
    assert cal.working_hours_between(start, end, pauses) == 14.5
    # A pause still running (end None) runs to the end of the interval.
    assert (
        cal.working_hours_between(start, end, [(T(2026, 11, 27, 8, 0), None)]) == 24.0
    )
    assert cal.working_hours_between(end, start) == -30.5


def test_range_errors(workdays, vn_calendar):
    with pytest.raises(workdays.CalendarRangeError):
        vn_calendar.is_working_day(D(2030, 1, 1))
    with pytest.raises(workdays.CalendarRangeError):
        vn_calendar.add_working_days(D(2027, 12, 30), 10)
    with pytest.raises(ValueError):
        workdays.WorkCalendar(D(2026, 1, 1), D(2026, 12, 31), {})
    with pytest.raises(ValueError):
        workdays.WorkCalendar(D(2026, 1, 1), D(2026, 12, 31), {0: [(9, 8)]})


def test_agencies_with_different_days_off(workdays):
    sessions = {w: [(8, 12), (13, 17)] for w in range(5)}
    plain = workdays.WorkCalendar(D(2026, 1, 1), D(2026, 12, 31), sessions)
    closed = workdays.WorkCalendar(
        D(2026, 1, 1), D(2026, 12, 31), sessions, days_off=[D(2026, 6, 1)]
    )
    assert plain.add_working_days(D(2026, 5, 29), 1) == D(2026, 6, 1)
    assert closed.add_working_days(D(2026, 5, 29), 1) == D(2026, 6, 2)


def test_batches_match_scalars(vn_calendar):
    cal = vn_calendar
    rng = np.random.default_rng(7)
    base = np.datetime64("2025-01-01")
    days = base + rng.integers(0, 700, 500).astype("timedelta64[D]")
    n = rng.integers(-15, 30, 500)
    got = cal.add_working_days_batch(days, n)
    for d, k, g in zip(days.tolist(), n.tolist(), got.tolist(), strict=True):
        assert cal.add_working_days(d, k) == g
    work = cal.is_working_day_batch(days)
    assert work.tolist() == [cal.is_working_day(d) for d in days.tolist()]
    starts = days.astype("datetime64[s]") + rng.integers(0, 86400, 500).astype(
        "timedelta64[s]"
    )
    ends = starts + rng.integers(0, 86400 * 20, 500).astype("timedelta64[s]")
    secs = cal.working_seconds_between_batch(starts, ends)
    for s, e, g in zip(starts.tolist(), ends.tolist(), secs.tolist(), strict=True):
        assert cal.working_seconds_between(s, e) == g


def test_position_roundtrip(vn_calendar):
    cal = vn_calendar
    moment = T(2026, 11, 23, 9, 45)
    assert cal.moment_at(cal.position(moment)) == moment
    # A moment in the lunch break maps to the end of the morning session.
    assert cal.moment_at(cal.position(T(2026, 11, 23, 12, 15))) == T(
        2026, 11, 23, 11, 30
    )


def test_procedure_tools():
    tools = load_lib("procedure_tools")
    steps = [
        {"name": "Tiếp nhận", "unit": "Một cửa", "duration": 4, "uom": "hour"},
        {"name": "Thẩm định", "unit": "Tư pháp", "duration": 1.5, "uom": "day"},
    ]
    assert tools.total_hours(steps, 8) == 16
    old = [dict(s, sequence=i) for i, s in enumerate(steps)]
    new = [
        dict(old[1], duration=1),
        {"name": "Ký", "unit": "Lãnh đạo", "duration": 1, "uom": "day", "sequence": 2},
    ]
    changes = tools.diff_steps(old, new)
    assert ("removed", "Tiếp nhận") in changes
    assert ("added", "Ký") in changes
    assert any(k == "changed" and "duration: 1.5 → 1" in t for k, t in changes)
    assert tools.diff_texts(
        {"purpose": "a", "scope": "b"}, {"purpose": "a", "scope": "c"}
    ) == ["scope"]
    svg = tools.flowchart_svg(
        [dict(s, label="x") for s in steps]
        + [{"name": "Trả <kết quả>", "unit": "Một cửa", "label": "1 giờ"}]
    )
    assert svg.startswith("<svg") and svg.count("<rect") == 2 + 3  # 2 lanes + 3 steps
    assert "Trả &lt;kết quả&gt;" in svg and svg.count("marker-end") == 2
    # Long names wrap onto lines instead of being cut: every word is drawn.
    name = (
        "Thẩm định hồ sơ, xác minh (nếu cần), dự thảo kết quả và trình lãnh đạo "
        "phòng xem xét"
    )
    svg = tools.flowchart_svg(
        [{"name": name, "unit": "Phòng Tư pháp", "label": "2 ngày"}]
    )
    drawn = " ".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg))
    assert "…" not in drawn
    assert drawn.split(" ", 1)[1].endswith(name)
    assert all(len(line) <= 30 for line in tools.wrap(name, 30, 5))
    assert tools.wrap("a " * 200, 30, 2)[-1].endswith("…")


def test_tthc_import_parser():
    imp = load_lib("tthc_import")
    assert imp.parse_deadline("03 ngày làm việc") == (3.0, "day", False)
    assert imp.parse_deadline("Trong ngày") == (0.0, "day", True)
    assert imp.parse_deadline("4 giờ làm việc kể từ khi nhận đủ hồ sơ") == (
        4.0,
        "hour",
        False,
    )
    assert imp.parse_deadline("0,5 ngày") == (0.5, "day", False)
    assert imp.parse_deadline("theo quy định") is None
    assert imp.parse_levels("Cấp Tỉnh, Cấp Xã") == ["province", "commune"]
    assert imp.parse_online("Dịch vụ công trực tuyến toàn trình") == "full"
    assert imp.parse_legal(
        "Luật Hộ tịch số 60/2014/QH13; Nghị định 123/2015/NĐ-CP; 60/2014/QH13"
    ) == ["60/2014/QH13", "123/2015/NĐ-CP"]
    rows = [
        ["Mã thủ tục", "Tên thủ tục", "Thời hạn giải quyết", "Lĩnh vực"],
        ["1.001193", "Đăng ký khai sinh", "Trong ngày", "Hộ tịch"],
        ["1.00119", "Sai mã", "3 ngày", ""],
        ["1.001193", "Trùng", "3 ngày", ""],
        ["1.004873", "", "không rõ", ""],
        ["", "", "", ""],
    ]
    values, errors = imp.parse_rows(rows)
    assert [v["code"] for _n, v in values] == ["1.001193"]
    assert {n for n, _e in errors} == {3, 4, 5}
    assert any("repeats row 2" in imp.message(e) for _n, e in errors)
    assert [imp.message(e) for _n, e in imp.parse_rows([["Tên thủ tục"]])[1]] == [
        "missing column(s): code, deadline"
    ]


def test_deadline_batch_equals_scalar(vn_calendar):
    """The vectorised deadline gives the scalar answer for every kind of limit:
    whole days, fractions, same day (with a cut-off), hours, odd receipt times
    (before opening, lunch, after closing, days off, Tết)."""
    import numpy as np

    rng = np.random.default_rng(2026)
    start = dt.datetime(2025, 1, 1)
    moments = [
        start + dt.timedelta(minutes=int(m)) for m in rng.integers(0, 2 * 525600, 3000)
    ]
    moments += [
        dt.datetime(2026, 2, 16, 9),  # Tết
        dt.datetime(2026, 3, 6, 17, 0),  # closing time
        dt.datetime(2026, 3, 7, 10),  # Saturday
        dt.datetime(2026, 3, 2, 7, 0),  # before opening
        dt.datetime(2026, 3, 2, 12, 0),  # lunch
    ]
    received = np.array(moments, dtype="datetime64[s]")
    pools = (("day", [0, 0.5, 1, 3, 5, 7, 15, 30]), ("hour", [0, 2, 4, 8, 40]))
    for uom, pool in pools:
        amounts = rng.choice(pool, len(moments))
        for offset in (0, 1):
            for cutoff, normalize in ((None, True), (15.5, True), (None, False)):
                got = vn_calendar.deadline_batch(
                    received, amounts, uom, offset, cutoff, normalize
                )
                want = [
                    vn_calendar.deadline(m, a, uom, offset, cutoff, normalize)
                    for m, a in zip(moments, amounts.tolist(), strict=True)
                ]
                assert got.astype("datetime64[s]").tolist() == want, (uom, offset)
    assert vn_calendar.normalize_receipt_batch(received).tolist() == [
        vn_calendar.normalize_receipt(m) for m in moments
    ]

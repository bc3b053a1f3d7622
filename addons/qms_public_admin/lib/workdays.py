# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Working-day arithmetic for Vietnamese state agencies.

Pure Python + numpy: no Odoo import, so the static tests and the benchmarks use it
directly. Everything with a legal number in it (which days are off, office hours,
when counting starts, the same-day cut-off) comes in as data; this module only does
arithmetic on it.

All datetimes here are *naive local* datetimes of the agency (the Odoo wrapper converts
from and to UTC). Working time is counted in seconds inside the day's sessions
(e.g. 07:30-11:30 and 13:00-17:00), so half days and hours come out right.

A :class:`WorkCalendar` is built once for a range of days; each query is O(1) or
O(log n) (a bisection on prefix sums), and the ``*_batch`` methods take numpy arrays.
"""

import bisect
import datetime as dt

import numpy as np

DAY_SECONDS = 86400


class CalendarRangeError(ValueError):
    """A date outside the range the calendar was built for."""


def _as_seconds(value):
    """Seconds since midnight of a ``datetime.time``, or a float number of hours."""
    if isinstance(value, dt.time):
        return value.hour * 3600 + value.minute * 60 + value.second
    return round(float(value) * 3600)


class WorkCalendar:
    """Working days and working time of one agency calendar over a range of days.

    :param first_day, last_day: the range (inclusive) the calendar answers for.
    :param weekly_sessions: mapping weekday (0 = Monday) -> iterable of
        ``(start, end)`` sessions, each a ``datetime.time`` or a float hour
        (7.5 = 07:30). A weekday with no session is a weekly rest day.
    :param days_off: dates not worked although their weekday is (public holidays,
        compensatory days off, swapped days off). They win over everything.
    :param extra_workdays: dates worked although their weekday is a rest day
        (make-up working days of a day swap). They use ``extra_day_sessions``, by
        default the sessions of the first working weekday.
    """

    def __init__(
        self,
        first_day,
        last_day,
        weekly_sessions,
        days_off=(),
        extra_workdays=(),
        extra_day_sessions=None,
    ):
        if last_day < first_day:
            raise ValueError("last_day must not be before first_day")
        patterns = {}
        for weekday in range(7):
            sessions = sorted(
                (_as_seconds(s), _as_seconds(e))
                for s, e in (weekly_sessions.get(weekday) or ())
            )
            for start, end in sessions:
                if not 0 <= start < end <= DAY_SECONDS:
                    raise ValueError(
                        f"invalid session {start}-{end} on weekday {weekday}"
                    )
            for (_s1, e1), (s2, _e2) in zip(sessions, sessions[1:], strict=False):
                if s2 < e1:
                    raise ValueError(f"overlapping sessions on weekday {weekday}")
            patterns[weekday] = tuple(sessions)
        working_weekdays = [w for w in range(7) if patterns[w]]
        if not working_weekdays:
            raise ValueError("a calendar needs at least one working weekday")
        if extra_day_sessions is None:
            extra_pattern = patterns[working_weekdays[0]]
        else:
            extra_pattern = tuple(
                sorted((_as_seconds(s), _as_seconds(e)) for s, e in extra_day_sessions)
            )
        self.first_day = first_day
        self.last_day = last_day
        self._base = first_day.toordinal()
        n = last_day.toordinal() - self._base + 1
        self._n = n
        days_off = {d.toordinal() - self._base for d in days_off}
        extra = {d.toordinal() - self._base for d in extra_workdays}
        width = max([len(p) for p in patterns.values()] + [len(extra_pattern), 1])
        sess_start = np.zeros((n, width), dtype=np.int64)
        sess_end = np.zeros((n, width), dtype=np.int64)
        day_patterns = []
        first_weekday = first_day.weekday()
        for i in range(n):
            if i in days_off:
                pattern = ()
            elif i in extra:
                pattern = extra_pattern
            else:
                pattern = patterns[(first_weekday + i) % 7]
            day_patterns.append(pattern)
            for k, (start, end) in enumerate(pattern):
                sess_start[i, k] = start
                sess_end[i, k] = end
        self._day_patterns = day_patterns
        self._sess_start = sess_start
        self._sess_end = sess_end
        day_secs = (sess_end - sess_start).sum(axis=1)
        work = day_secs > 0
        self._work_np = work
        self._cum_days_np = np.concatenate(([0], np.cumsum(work, dtype=np.int64)))
        self._cum_secs_np = np.concatenate(([0], np.cumsum(day_secs, dtype=np.int64)))
        self._workdays_np = np.flatnonzero(work)
        # Python lists for fast scalar queries (numpy scalar indexing is slow).
        self._work = work.tolist()
        self._cum_days = self._cum_days_np.tolist()
        self._cum_secs = self._cum_secs_np.tolist()
        self._workdays = self._workdays_np.tolist()
        self.standard_day_seconds = sum(e - s for s, e in patterns[working_weekdays[0]])

    # ------------------------------------------------------------------ helpers
    def _index(self, day):
        i = day.toordinal() - self._base
        if not 0 <= i < self._n:
            raise CalendarRangeError(
                f"{day.isoformat()} is outside the working-day calendar "
                f"({self.first_day.isoformat()} - {self.last_day.isoformat()})"
            )
        return i

    def _day(self, i):
        return dt.date.fromordinal(self._base + i)

    def _workday_at(self, k):
        """The k-th (0-based) working day of the range."""
        if not 0 <= k < len(self._workdays):
            raise CalendarRangeError(
                "the result falls outside the working-day calendar "
                f"({self.first_day.isoformat()} - {self.last_day.isoformat()})"
            )
        return self._workdays[k]

    def _at(self, i, seconds):
        return dt.datetime.combine(self._day(i), dt.time()) + dt.timedelta(
            seconds=seconds
        )

    # --------------------------------------------------------------- day queries
    def is_working_day(self, day):
        """True when ``day`` is a working day."""
        return self._work[self._index(day)]

    def add_working_days(self, day, n):
        """The n-th working day after ``day`` (``day`` itself not counted).

        ``n = 0`` gives ``day`` when it is a working day, else the next one;
        negative ``n`` counts backwards (the n-th working day before ``day``).
        """
        i = self._index(day)
        if n > 0:
            k = self._cum_days[i + 1] + n - 1
        elif n == 0:
            k = self._cum_days[i]
        else:
            k = self._cum_days[i] + n
        return self._day(self._workday_at(k))

    def next_working_day(self, day):
        """The first working day strictly after ``day``."""
        return self.add_working_days(day, 1)

    def previous_working_day(self, day):
        """The last working day strictly before ``day``."""
        return self.add_working_days(day, -1)

    def working_days_between(self, start, end):
        """Number of working days in the half-open interval (start, end]."""
        return (
            self._cum_days[self._index(end) + 1]
            - self._cum_days[self._index(start) + 1]
        )

    def working_days_in(self, start, end):
        """The working days of [start, end], as a list of dates."""
        i, j = self._index(start), self._index(end)
        lo = bisect.bisect_left(self._workdays, i)
        hi = bisect.bisect_right(self._workdays, j)
        return [self._day(k) for k in self._workdays[lo:hi]]

    # ------------------------------------------------------------ time queries
    def sessions(self, day):
        """The working sessions of ``day`` as (start, end) datetimes."""
        i = self._index(day)
        return [(self._at(i, s), self._at(i, e)) for s, e in self._day_patterns[i]]

    def opening(self, day):
        """Start of the first session of a working day."""
        i = self._index(day)
        return self._at(i, self._day_patterns[i][0][0]) if self._work[i] else None

    def closing(self, day):
        """End of the last session of a working day."""
        i = self._index(day)
        return self._at(i, self._day_patterns[i][-1][1]) if self._work[i] else None

    def position(self, moment):
        """Working seconds from the start of the range up to ``moment``."""
        i = self._index(moment.date())
        sec = moment.hour * 3600 + moment.minute * 60 + moment.second
        done = 0
        for start, end in self._day_patterns[i]:
            if sec <= start:
                break
            done += min(sec, end) - start
        return self._cum_secs[i] + done

    def moment_at(self, position):
        """Inverse of :meth:`position`: the earliest moment that many working
        seconds from the start of the range (an end of session when it falls on one)."""
        if position <= 0:
            i = self._workday_at(0)
            return self._at(i, self._day_patterns[i][0][0])
        j = bisect.bisect_left(self._cum_secs, position)
        if j >= len(self._cum_secs):
            raise CalendarRangeError(
                "the result falls outside the working-day calendar "
                f"({self.first_day.isoformat()} - {self.last_day.isoformat()})"
            )
        i = j - 1
        rest = position - self._cum_secs[i]
        for start, end in self._day_patterns[i]:
            if rest <= end - start:
                return self._at(i, start + rest)
            rest -= end - start
        raise AssertionError("unreachable: prefix sums and sessions disagree")

    def add_working_seconds(self, moment, seconds):
        """``moment`` moved forward by ``seconds`` of working time."""
        if seconds < 0:
            raise ValueError("seconds must not be negative")
        if seconds == 0:
            return moment
        return self.moment_at(self.position(moment) + seconds)

    def add_working_hours(self, moment, hours):
        """``moment`` moved forward by ``hours`` working hours (fractions allowed)."""
        return self.add_working_seconds(moment, round(hours * 3600))

    def working_seconds_between(self, start, end, pauses=()):
        """Working time between two moments, minus the clock-stop ``pauses``.

        ``pauses`` is an iterable of (start, end) moments (``end`` may be None for a
        pause still running: it runs until ``end``). Overlapping pauses count once.
        Negative when ``end`` is before ``start`` (no pause is subtracted then).
        """
        total = self.position(end) - self.position(start)
        if total <= 0:
            return total
        clipped = []
        for p_start, p_end in pauses:
            p_start = max(p_start, start)
            p_end = min(p_end or end, end)
            if p_end > p_start:
                clipped.append((p_start, p_end))
        clipped.sort()
        merged = []
        for p_start, p_end in clipped:
            if merged and p_start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], p_end))
            else:
                merged.append((p_start, p_end))
        for p_start, p_end in merged:
            total -= self.position(p_end) - self.position(p_start)
        return total

    def working_hours_between(self, start, end, pauses=()):
        return self.working_seconds_between(start, end, pauses) / 3600.0

    # ----------------------------------------------------------- receipt rules
    def normalize_receipt(self, moment):
        """The moment from which a dossier received at ``moment`` counts.

        Inside office hours (including a lunch break) it is ``moment``; before
        opening it is that day's opening; after closing or on a day off it is
        the opening of the next working day.
        """
        i = self._index(moment.date())
        if self._work[i]:
            sec = moment.hour * 3600 + moment.minute * 60 + moment.second
            pattern = self._day_patterns[i]
            if sec < pattern[0][0]:
                return self._at(i, pattern[0][0])
            if sec < pattern[-1][1]:
                return moment
        k = self._cum_days[i + 1]
        j = self._workday_at(k)
        return self._at(j, self._day_patterns[j][0][0])

    def deadline(
        self,
        received,
        amount,
        uom="day",
        start_offset=1,
        same_day_cutoff=None,
        normalize=True,
    ):
        """Due moment of a time limit counted from a receipt.

        :param amount: the limit; whole working days (``uom='day'``) end at the
            close of the last day; fractional days (0.5) and ``uom='hour'`` are
            counted in working time from the receipt moment.
        :param start_offset: 1 when counting starts the working day after the
            receipt (the general rule), 0 when the receipt day counts.
        :param same_day_cutoff: for ``amount == 0`` (same-day procedures): a
            ``datetime.time`` (or float hour); received after it, the result is due
            at the close of the next working day instead of the same day.
        :param normalize: apply :meth:`normalize_receipt` first.
        """
        if amount < 0:
            raise ValueError("a time limit must not be negative")
        start = self.normalize_receipt(received) if normalize else received
        if uom == "hour":
            return self.add_working_hours(start, amount)
        if uom != "day":
            raise ValueError(f"unknown unit {uom!r}")
        i = self._index(start.date())
        if amount == 0:
            late = (
                same_day_cutoff is not None
                and start.hour * 3600 + start.minute * 60 + start.second
                > _as_seconds(same_day_cutoff)
            )
            if self._work[i] and not late:
                return self.closing(start.date())
            return self.closing(self.next_working_day(start.date()))
        if amount != int(amount):
            return self.add_working_seconds(
                start, round(amount * self.standard_day_seconds)
            )
        # k: 0-based index of the receipt day among working days (or of the
        # working day before it when the receipt day is not worked).
        k = self._cum_days[i + 1] - 1
        if not self._work[i]:
            start_offset = 1
        due = self._workday_at(k + int(amount) - 1 + start_offset)
        return self._at(due, self._day_patterns[due][-1][1])

    # ---------------------------------------------------------------- batches
    def _indices(self, days):
        idx = np.asarray(days, dtype="datetime64[D]").astype(np.int64) - (
            self._base - dt.date(1970, 1, 1).toordinal()
        )
        if idx.size and (idx.min() < 0 or idx.max() >= self._n):
            raise CalendarRangeError("a date is outside the working-day calendar")
        return idx

    def _from_indices(self, idx):
        epoch = self._base - dt.date(1970, 1, 1).toordinal()
        return (np.asarray(idx, dtype=np.int64) + epoch).astype("datetime64[D]")

    def is_working_day_batch(self, days):
        """Vectorised :meth:`is_working_day` over datetime64[D] values."""
        return self._work_np[self._indices(days)]

    def add_working_days_batch(self, days, n):
        """Vectorised :meth:`add_working_days` (datetime64[D] in and out)."""
        idx = self._indices(days)
        n = np.broadcast_to(np.asarray(n, dtype=np.int64), idx.shape)
        k = np.where(
            n > 0,
            self._cum_days_np[idx + 1] + n - 1,
            self._cum_days_np[idx] + n,
        )
        if k.size and (k.min() < 0 or k.max() >= len(self._workdays)):
            raise CalendarRangeError("a result is outside the working-day calendar")
        return self._from_indices(self._workdays_np[k])

    def positions_batch(self, moments):
        """Vectorised :meth:`position` over datetime64 values (any unit)."""
        moments = np.asarray(moments, dtype="datetime64[s]")
        days = moments.astype("datetime64[D]")
        idx = self._indices(days)
        sec = (moments - days.astype("datetime64[s]")).astype(np.int64)[..., None]
        start = self._sess_start[idx]
        end = self._sess_end[idx]
        done = np.clip(np.minimum(sec, end) - start, 0, None).sum(axis=-1)
        return self._cum_secs_np[idx] + done

    def working_seconds_between_batch(self, starts, ends):
        """Vectorised working time between pairs of moments (no pauses)."""
        return self.positions_batch(ends) - self.positions_batch(starts)

    def _session_tables(self):
        """Per day: opening and closing seconds (0 on days off), session
        lengths and their running sums (for batches)."""
        tables = getattr(self, "_tables", None)
        if tables is None:
            lengths = self._sess_end - self._sess_start
            opening = np.where(self._work_np, self._sess_start[:, 0], 0)
            closing = self._sess_end.max(axis=1)
            tables = (opening, closing, lengths, np.cumsum(lengths, axis=1))
            self._tables = tables
        return tables

    def _moments_batch(self, idx, seconds):
        return self._from_indices(idx).astype("datetime64[s]") + np.asarray(
            seconds, dtype="timedelta64[s]"
        )

    def normalize_receipt_batch(self, moments):
        """Vectorised :meth:`normalize_receipt` (datetime64 in, [s] out)."""
        moments = np.asarray(moments, dtype="datetime64[s]")
        days = moments.astype("datetime64[D]")
        idx = self._indices(days)
        sec = (moments - days.astype("datetime64[s]")).astype(np.int64)
        opening, closing, _lengths, _cum = self._session_tables()
        work = self._work_np[idx]
        before = work & (sec < opening[idx])
        inside = work & ~before & (sec < closing[idx])
        k = self._cum_days_np[idx + 1]
        if k.size and k.max() >= len(self._workdays):
            raise CalendarRangeError("a result is outside the working-day calendar")
        following = self._workdays_np[np.minimum(k, len(self._workdays) - 1)]
        out_idx = np.where(before | inside, idx, following)
        out_sec = np.where(inside, sec, opening[out_idx])
        return self._moments_batch(out_idx, out_sec)

    def moments_at_batch(self, positions):
        """Vectorised :meth:`moment_at` for positive positions."""
        positions = np.asarray(positions, dtype=np.int64)
        j = np.searchsorted(self._cum_secs_np, positions, side="left")
        if j.size and (j.max() >= len(self._cum_secs_np) or j.min() < 1):
            raise CalendarRangeError("a result is outside the working-day calendar")
        idx = j - 1
        rest = positions - self._cum_secs_np[idx]
        _opening, _closing, lengths, cum = self._session_tables()
        k = (rest[:, None] > cum[idx]).sum(axis=1)
        k = np.minimum(k, lengths.shape[1] - 1)
        before = cum[idx, k] - lengths[idx, k]
        return self._moments_batch(idx, self._sess_start[idx, k] + rest - before)

    def deadline_batch(
        self,
        received,
        amounts,
        uom="day",
        start_offset=1,
        same_day_cutoff=None,
        normalize=True,
    ):
        """Vectorised :meth:`deadline`: many receipts (datetime64) and their
        limits (one or one per receipt) under one counting rule. Returns
        datetime64[s] due moments, equal to the scalar method's."""
        received = np.asarray(received, dtype="datetime64[s]")
        amounts = np.broadcast_to(
            np.asarray(amounts, dtype=np.float64), received.shape
        ).copy()
        if amounts.size and amounts.min() < 0:
            raise ValueError("a time limit must not be negative")
        if uom not in ("day", "hour"):
            raise ValueError(f"unknown unit {uom!r}")
        start = self.normalize_receipt_batch(received) if normalize else received
        if uom == "hour":
            seconds = np.rint(amounts * 3600).astype(np.int64)
            return self._add_seconds_batch(start, seconds)
        days = start.astype("datetime64[D]")
        idx = self._indices(days)
        sec = (start - days.astype("datetime64[s]")).astype(np.int64)
        _opening, closing, _lengths, _cum = self._session_tables()
        work = self._work_np[idx]
        due = np.empty(received.shape, dtype="datetime64[s]")
        whole = amounts == np.floor(amounts)
        # Same-day procedures: the close of the day, or of the next working
        # day when received after the cut-off (or on a day off).
        zero = amounts == 0
        if zero.any():
            late = np.zeros(received.shape, dtype=bool)
            if same_day_cutoff is not None:
                late = sec > _as_seconds(same_day_cutoff)
            today = work & ~late
            k_next = self._cum_days_np[idx + 1]
            self._check_workday_indices(k_next[zero & ~today])
            nxt = self._workdays_np[np.minimum(k_next, len(self._workdays) - 1)]
            day = np.where(today, idx, nxt)
            due[zero] = self._moments_batch(day[zero], closing[day[zero]])
        frac = ~whole
        if frac.any():
            seconds = np.rint(amounts[frac] * self.standard_day_seconds).astype(
                np.int64
            )
            due[frac] = self._add_seconds_batch(start[frac], seconds)
        full = whole & ~zero
        if full.any():
            k = self._cum_days_np[idx[full] + 1] - 1
            offset = np.where(work[full], start_offset, 1)
            target = k + amounts[full].astype(np.int64) - 1 + offset
            self._check_workday_indices(target)
            day = self._workdays_np[target]
            due[full] = self._moments_batch(day, closing[day])
        return due

    def _add_seconds_batch(self, moments, seconds):
        seconds = np.asarray(seconds, dtype=np.int64)
        out = np.asarray(moments, dtype="datetime64[s]").copy()
        moving = seconds > 0
        if moving.any():
            positions = self.positions_batch(out[moving]) + seconds[moving]
            out[moving] = self.moments_at_batch(positions)
        return out

    def _check_workday_indices(self, k):
        if k.size and (k.min() < 0 or k.max() >= len(self._workdays)):
            raise CalendarRangeError("a result is outside the working-day calendar")

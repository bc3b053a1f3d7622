# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""An agency's working-day calendar with its time zone, for many conversions.

No Odoo import. Odoo stores naive UTC datetimes; the calendar works on naive local
ones. Most agencies' zones have had no change of offset for decades
(Asia/Ho_Chi_Minh: none since 1975), so over the calendar's range the conversion is
one addition, scalar or vectorised; a zone that changes offset in the range is
converted moment by moment with pytz.
"""

import datetime as dt

import numpy as np
import pytz

_EPOCH = dt.datetime(1970, 1, 1)


def as_datetime64(moments):
    """Naive datetimes as a datetime64[s] array (numpy's own conversion of
    datetime objects is about ten times slower)."""
    seconds = np.fromiter(
        ((m - _EPOCH) // dt.timedelta(seconds=1) for m in moments),
        dtype=np.int64,
        count=len(moments),
    )
    return seconds.astype("datetime64[s]")


class AgencyClock:
    """:param cal: the agency's :class:`workdays.WorkCalendar`.
    :param tz_name: its IANA time zone."""

    def __init__(self, cal, tz_name):
        self.cal = cal
        self.tz = pytz.timezone(tz_name)
        self.offset = self._fixed_offset()
        # Counting-rule parameters per local day, filled by the caller.
        self.rules = {}

    def _fixed_offset(self):
        first = dt.datetime.combine(self.cal.first_day, dt.time()) - dt.timedelta(
            days=1
        )
        last = dt.datetime.combine(self.cal.last_day, dt.time()) + dt.timedelta(days=2)
        transitions = getattr(self.tz, "_utc_transition_times", None) or []
        if any(first <= t <= last for t in transitions):
            return None
        return pytz.utc.localize(first).astimezone(self.tz).utcoffset()

    def to_local(self, moment):
        if self.offset is not None:
            return moment + self.offset
        return pytz.utc.localize(moment).astimezone(self.tz).replace(tzinfo=None)

    def to_utc(self, moment):
        if self.offset is not None:
            return moment - self.offset
        return self.tz.localize(moment).astimezone(pytz.utc).replace(tzinfo=None)

    def to_local_batch(self, moments):
        moments = np.asarray(moments, dtype="datetime64[s]")
        if self.offset is not None:
            return moments + np.timedelta64(int(self.offset.total_seconds()), "s")
        return np.array(
            [self.to_local(m) for m in moments.tolist()], dtype="datetime64[s]"
        )

    def to_utc_batch(self, moments):
        moments = np.asarray(moments, dtype="datetime64[s]")
        if self.offset is not None:
            return moments - np.timedelta64(int(self.offset.total_seconds()), "s")
        return np.array(
            [self.to_utc(m) for m in moments.tolist()], dtype="datetime64[s]"
        )

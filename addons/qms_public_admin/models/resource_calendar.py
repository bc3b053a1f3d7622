# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime as dt

from odoo import api, fields, models, tools
from odoo.exceptions import UserError

from ..lib import vn_holidays, workdays


class ResourceCalendar(models.Model):
    _name = "resource.calendar"
    _inherit = ["resource.calendar", "qms.workday.cache.mixin"]

    qms_national_holidays = fields.Boolean(
        string="Follow National Holidays",
        default=True,
        help="Count the national days off and make-up working days (Quality > "
        "Configuration > Holidays) in this calendar.",
    )
    qms_legal_document_id = fields.Many2one(
        "qms.legal.document",
        string="Legal Basis of Working Hours",
        help="The text that sets these office hours (e.g. the 40-hour week).",
    )
    qms_holiday_ids = fields.One2many(
        "qms.holiday",
        "calendar_id",
        string="Own Days Off and Working Days",
        help="Exceptions of this calendar only, on top of the national schedule.",
    )

    def _qms_weekly_sessions(self):
        """Weekday -> [(hour_from, hour_to)] from the calendar's attendances."""
        self.ensure_one()
        sessions = {}
        for att in self.attendance_ids:
            if att.display_type or att.resource_id or att.day_period == "lunch":
                continue
            if self.two_weeks_calendar and att.week_type != "0":
                continue
            sessions.setdefault(int(att.dayofweek), []).append(
                (att.hour_from, att.hour_to)
            )
        return sessions

    @api.model
    @tools.ormcache("calendar_id")
    def _qms_work_calendar(self, calendar_id):
        """The working-day engine of a calendar, built once and cached.

        The cache is cleared when a calendar, an attendance or a holiday row changes.
        Its range runs over the years whose national holidays are loaded.
        """
        calendar = self.browse(calendar_id).sudo()
        Holiday = self.env["qms.holiday"].sudo()
        years = Holiday.with_context(active_test=False)._read_group(
            [("calendar_id", "=", False), ("origin", "=", "computed")],
            aggregates=["year:min", "year:max"],
        )[0]
        this_year = self._qms_today().year
        first_year = years[0] or this_year
        last_year = years[1] or this_year
        scope = [("calendar_id", "=", calendar.id)]
        if calendar.qms_national_holidays:
            scope = ["|", ("calendar_id", "=", False)] + scope
        rows = Holiday.search_read(
            scope + [("year", ">=", first_year), ("year", "<=", last_year)],
            ["date", "kind", "calendar_id"],
        )
        # An agency row wins over a national row of the same date.
        by_date = {}
        for row in sorted(rows, key=lambda r: bool(r["calendar_id"])):
            by_date[row["date"]] = row["kind"]
        days_off = [d for d, k in by_date.items() if k != vn_holidays.EXTRA_WORKING_DAY]
        extra = [d for d, k in by_date.items() if k == vn_holidays.EXTRA_WORKING_DAY]
        try:
            return workdays.WorkCalendar(
                dt.date(first_year, 1, 1),
                dt.date(last_year, 12, 31),
                calendar._qms_weekly_sessions(),
                days_off,
                extra,
            )
        except ValueError as exc:
            raise UserError(
                self.env._(
                    "The working calendar %(name)s cannot be used for deadlines: "
                    "%(error)s",
                    name=calendar.name,
                    error=exc,
                )
            ) from exc

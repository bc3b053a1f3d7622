# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib import vn_holidays

_logger = logging.getLogger(__name__)


class QmsHoliday(models.Model):
    """A day off or a make-up working day of the working-day calendar.

    Rows without a calendar are the national schedule, shared by every calendar that
    follows national holidays; rows with a calendar are that agency calendar's own
    exceptions. Computed rows come from the ``holidays`` package; the government's
    official yearly schedule overrides them: archive a computed row to cancel it, add
    an official row to add a day.
    """

    _name = "qms.holiday"
    _description = "Holiday and Working-Day Exception"
    _inherit = ["qms.workday.cache.mixin"]
    _order = "date, id"

    name = fields.Char(required=True)
    date = fields.Date(required=True, index=True)
    year = fields.Integer(compute="_compute_year", store=True, index=True)
    kind = fields.Selection(
        [
            (vn_holidays.HOLIDAY, "Public Holiday"),
            (vn_holidays.COMPENSATORY_OFF, "Compensatory / Swapped Day Off"),
            (vn_holidays.EXTRA_WORKING_DAY, "Make-up Working Day"),
            ("agency_off", "Agency Day Off"),
        ],
        required=True,
        default=vn_holidays.HOLIDAY,
    )
    origin = fields.Selection(
        [
            ("computed", "Computed (holidays package)"),
            ("official", "Official Yearly Schedule"),
            ("agency", "Agency Decision"),
        ],
        required=True,
        readonly=True,
    )
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Calendar",
        ondelete="cascade",
        index=True,
        help="Empty: national schedule, applies to every calendar that follows "
        "national holidays.",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        related="calendar_id.company_id",
        store=True,
        index=True,
    )
    legal_document_id = fields.Many2one(
        "qms.legal.document",
        string="Legal Basis",
        help="The text that sets this day (labour code, yearly notice, decision).",
    )
    note = fields.Char()
    active = fields.Boolean(
        default=True,
        help="Archive a day to cancel it without losing the record of it.",
    )

    @api.depends("date")
    def _compute_year(self):
        for day in self:
            day.year = day.date.year if day.date else 0

    @api.constrains("date", "kind", "calendar_id", "active")
    def _check_conflicts(self):
        for day in self.filtered("active"):
            clash = self.search(
                [
                    ("id", "!=", day.id),
                    ("date", "=", day.date),
                    ("calendar_id", "=", day.calendar_id.id),
                ],
                limit=1,
            )
            if clash:
                raise ValidationError(
                    self.env._(
                        '%(date)s is already in this calendar as "%(name)s" '
                        "(%(kind)s). Archive that row first.",
                        date=day.date,
                        name=clash.name,
                        kind=dict(
                            clash._fields["kind"]._description_selection(self.env)
                        )[clash.kind],
                    )
                )
            weekend = day.date.weekday() >= 5
            if day.kind == vn_holidays.EXTRA_WORKING_DAY and not weekend:
                raise ValidationError(
                    self.env._(
                        "%(date)s is a weekday: only a weekly rest day can become a "
                        "make-up working day.",
                        date=day.date,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # A calendar's own row is the agency's decision; a national one follows
            # the official schedule (computed rows say so explicitly).
            vals.setdefault(
                "origin", "agency" if vals.get("calendar_id") else "official"
            )
        return super().create(vals_list)

    # ------------------------------------------------------------- sync
    @api.model
    def _qms_sync_national_holidays(self, years=None):
        """Create the computed national rows of ``years`` that are missing.

        Idempotent: a row already there (even archived, i.e. cancelled by the
        official schedule) is left as it is, so re-running never undoes an override.
        Returns the number of rows created.
        """
        if years is None:
            this_year = self._qms_today().year
            years = range(this_year - 6, this_year + 2)
        years = sorted(set(years))
        existing = {
            (row.date, row.kind)
            for row in self.with_context(active_test=False).search(
                [("calendar_id", "=", False), ("year", "in", years)]
            )
        }
        taken_dates = {date for date, _kind in existing}
        labour_code = self.env.ref(
            "qms_public_admin.legal_labour_code_2019", raise_if_not_found=False
        )
        values = []
        for date, name, kind in vn_holidays.vietnam_days(years):
            if date in taken_dates:
                continue
            values.append(
                {
                    "name": name,
                    "date": date,
                    "kind": kind,
                    "origin": "computed",
                    "legal_document_id": labour_code.id if labour_code else False,
                }
            )
            taken_dates.add(date)
        if values:
            self.create(values)
            _logger.info("Created %d computed holiday rows for %s", len(values), years)
        return len(values)

    @api.model
    def _cron_sync_national_holidays(self):
        this_year = self._qms_today().year
        return self._qms_sync_national_holidays(range(this_year - 1, this_year + 2))

    def action_generate_years(self):
        """List button: make sure the computed rows exist up to next year."""
        created = self._qms_sync_national_holidays()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%s computed day(s) added.", created),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

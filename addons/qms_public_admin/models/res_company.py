# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

import numpy as np
import pytz

from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

from ..lib import workdays
from ..lib.agency_clock import AgencyClock, as_datetime64

DEFAULT_TZ = "Asia/Ho_Chi_Minh"


AGENCY_LEVELS = [
    ("central", "Ministry / Central Agency"),
    ("central_unit", "Unit of a Ministry"),
    ("vertical", "Vertical Agency (local office of a central agency)"),
    ("province", "Province People's Committee"),
    ("department", "Provincial Department"),
    ("sub_department", "Sub-department / Board"),
    ("commune", "Commune / Ward / Special Zone"),
    ("district_legacy", "District (abolished 2025)"),
]


class ResCompany(models.Model):
    """An agency (cơ quan hành chính nhà nước) is a company.

    Agencies are isolated from each other by Odoo's multi-company rules. The
    administrative hierarchy (commune under province, department under the
    provincial People's Committee) is ``qms_parent_agency_id``, not Odoo's branch
    ``parent_id``: branches share accounting and let the parent's users in, which an
    agency must not.
    """

    _inherit = "res.company"

    qms_agency_level = fields.Selection(
        AGENCY_LEVELS,
        string="Agency Level",
        help="District-level administrations ceased on 1 July 2025; the value is kept "
        "for the history of abolished agencies only.",
    )
    qms_agency_code = fields.Char(
        string="Official Agency Code",
        help="The agency's electronic identifier code (mã định danh điện tử), "
        "e.g. 000.00.31.H56.",
    )
    qms_parent_agency_id = fields.Many2one(
        "res.company",
        string="Supervising Agency",
        index=True,
        help="The agency above this one in the administrative hierarchy.",
    )
    qms_child_agency_ids = fields.One2many(
        "res.company", "qms_parent_agency_id", string="Subordinate Agencies"
    )
    qms_is_onestop_center = fields.Boolean(
        string="One-stop Service Centre",
        help="Receives dossiers (Bộ phận Một cửa / Trung tâm Phục vụ hành chính công).",
    )
    qms_iso_mandatory = fields.Boolean(
        string="ISO 9001 Mandatory",
        default=True,
        help="Whether the agency must apply TCVN ISO 9001 (Decision 19/2014/QĐ-TTg) "
        "or applies it by its province's decision.",
    )
    qms_valid_from = fields.Date(string="Established On")
    qms_valid_to = fields.Date(
        string="Ceased On", help="Set when the agency was abolished or merged."
    )
    qms_merged_into_id = fields.Many2one(
        "res.company",
        string="Merged Into",
        help="The agency that took over this one's tasks and records.",
    )

    _sql_constraints = [
        (
            "qms_agency_code_unique",
            "unique(qms_agency_code)",
            "Two agencies cannot share an official agency code.",
        ),
    ]

    def _qms_system(self):
        """The agency's quality management system (``mgmtsystem.system``), read
        as the system: callers only read its head, representative and standard."""
        self.ensure_one()
        return (
            self.env["mgmtsystem.system"]
            .sudo()
            .search([("company_id", "=", self.id)], limit=1)
        )

    @api.constrains("qms_parent_agency_id")
    def _check_qms_parent_agency(self):
        for company in self:
            seen = company
            parent = company.qms_parent_agency_id
            while parent:
                if parent in seen:
                    raise ValidationError(
                        self.env._("An agency cannot be its own supervising agency.")
                    )
                seen |= parent
                parent = parent.qms_parent_agency_id

    @api.constrains("qms_agency_level", "qms_valid_to", "qms_valid_from")
    def _check_qms_validity(self):
        for company in self:
            if (
                company.qms_agency_level == "district_legacy"
                and not company.qms_valid_to
            ):
                raise ValidationError(
                    self.env._(
                        "District-level administrations no longer exist: a district "
                        "agency (%(name)s) can only be recorded as abolished, with the "
                        "date it ceased.",
                        name=company.name,
                    )
                )
            if (
                company.qms_valid_from
                and company.qms_valid_to
                and company.qms_valid_to < company.qms_valid_from
            ):
                raise ValidationError(
                    self.env._(
                        "Agency %(name)s cannot cease before it was established.",
                        name=company.name,
                    )
                )

    # ------------------------------------------------------------------
    # Working-day API, used by the other addons (and callable over XML-RPC).
    # Datetimes in and out are naive UTC, as everywhere in Odoo.
    # ------------------------------------------------------------------
    def _qms_calendar_record(self):
        self.ensure_one()
        calendar = self.sudo().resource_calendar_id
        if not calendar:
            raise UserError(
                self.env._("Agency %(name)s has no working calendar.", name=self.name)
            )
        return calendar

    def qms_work_calendar(self):
        """The cached :class:`~..lib.workdays.WorkCalendar` of this agency."""
        return self._qms_clock().cal

    def _qms_clock(self):
        """This agency's :class:`~..lib.agency_clock.AgencyClock` (calendar
        engine, time zone, counting rules per day), which every due date and
        conversion asks for."""
        self.ensure_one()
        return self._qms_clock_for(self.id)

    @api.model
    @tools.ormcache("company_id")
    def _qms_clock_for(self, company_id):
        # Cached across transactions; rebuilt when a calendar, an attendance,
        # a holiday, a counting rule or the agency's calendar changes
        # (_qms_clear_clocks), and dropped when such a change is rolled back.
        calendar = self.browse(company_id)._qms_calendar_record()
        return AgencyClock(
            self.env["resource.calendar"]._qms_work_calendar(calendar.id),
            calendar.tz or DEFAULT_TZ,
        )

    # ------------------------------------------------ no internet lookups
    # Odoo's partner autocomplete (installed with mail) looks agencies up on
    # an internet service when the web client starts and as their name is
    # typed. An agency's intranet has no such access, and an agency's data
    # is not enriched from outside: both are switched off for agencies.
    @api.model_create_multi
    def create(self, vals_list):
        if "iap_enrich_auto_done" in self._fields:
            for vals in vals_list:
                vals.setdefault("iap_enrich_auto_done", True)
        return super().create(vals_list)

    @api.model
    def _qms_no_internet_enrichment(self):
        if "iap_enrich_auto_done" in self._fields:
            self.with_context(active_test=False).search(
                [("iap_enrich_auto_done", "=", False)]
            ).write({"iap_enrich_auto_done": True})

    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        arch, view = super()._get_view(view_id, view_type, **options)
        if view_type == "form":
            for node in arch.xpath("//field[@widget='field_partner_autocomplete']"):
                del node.attrib["widget"]
        return arch, view

    def write(self, vals):
        if "resource_calendar_id" in vals:
            self._qms_clear_clocks()
        return super().write(vals)

    @api.model
    def _qms_clear_clocks(self):
        self.env.registry.clear_cache()

    def qms_today(self):
        """Today at this agency, in its calendar's time zone, whoever asks
        (a user's own time zone, often unset, is not the agency's)."""
        calendar = self[:1].sudo().resource_calendar_id
        tz = pytz.timezone(calendar.tz or DEFAULT_TZ)
        return pytz.utc.localize(fields.Datetime.now()).astimezone(tz).date()

    @api.model
    def _qms_today_for(self, records):
        """Today for ``records``: at their agency, else in Vietnam."""
        company = self.browse()
        if "company_id" in records._fields:
            company = records.company_id[:1]
        elif records._name == "res.company":
            company = records[:1]
        return company.qms_today()

    def _qms_tz(self):
        return self._qms_clock().tz

    def _qms_to_local(self, moment):
        return self._qms_clock().to_local(fields.Datetime.to_datetime(moment))

    def _qms_to_utc(self, moment):
        return self._qms_clock().to_utc(moment)

    def _qms_call(self, method, *args, **kwargs):
        """``method`` of the agency's working-day calendar, on local moments."""
        return self._qms_compute(
            lambda cal: getattr(cal, method)(*args, **kwargs),
        )

    def _qms_compute(self, func, *args, **kwargs):
        """``func(calendar, *args, **kwargs)``: a pure calculation on the
        agency's working-day calendar, with a clear error when a date falls
        outside the holidays loaded."""
        return self._qms_guarded(func, self.qms_work_calendar(), *args, **kwargs)

    def _qms_guarded(self, func, cal, *args, **kwargs):
        try:
            return func(cal, *args, **kwargs)
        except workdays.CalendarRangeError as exc:
            raise UserError(
                self.env._(
                    "%(error)s. Load the holidays of that year under Quality > "
                    "Configuration > Holidays.",
                    error=exc,
                )
            ) from exc

    def qms_is_working_day(self, day):
        """Whether ``day`` (a date or 'YYYY-MM-DD') is a working day of the agency."""
        return self._qms_call("is_working_day", fields.Date.to_date(day))

    def qms_add_working_days(self, day, days):
        """The ``days``-th working day after ``day`` (negative: before)."""
        if not isinstance(days, int):
            raise UserError(
                self.env._("The number of working days must be a whole number.")
            )
        return self._qms_call("add_working_days", fields.Date.to_date(day), days)

    def qms_receipt_rule(self, received_at):
        """The deadline counting rule in force for a receipt at ``received_at``."""
        local = self._qms_to_local(received_at)
        return self.env["qms.receipt.rule"]._qms_rule_for(self, local.date())

    def qms_effective_receipt(self, received_at):
        """The moment (UTC) from which a dossier received at ``received_at`` counts."""
        rule = self.qms_receipt_rule(received_at)
        local = self._qms_to_local(received_at)
        if rule.normalize_outside_hours:
            local = self._qms_call("normalize_receipt", local)
        return self._qms_to_utc(local)

    def _qms_rule_params(self, clock, day):
        """(counting start offset, normalise outside hours, default same-day
        cut-off) of the counting rule in force on local ``day``."""
        params = clock.rules.get(day)
        if params is None:
            rule = self.env["qms.receipt.rule"]._qms_rule_for(self, day)
            params = clock.rules[day] = (
                rule.counting_start_offset,
                rule.normalize_outside_hours,
                rule.default_same_day_cutoff or None,
            )
        return params

    def _qms_check_limit(self, amount, uom):
        if uom not in ("day", "hour"):
            raise UserError(self.env._("A time limit is counted in days or hours."))
        if amount is None or amount < 0:
            raise UserError(self.env._("A time limit must be zero or more."))

    def qms_deadline(self, received_at, amount, uom="day", same_day_cutoff=None):
        """Due moment (UTC) of a time limit counted from a receipt.

        :param amount: working days (whole or fractional) or working hours.
        :param uom: ``day`` or ``hour``.
        :param same_day_cutoff: hour (float, 15.5 = 15:30) after which a same-day
            procedure (``amount == 0``) is due the next working day; defaults to the
            counting rule's.
        """
        self._qms_check_limit(amount, uom)
        clock = self._qms_clock()
        local = clock.to_local(fields.Datetime.to_datetime(received_at))
        offset, normalize, default_cutoff = self._qms_rule_params(clock, local.date())
        if same_day_cutoff is None:
            same_day_cutoff = default_cutoff
        due = self._qms_guarded(
            lambda cal: cal.deadline(
                local,
                amount,
                uom=uom,
                start_offset=offset,
                same_day_cutoff=same_day_cutoff,
                normalize=normalize,
            ),
            clock.cal,
        )
        return clock.to_utc(due)

    def qms_deadlines(self, received, amounts, uom="day", same_day_cutoff=None):
        """:meth:`qms_deadline` of many receipts at once (intake in batches,
        generated data): ``received`` a list of UTC moments (or a datetime64
        array, returned as one), ``amounts`` one limit or one per receipt. The
        counting rule is looked up once per day, the engine runs vectorised.
        Returns a list of UTC datetimes."""
        amounts = np.broadcast_to(
            np.asarray(amounts, dtype=np.float64), (len(received),)
        )
        if not len(received):
            return received[:0] if isinstance(received, np.ndarray) else []
        self._qms_check_limit(float(amounts.min()), uom)
        clock = self._qms_clock()
        if isinstance(received, np.ndarray):
            utc = received.astype("datetime64[s]")
        else:
            to_datetime = fields.Datetime.to_datetime
            utc = as_datetime64(
                [
                    m if isinstance(m, datetime.datetime) else to_datetime(m)
                    for m in received
                ]
            )
        local = clock.to_local_batch(utc)
        # The counting rule is looked up per distinct day, then applied to the
        # receipts of the days sharing its parameters in one vectorised call.
        days, day_of = np.unique(local.astype("datetime64[D]"), return_inverse=True)
        groups = {}
        for position, day in enumerate(days.astype(object).tolist()):
            groups.setdefault(self._qms_rule_params(clock, day), []).append(position)
        due = np.empty(len(utc), dtype="datetime64[s]")
        for (offset, normalize, default_cutoff), positions in groups.items():
            cutoff = same_day_cutoff if same_day_cutoff is not None else default_cutoff
            index = np.flatnonzero(np.isin(day_of, positions))

            def compute(
                cal, index=index, offset=offset, normalize=normalize, cut=cutoff
            ):
                return cal.deadline_batch(
                    local[index], amounts[index], uom, offset, cut, normalize
                )

            due[index] = self._qms_guarded(compute, clock.cal)
        due = clock.to_utc_batch(due)
        return due if isinstance(received, np.ndarray) else due.tolist()

    def qms_working_hours_between(self, start, end, pauses=()):
        """Working hours between two UTC moments minus the clock-stop ``pauses``
        (pairs of UTC moments; the end of a running pause may be None)."""
        local_pauses = [
            (self._qms_to_local(p_start), p_end and self._qms_to_local(p_end))
            for p_start, p_end in pauses
        ]
        return self._qms_call(
            "working_hours_between",
            self._qms_to_local(start),
            self._qms_to_local(end),
            local_pauses,
        )

    def qms_working_days_between(self, start, end):
        """Working days in (start, end], two dates."""
        return self._qms_call(
            "working_days_between", fields.Date.to_date(start), fields.Date.to_date(end)
        )

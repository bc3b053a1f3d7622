# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

PERIODS = [("month", "Month"), ("quarter", "Quarter"), ("year", "Year")]


class QmsOnestopPeriodReport(models.TransientModel):
    """The periodic report on the handling of administrative procedures
    (monthly, quarterly, yearly): per sector and procedure, the dossiers to
    handle (carried over + received online, at the desk, by post), handled
    (early, on time, late), still in hand (within the deadline, overdue),
    withdrawn, stopped and refused, and the reasons for lateness; for one
    agency, or rolled up over the province's agencies the user may see."""

    _name = "qms.onestop.period.report"
    _description = "Periodic Report on Procedure Handling"

    period = fields.Selection(PERIODS, required=True, default="month")
    year = fields.Integer(
        required=True, default=lambda self: self._qms_today_default().year
    )
    month = fields.Integer(default=lambda self: self._qms_today_default().month)
    quarter = fields.Integer(
        default=lambda self: (self._qms_today_default().month - 1) // 3 + 1
    )
    company_ids = fields.Many2many(
        "res.company",
        string="Agencies",
        default=lambda self: self.env.company,
        domain="[('id', 'in', allowed_company_ids)]",
        help="Several agencies: the report rolls them up, with a line per agency.",
    )
    allowed_company_ids = fields.Many2many(
        "res.company", compute="_compute_allowed_company_ids"
    )
    date_from = fields.Date(compute="_compute_dates")
    date_to = fields.Date(compute="_compute_dates")
    form_id = fields.Many2one("qms.onestop.report.form", compute="_compute_dates")

    @api.model
    def _qms_today_default(self):
        return fields.Date.context_today(self)

    def _compute_allowed_company_ids(self):
        for report in self:
            report.allowed_company_ids = self.env.user.company_ids

    @api.depends("period", "year", "month", "quarter")
    def _compute_dates(self):
        Form = self.env["qms.onestop.report.form"]
        for report in self:
            start, end = report._qms_bounds()
            report.date_from = start
            report.date_to = end and end - relativedelta(days=1)
            report.form_id = start and Form._qms_form_for(start)

    def _qms_bounds(self):
        """[start, end) local days of the period, or (False, False)."""
        self.ensure_one()
        try:
            if self.period == "month":
                start = date(self.year, self.month, 1)
                return start, start + relativedelta(months=1)
            if self.period == "quarter":
                start = date(self.year, 3 * (self.quarter - 1) + 1, 1)
                return start, start + relativedelta(months=3)
            start = date(self.year, 1, 1)
            return start, start + relativedelta(years=1)
        except (TypeError, ValueError):
            return False, False

    # ------------------------------------------------------------ figures
    def _qms_check(self):
        self.ensure_one()
        start, end = self._qms_bounds()
        if not start:
            raise UserError(self.env._("Choose a valid period."))
        if not self.company_ids:
            raise UserError(self.env._("Choose at least one agency."))
        if self.company_ids - self.env.user.company_ids:
            raise UserError(self.env._("You report on the agencies you work for only."))
        if not self.form_id:
            raise UserError(
                self.env._("No report form is in force for %(day)s.", day=start)
            )
        return start, end

    def _qms_figures(self):
        """Rows per sector and procedure, a row per agency, the total and the
        reasons for lateness."""
        start, end = self._qms_check()
        Dossier = self.env["qms.onestop.dossier"]
        companies = self.company_ids
        tz_company = companies[:1]
        t0 = tz_company._qms_to_utc(datetime.combine(start, time.min))
        t1 = tz_company._qms_to_utc(datetime.combine(end, time.min))
        # What is in hand is counted at the end of the period, or now for a
        # period not over yet.
        cut = min(t1, fields.Datetime.now())
        base = [("company_id", "in", companies.ids), ("state", "!=", "draft")]
        keys = ["company_id", "tthc_id"]

        def count(domain, extra=None):
            groups = Dossier._read_group(
                base + domain, keys + (extra or []), ["__count"]
            )
            return groups

        table = {}

        def add(groups, figure_of):
            for *key, number in groups:
                company, tthc = key[0], key[1]
                figure = figure_of(key[2:] and key[2])
                if not figure:
                    continue
                row = table.setdefault((company, tthc), dict.fromkeys(FIGURES, 0))
                row[figure] += number

        # Carried over: received before the period, not ended before it.
        add(
            count(
                [
                    ("received_at", "<", t0),
                    "|",
                    ("ended_at", "=", False),
                    ("ended_at", ">=", t0),
                ]
            ),
            lambda _k: "carried",
        )
        channels = {
            "online_full": "new_online",
            "online_partial": "new_online",
            "post": "new_post",
        }
        add(
            count([("received_at", ">=", t0), ("received_at", "<", t1)], ["channel"]),
            lambda channel: channels.get(channel, "new_desk"),
        )
        add(
            count(
                [
                    ("completed_at", ">=", t0),
                    ("completed_at", "<", t1),
                    ("timeliness", "!=", False),
                ],
                ["timeliness"],
            ),
            lambda timeliness: timeliness,
        )
        add(
            count(
                [
                    ("received_at", "<", cut),
                    "|",
                    ("ended_at", "=", False),
                    ("ended_at", ">=", cut),
                    ("due_at", ">=", cut),
                ]
            ),
            lambda _k: "in_time",
        )
        add(
            count(
                [
                    ("received_at", "<", cut),
                    "|",
                    ("ended_at", "=", False),
                    ("ended_at", ">=", cut),
                    ("due_at", "<", cut),
                ]
            ),
            lambda _k: "overdue",
        )
        add(
            count(
                [
                    ("closed_at", ">=", t0),
                    ("closed_at", "<", t1),
                    ("state", "in", ("withdrawn", "stopped", "refused")),
                ],
                ["state"],
            ),
            lambda state: state,
        )
        for row in table.values():
            row["to_handle"] = (
                row["carried"] + row["new_online"] + row["new_desk"] + row["new_post"]
            )
            row["handled"] = row["early"] + row["on_time"] + row["late"]
            row["in_hand"] = row["in_time"] + row["overdue"]
        return self._qms_layout(table, t0, t1)

    def _qms_layout(self, table, t0, t1):
        def total(rows):
            out = dict.fromkeys(FIGURES, 0)
            for row in rows:
                for key in FIGURES:
                    out[key] += row[key]
            return out

        sectors = {}
        for (_company, tthc), row in table.items():
            sector = tthc.sector_id
            per_tthc = sectors.setdefault(sector, {})
            entry = per_tthc.setdefault(tthc, dict.fromkeys(FIGURES, 0))
            for key in FIGURES:
                entry[key] += row[key]
        sector_rows = []
        for sector in sorted(sectors, key=lambda s: s.display_name or ""):
            procedures = sectors[sector]
            sector_rows.append(
                {
                    "name": sector.display_name or self.env._("(no sector)"),
                    "figures": total(procedures.values()),
                    "procedures": [
                        {
                            "name": f"{tthc.code or ''} {tthc.name}".strip(),
                            "figures": procedures[tthc],
                        }
                        for tthc in sorted(procedures, key=lambda t: t.code or "")
                    ],
                }
            )
        agencies = []
        if len(self.company_ids) > 1:
            for company in self.company_ids.sorted("name"):
                rows = [r for (c, _t), r in table.items() if c == company]
                agencies.append({"name": company.name, "figures": total(rows)})
        notices = self.env["qms.onestop.notice"].search(
            [
                ("company_id", "in", self.company_ids.ids),
                ("kind", "=", "apology"),
                ("state", "=", "issued"),
                ("issued_at", ">=", t0),
                ("issued_at", "<", t1),
            ]
        )
        reasons = {}
        for notice in notices:
            text = (notice.reason or "").strip()
            if text:
                reasons[text] = reasons.get(text, 0) + 1
        return {
            "sectors": sector_rows,
            "agencies": agencies,
            "total": total(table.values()),
            "late_reasons": sorted(reasons.items(), key=lambda r: -r[1]),
            "columns": [
                {"figure": c.figure, "name": c.name, "group": c.group_name or ""}
                for c in self.form_id.column_ids
            ],
            "column_groups": self._qms_column_groups(),
        }

    def _qms_column_groups(self):
        """``[(heading, span)]``: the group headings above the columns."""
        groups = []
        for column in self.form_id.column_ids:
            heading = column.group_name or ""
            if groups and groups[-1][0] == heading:
                groups[-1][1] += 1
            else:
                groups.append([heading, 1])
        return [tuple(g) for g in groups]

    def _qms_title(self):
        self.ensure_one()
        if self.period == "month":
            when = self.env._("month %(m)02d/%(y)s", m=self.month, y=self.year)
        elif self.period == "quarter":
            when = self.env._("quarter %(q)s/%(y)s", q=self.quarter, y=self.year)
        else:
            when = self.env._("year %(y)s", y=self.year)
        return when

    def action_print_pdf(self):
        self._qms_check()
        return self.env.ref("qms_onestop.action_report_period").report_action(self)

    def action_print_xlsx(self):
        self._qms_check()
        return self.env.ref("qms_onestop.action_report_period_xlsx").report_action(self)


FIGURES = [
    "carried",
    "new_online",
    "new_desk",
    "new_post",
    "to_handle",
    "early",
    "on_time",
    "late",
    "handled",
    "in_time",
    "overdue",
    "in_hand",
    "withdrawn",
    "stopped",
    "refused",
]

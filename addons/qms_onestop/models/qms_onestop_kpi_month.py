# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from ..lib import onestop


def _tally_input(early, due_day, late, days_sum, days_count):
    """One month's counts as ``lib.onestop.tally`` input (the processing time
    rides on one timeliness: tally adds it whatever the timeliness)."""
    return [
        ("early", early, days_sum, days_count),
        ("on_time", due_day, 0.0, 0),
        ("late", late, 0.0, 0),
    ]


class QmsOnestopKpiMonth(models.Model):
    """On-time figures of the finished dossiers per agency, procedure and
    month (the agency's local month of the result), kept up to date at each
    result, so dashboards read a few thousand rows instead of every dossier.
    Rows are written by the dossier's result (``_qms_add``) and by
    ``_qms_rebuild``, never by hand."""

    _name = "qms.onestop.kpi.month"
    _description = "On-time Figures by Month"
    _order = "month desc, company_id, tthc_id"
    _rec_name = "month"

    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    tthc_id = fields.Many2one(
        "qms.tthc",
        string="Procedure",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    month = fields.Date(required=True, readonly=True, index=True)
    finished = fields.Integer(readonly=True)
    early = fields.Integer(readonly=True)
    on_time_only = fields.Integer(string="On the Due Day", readonly=True)
    late = fields.Integer(readonly=True)
    on_time = fields.Integer(readonly=True, help="Early plus on the due day.")
    days_sum = fields.Float(string="Working Days (sum)", readonly=True)
    days_count = fields.Integer(string="Dossiers with a Processing Time", readonly=True)
    on_time_rate = fields.Float(
        string="On-time Rate (%)",
        compute="_compute_on_time_rate",
        aggregator=None,
        digits=(5, 2),
    )

    _sql_constraints = [
        (
            "bucket_unique",
            "unique(company_id, tthc_id, month)",
            "One row per agency, procedure and month.",
        )
    ]

    @api.depends("finished", "early", "on_time_only", "late", "days_sum")
    def _compute_on_time_rate(self):
        for row in self:
            row.on_time_rate = onestop.tally(row._qms_counts())["on_time_rate"] or 0.0

    def _qms_counts(self):
        """The rows as ``lib.onestop.tally`` input."""
        return [
            counts
            for row in self
            for counts in _tally_input(
                row.early, row.on_time_only, row.late, row.days_sum, row.days_count
            )
        ]

    # ------------------------------------------------------------ writing
    @api.model
    def _qms_add(self, dossier):
        """Count ``dossier``'s result (its stored timeliness and processing
        time) in its month, atomically: two results of the same bucket at the
        same moment both count."""
        dossier = dossier.sudo()
        if not dossier.timeliness or not dossier.completed_at:
            return
        local = dossier.company_id._qms_to_local(dossier.completed_at)
        self.env.cr.execute(
            """
            INSERT INTO qms_onestop_kpi_month AS k
                   (company_id, tthc_id, month, finished, early, on_time_only,
                    late, on_time, days_sum, days_count, create_uid, create_date,
                    write_uid, write_date)
            VALUES (%(company)s, %(tthc)s, %(month)s, 1, %(early)s, %(due_day)s,
                    %(late)s, %(early)s + %(due_day)s, %(days)s, %(counted)s,
                    %(uid)s, now() at time zone 'UTC', %(uid)s,
                    now() at time zone 'UTC')
            ON CONFLICT (company_id, tthc_id, month) DO UPDATE
               SET finished = k.finished + 1,
                   early = k.early + EXCLUDED.early,
                   on_time_only = k.on_time_only + EXCLUDED.on_time_only,
                   late = k.late + EXCLUDED.late,
                   on_time = k.on_time + EXCLUDED.on_time,
                   days_sum = k.days_sum + EXCLUDED.days_sum,
                   days_count = k.days_count + EXCLUDED.days_count,
                   write_uid = EXCLUDED.write_uid,
                   write_date = EXCLUDED.write_date
            """,
            {
                "company": dossier.company_id.id,
                "tthc": dossier.tthc_id.id,
                "month": local.date().replace(day=1),
                "early": int(dossier.timeliness == "early"),
                "due_day": int(dossier.timeliness == "on_time"),
                "late": int(dossier.timeliness == "late"),
                # Every result stores its processing time (0 included).
                "days": dossier.processing_days or 0.0,
                "counted": 1,
                "uid": self.env.uid,
            },
        )
        self.invalidate_model()

    @api.model
    def _qms_rebuild(self, companies=None):
        """Recount every finished dossier of ``companies`` (all agencies by
        default) from the dossiers themselves: after an upgrade, a data import
        or to check the running counts. Returns the number of rows."""
        # Every agency: a few hundred rows at most in a province.
        companies = companies or self.env["res.company"].sudo().search([])  # pylint: disable=no-search-all
        self.env["qms.onestop.dossier"].flush_model()
        cr = self.env.cr
        cr.execute(
            "DELETE FROM qms_onestop_kpi_month WHERE company_id = ANY(%s)",
            [companies.ids],
        )
        # One query per time zone (a local month), not per agency.
        by_zone = {}
        for company in companies:
            by_zone.setdefault(company._qms_clock().tz.zone, []).append(company.id)
        for tz, company_ids in by_zone.items():
            cr.execute(
                """
                INSERT INTO qms_onestop_kpi_month
                       (company_id, tthc_id, month, finished, early, on_time_only,
                        late, on_time, days_sum, days_count, create_uid,
                        create_date, write_uid, write_date)
                SELECT company_id, tthc_id,
                       date_trunc('month', (completed_at AT TIME ZONE 'UTC')
                                           AT TIME ZONE %(tz)s)::date,
                       count(*),
                       count(*) FILTER (WHERE timeliness = 'early'),
                       count(*) FILTER (WHERE timeliness = 'on_time'),
                       count(*) FILTER (WHERE timeliness = 'late'),
                       count(*) FILTER (WHERE timeliness IN ('early', 'on_time')),
                       coalesce(sum(processing_days), 0),
                       count(processing_days),
                       %(uid)s, now() at time zone 'UTC', %(uid)s,
                       now() at time zone 'UTC'
                  FROM qms_onestop_dossier
                 WHERE company_id = ANY(%(companies)s) AND timeliness IS NOT NULL
                   AND completed_at IS NOT NULL
              GROUP BY 1, 2, 3
                """,
                {"tz": tz, "companies": company_ids, "uid": self.env.uid},
            )
        self.invalidate_model()
        return self.search_count([("company_id", "in", companies.ids)])

    @api.model
    def action_rebuild_background(self):
        """Recount every agency's monthly figures through the job queue, a
        part per group of agencies (a province: a few minutes in all); the
        administrator lands on the task and watches it advance."""
        if not self.env.user.has_group("base.group_system"):
            raise AccessError(
                self.env._("Only the administrator recounts the figures.")
            )
        # Every agency the administrator can see: a few hundred in a province.
        companies = self.env["res.company"].search([])  # pylint: disable=no-search-all
        param = self.env["ir.config_parameter"].sudo().get_param
        size = max(1, int(param("qms_onestop.kpi_rebuild_agencies_per_job", "20")))
        task = self.env["qms.background.task"]._qms_start(
            self.env._("Recount of the monthly on-time figures"),
            "kpi_rebuild",
            len(companies),
        )
        task._qms_delay_parts("_qms_job_kpi_rebuild", companies.ids, size)
        return task.action_open()

    # ------------------------------------------------------------ reading
    @api.model
    def _qms_figures(self, domain, month_from, month_to, by=()):
        """On-time figures of the months [month_from, month_to] (dates; any day
        of the month), as ``lib.onestop.tally`` gives them, in total and per
        group of ``by`` (any of ``company_id``, ``tthc_id``, ``month``), keyed
        by the tuple of their ids and first days of months: what a dashboard
        reads. The caller's record rules apply; the sums are one SQL
        aggregate over the rows (no record is built per group)."""
        by = tuple(by)
        if not set(by) <= {"company_id", "tthc_id", "month"}:
            raise ValueError(f"cannot group monthly figures by {by}")
        month_from = fields.Date.to_date(month_from).replace(day=1)
        month_to = fields.Date.to_date(month_to).replace(day=1)
        query = self._search(
            list(domain) + [("month", ">=", month_from), ("month", "<=", month_to)]
        )
        keys = [SQL.identifier(self._table, name) for name in by]
        if keys:
            query.groupby = SQL(", ").join(keys)
        sums = [
            SQL("coalesce(sum(%s), 0)", SQL.identifier(self._table, name))
            for name in ("early", "on_time_only", "late", "days_sum", "days_count")
        ]
        self.env.cr.execute(query.select(*keys, *sums))
        everything = []
        groups = {}
        for row in self.env.cr.fetchall():
            counts = _tally_input(*row[len(by) :])
            key = row[: len(by)]
            everything += counts
            if by:
                groups[tuple(key)] = onestop.tally(counts)
        total = onestop.tally(everything)
        total["groups"] = groups
        return total

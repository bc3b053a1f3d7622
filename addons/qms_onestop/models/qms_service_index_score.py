# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..lib import service_index


class QmsServiceIndexScore(models.Model):
    """An agency's value and points on one indicator for one month, computed
    from its records by the monthly job, or entered by hand where the product
    does not hold the data (and marked so)."""

    _name = "qms.service.index.score"
    _description = "Service Index Score"
    _order = "month desc, company_id, indicator_id"
    _rec_name = "indicator_id"

    company_id = fields.Many2one(
        "res.company", string="Agency", required=True, index=True, readonly=True
    )
    month = fields.Date(required=True, index=True, readonly=True)
    indicator_id = fields.Many2one(
        "qms.service.index.indicator",
        required=True,
        ondelete="cascade",
        readonly=True,
    )
    index_id = fields.Many2one(related="indicator_id.index_id", store=True, index=True)
    group_id = fields.Many2one(related="indicator_id.group_id", store=True)
    metric = fields.Selection(related="indicator_id.metric")
    numerator = fields.Integer(readonly=True)
    denominator = fields.Integer(readonly=True)
    value = fields.Float(string="Rate (%)", digits=(5, 2))
    measured = fields.Boolean(
        help="Unticked: no data this month (nothing to measure, or not entered "
        "yet); left out of the total."
    )
    manual = fields.Boolean(string="Entered by Hand", readonly=True)
    max_points = fields.Float(related="indicator_id.max_points")
    points = fields.Float(compute="_compute_points", store=True, aggregator="sum")
    note = fields.Char()

    _sql_constraints = [
        (
            "score_unique",
            "unique(company_id, month, indicator_id)",
            "One score per agency, indicator and month.",
        )
    ]

    @api.depends(
        "value", "measured", "indicator_id.max_points", "indicator_id.target_pct"
    )
    def _compute_points(self):
        for score in self:
            ind = score.indicator_id
            got = service_index.points(
                score.value if score.measured else None,
                ind.max_points,
                ind.target_pct,
            )
            score.points = got or 0.0

    def write(self, vals):
        """Only the values entered by hand change by hand."""
        if not self.env.su and set(vals) & {"value", "measured", "note"}:
            if self.filtered(lambda s: not s.manual):
                raise UserError(
                    self.env._(
                        "This value is computed from the agency's records: it is "
                        "not entered by hand."
                    )
                )
            if not self.env.user.has_group("qms_onestop.group_onestop_supervisor"):
                raise AccessError(
                    self.env._("Only a supervisor enters an indicator by hand.")
                )
            if "value" in vals and "measured" not in vals:
                vals = dict(vals, measured=True)
        return super().write(vals)

    # ------------------------------------------------------------ computing
    @api.model
    def _qms_compute_month(self, month, companies=None):
        """Compute every agency's scores of ``month`` (any day of it) on the
        indexes in force on its first day. Values entered by hand are kept.
        Returns the scores."""
        month = fields.Date.to_date(month).replace(day=1)
        end = month + relativedelta(months=1)
        companies = companies or self.env["res.company"].sudo().search(
            [("qms_agency_code", "!=", False)]
        )
        indexes = self.env["qms.service.index"].sudo()._qms_in_force(month)
        indicators = indexes.indicator_ids
        Score = self.sudo()
        existing = {
            (s.company_id.id, s.indicator_id.id): s
            for s in Score.search(
                [
                    ("company_id", "in", companies.ids),
                    ("month", "=", month),
                    ("indicator_id", "in", indicators.ids),
                ]
            )
        }
        measured = {}
        for metric in set(indicators.mapped("metric")) - {"manual"}:
            measured[metric] = self.env["qms.onestop.dossier"]._qms_index_metric(
                metric, companies, month, end
            )
        to_create = []
        for company in companies:
            for indicator in indicators:
                score = existing.get((company.id, indicator.id))
                if indicator.metric == "manual":
                    if not score:
                        to_create.append(
                            {
                                "company_id": company.id,
                                "month": month,
                                "indicator_id": indicator.id,
                                "manual": True,
                                "measured": False,
                            }
                        )
                    continue
                num, den = measured[indicator.metric].get(company.id, (0, 0))
                rate = service_index.rate(num, den)
                values = {
                    "numerator": num,
                    "denominator": den,
                    "value": rate or 0.0,
                    "measured": rate is not None,
                }
                if score:
                    score.write(values)
                else:
                    to_create.append(
                        dict(
                            values,
                            company_id=company.id,
                            month=month,
                            indicator_id=indicator.id,
                        )
                    )
        Score.create(to_create)
        return Score.search(
            [("company_id", "in", companies.ids), ("month", "=", month)]
        )

    @api.model
    def _cron_qms_service_index(self):
        """Last month (final) and this month so far, every agency."""
        today = fields.Date.context_today(self)
        first = today.replace(day=1)
        self._qms_compute_month(first - relativedelta(months=1))
        self._qms_compute_month(first)
        return True

    @api.model
    def _qms_totals(self, company, months):
        """Per index and month: points, reachable points, the band, per group."""
        scores = self.search(
            [("company_id", "=", company.id), ("month", "in", list(months))]
        )
        result = {}
        for (index, month), rows in scores.grouped(
            lambda s: (s.index_id, s.month)
        ).items():
            total = service_index.total(
                (
                    s.group_id.id,
                    s.points if s.measured else None,
                    s.max_points,
                )
                for s in rows
            )
            # Out of the index's maximum, over the indicators measured: an
            # agency is not marked down for what it had no occasion to do.
            total["score"] = (
                round(total["points"] * index.max_points / total["reachable"], 1)
                if total["reachable"]
                else None
            )
            total["band"] = (
                index._qms_band(total["score"]) if total["score"] is not None else ""
            )
            result[index, month] = total
        return result

    @api.model
    def _qms_last_months(self, today, count=6):
        first = today.replace(day=1)
        return [first - relativedelta(months=n) for n in range(count - 1, -1, -1)]

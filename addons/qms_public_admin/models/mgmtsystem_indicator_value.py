# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..lib import kpi


class MgmtsystemIndicatorValue(models.Model):
    """A measured value, for the period of its indicator's frequency."""

    _inherit = "mgmtsystem.indicator.value"

    company_id = fields.Many2one(
        related="indicator_id.company_id", store=True, string="Agency", index=True
    )
    period_start = fields.Date(compute="_compute_period", store=True)
    period_end = fields.Date(compute="_compute_period", store=True)
    qms_computed = fields.Boolean(
        string="Computed", readonly=True, help="Computed from the data source."
    )

    @api.depends("date", "indicator_id.frequency")
    def _compute_period(self):
        for value in self:
            if value.date and value.indicator_id.frequency:
                value.period_start, value.period_end = kpi.period_of(
                    value.indicator_id.frequency, value.date
                )
            else:
                value.period_start = value.period_end = False

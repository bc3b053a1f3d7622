# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class QmsRiskScale(models.Model):
    """A level of the likelihood or the impact axis of the risk matrix.

    Shared levels (no agency) apply everywhere; an agency may define its own
    scale, which then replaces the shared one for its risks.
    """

    _name = "qms.risk.scale"
    _description = "Risk Matrix Scale Level"
    _order = "axis, value"

    axis = fields.Selection(
        [("likelihood", "Likelihood"), ("impact", "Impact")], required=True
    )
    value = fields.Integer(required=True, help="Score of this level (1, 2, 3...).")
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    company_id = fields.Many2one("res.company", string="Agency", index=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "value_unique",
            "unique(axis, value, company_id)",
            "A scale cannot have two levels with the same score.",
        ),
        ("value_positive", "check(value > 0)", "A level scores at least 1."),
    ]

    @api.depends("name", "value")
    def _compute_display_name(self):
        for level in self:
            level.display_name = f"{level.value} - {level.name}"

    @api.model
    def _qms_levels(self, axis, company):
        """The levels of ``axis`` in force for ``company``."""
        own = self.search([("axis", "=", axis), ("company_id", "=", company.id)])
        return own or self.search([("axis", "=", axis), ("company_id", "=", False)])

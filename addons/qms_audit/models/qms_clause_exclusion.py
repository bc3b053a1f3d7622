# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsClauseExclusion(models.Model):
    """A requirement of the standard an agency declares not applicable to its
    quality system, with the justification the scope statement gives (ISO 9001
    clause 4.3)."""

    _name = "qms.clause.exclusion"
    _description = "Excluded Requirement"
    _inherit = ["mail.thread"]
    _order = "company_id, clause_id"
    _check_company_auto = True
    _rec_name = "clause_id"

    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    clause_id = fields.Many2one(
        "qms.iso.clause",
        required=True,
        domain="[('excludable', '=', True)]",
        tracking=True,
    )
    justification = fields.Text(required=True, tracking=True)
    decided_on = fields.Date(default=fields.Date.context_today, tracking=True)
    decision_number = fields.Char(
        string="Decision", help="e.g. the decision announcing the scope."
    )
    active = fields.Boolean(default=True, tracking=True)

    _sql_constraints = [
        (
            "clause_company_unique",
            "unique(company_id, clause_id)",
            "This requirement is already excluded for the agency.",
        ),
    ]

    @api.constrains("clause_id")
    def _check_excludable(self):
        for rec in self:
            if not rec.clause_id.excludable:
                raise ValidationError(
                    self.env._(
                        "%(clause)s applies to every agency: it cannot be excluded.",
                        clause=rec.clause_id.display_name,
                    )
                )

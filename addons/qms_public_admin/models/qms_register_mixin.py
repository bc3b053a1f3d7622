# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class QmsRegisterMixin(models.AbstractModel):
    """An entry of the agency's context register (issues, interested parties):
    owned by an agency, reviewed at least once between two management reviews."""

    _name = "qms.register.mixin"
    _description = "Context Register Entry"

    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    owner_id = fields.Many2one(
        "res.users",
        string="Followed By",
        default=lambda self: self.env.user,
        check_company=True,
    )
    last_reviewed_on = fields.Date(string="Last Reviewed", tracking=True)
    review_due = fields.Boolean(
        compute="_compute_review_due",
        search="_search_review_due",
        help="Not reviewed in the last twelve months.",
    )
    active = fields.Boolean(default=True, tracking=True)

    @api.model
    def _qms_review_limit(self):
        return self._qms_today() - relativedelta(
            months=int(
                self.env["ir.config_parameter"]
                .sudo()
                .get_param("qms_public_admin.context_review_months", 12)
            )
        )

    @api.depends("last_reviewed_on")
    def _compute_review_due(self):
        limit = self._qms_review_limit()
        for rec in self:
            rec.review_due = not rec.last_reviewed_on or rec.last_reviewed_on < limit

    def _search_review_due(self, operator, value):
        due = [
            "|",
            ("last_reviewed_on", "=", False),
            ("last_reviewed_on", "<", self._qms_review_limit()),
        ]
        if (operator == "=") == bool(value):
            return due
        return [("last_reviewed_on", ">=", self._qms_review_limit())]

    def action_mark_reviewed(self):
        """Still valid as written: the review date moves to today."""
        self.write({"last_reviewed_on": self._qms_today()})
        return True

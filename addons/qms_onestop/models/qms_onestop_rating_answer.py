# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .qms_onestop_rating import RATING_LEVELS


class QmsOnestopRatingAnswer(models.Model):
    """The applicant's answer to one criterion."""

    _name = "qms.onestop.rating.answer"
    _description = "Satisfaction Answer"
    _inherit = ["qms.transition.mixin"]
    _order = "rating_id, sequence, id"

    rating_id = fields.Many2one(
        "qms.onestop.rating", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="rating_id.company_id", store=True)
    criterion_id = fields.Many2one(
        "qms.onestop.rating.criterion", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    level = fields.Selection(RATING_LEVELS)
    count = fields.Integer()
    low = fields.Boolean(compute="_compute_low", store=True)
    satisfied_pct = fields.Float(
        string="Satisfaction Rate (%)",
        compute="_compute_low",
        store=True,
        aggregator="avg",
    )

    @api.depends("level", "count", "criterion_id.low_threshold")
    def _compute_low(self):
        for answer in self:
            criterion = answer.criterion_id
            if criterion.answer_kind == "count":
                low = bool(
                    criterion.low_threshold and answer.count >= criterion.low_threshold
                )
            else:
                low = answer.level == "dissatisfied"
            answer.low = low
            answer.satisfied_pct = 0.0 if low else 100.0

    def write(self, vals):
        if vals and not self._qms_in_transition():
            raise UserError(self.env._("A rating cannot be changed."))
        return super().write(vals)

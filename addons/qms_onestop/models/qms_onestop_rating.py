# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

RATING_LEVELS = [
    ("very_satisfied", "Very Satisfied"),
    ("satisfied", "Satisfied"),
    ("dissatisfied", "Dissatisfied"),
]


class QmsOnestopRating(models.Model):
    """The applicant's satisfaction with the handling of a returned dossier
    (Decision 766/QĐ-TTg, satisfaction group), given once, usually on the
    portal."""

    _name = "qms.onestop.rating"
    _description = "Applicant Satisfaction Rating"
    _inherit = ["qms.onestop.dossier.child.mixin", "qms.transition.mixin"]
    _order = "rated_at desc, id desc"

    level = fields.Selection(RATING_LEVELS, required=True, index=True)
    satisfied_pct = fields.Float(
        string="Satisfaction Rate (%)",
        compute="_compute_satisfied_pct",
        store=True,
        aggregator="avg",
        help="100 when satisfied or very satisfied: its average is the rate.",
    )
    comment = fields.Text()
    source = fields.Char(help="Where the applicant rated (portal, kiosk).")
    rated_at = fields.Datetime(required=True, default=fields.Datetime.now)
    tthc_id = fields.Many2one(related="dossier_id.tthc_id", store=True)

    _sql_constraints = [
        ("dossier_unique", "unique(dossier_id)", "A dossier is rated once."),
    ]

    @api.depends("level")
    def _compute_satisfied_pct(self):
        for rating in self:
            rating.satisfied_pct = (
                100.0 if rating.level in ("very_satisfied", "satisfied") else 0.0
            )

    def write(self, vals):
        if vals and not self._qms_in_transition():
            raise UserError(self.env._("A rating cannot be changed."))
        return super().write(vals)

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib import kpi


class QmsRiskLevel(models.Model):
    """A band of the risk score (likelihood × impact): low, medium, high...

    Bands are the configurable half of the matrix; shared bands apply unless an
    agency defines its own.
    """

    _name = "qms.risk.level"
    _description = "Risk Level (Score Band)"
    _order = "score_min"

    name = fields.Char(required=True, translate=True)
    score_min = fields.Integer(string="From Score", required=True)
    score_max = fields.Integer(string="To Score", required=True)
    color = fields.Integer(help="Colour index shown in lists and kanban.")
    treatment_required = fields.Boolean(
        help="Risks in this band must have a treatment action."
    )
    company_id = fields.Many2one("res.company", string="Agency", index=True)
    active = fields.Boolean(default=True)

    @api.constrains("score_min", "score_max", "company_id", "active")
    def _check_bands(self):
        for level in self:
            if level.score_max < level.score_min:
                raise ValidationError(
                    self.env._("A band cannot end below the score where it starts.")
                )
            bands = self.search([("company_id", "=", level.company_id.id)])
            clashes = kpi.check_bands(
                [(b.score_min, b.score_max, b.name) for b in bands]
            )
            if clashes:
                raise ValidationError(
                    self.env._(
                        "Risk bands %(first)s and %(second)s overlap.",
                        first=clashes[0][0],
                        second=clashes[0][1],
                    )
                )

    @api.model
    def _qms_band_for(self, score, company):
        """The band containing ``score`` for ``company`` (its own bands first)."""
        bands = self.search([("company_id", "=", company.id)]) or self.search(
            [("company_id", "=", False)]
        )
        key = kpi.band(score, [(b.score_min, b.score_max, b.id) for b in bands])
        return self.browse(key)

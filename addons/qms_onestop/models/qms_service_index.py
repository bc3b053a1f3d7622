# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsServiceIndex(models.Model):
    """A set of indicators an agency is scored on: the service index of
    Decision 766/QĐ-TTg, the digitisation indicators of Circular
    01/2023/TT-VPCP. Groups, indicators, points, targets and bands are data,
    dated and linked to the legal document; a revision is a new record."""

    _name = "qms.service.index"
    _description = "Service Index"
    _order = "valid_from desc, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    legal_document_id = fields.Many2one(
        "qms.legal.document", string="Legal Basis", required=True
    )
    valid_from = fields.Date(required=True)
    valid_to = fields.Date()
    active = fields.Boolean(default=True)
    max_points = fields.Float(
        compute="_compute_max_points", string="Maximum Points", store=True
    )
    excellent_from = fields.Float(
        help="From this score on the agency is ranked excellent. 0: no band."
    )
    weak_below = fields.Float(
        help="Below this score the agency is ranked weak. 0: no band."
    )
    group_ids = fields.One2many("qms.service.index.group", "index_id", string="Groups")
    indicator_ids = fields.One2many(
        "qms.service.index.indicator", "index_id", string="Indicators"
    )
    note = fields.Text()

    _sql_constraints = [
        ("code_unique", "unique(code)", "An index code is used once."),
    ]

    @api.depends("indicator_ids.max_points")
    def _compute_max_points(self):
        for index in self:
            index.max_points = sum(index.indicator_ids.mapped("max_points"))

    @api.constrains("valid_from", "valid_to")
    def _check_dates(self):
        for index in self:
            if index.valid_to and index.valid_to < index.valid_from:
                raise ValidationError(
                    self.env._("An index cannot end before it starts.")
                )

    @api.model
    def _qms_in_force(self, day):
        return self.search(
            [
                ("valid_from", "<=", day),
                "|",
                ("valid_to", "=", False),
                ("valid_to", ">=", day),
            ]
        )

    def _qms_band(self, score):
        """Excellent / average / weak, as the index's bands say."""
        self.ensure_one()
        if self.excellent_from and score >= self.excellent_from:
            return self.env._("Excellent")
        if self.weak_below and score < self.weak_below:
            return self.env._("Weak")
        return self.env._("Average")

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsOnestopRatingCriterion(models.Model):
    """A question of the satisfaction survey (number of trips, publicity of
    the components, status lookup, staff attitude, timeliness, overall): data
    with the legal document that asks it and the dates it applies."""

    _name = "qms.onestop.rating.criterion"
    _description = "Satisfaction Criterion"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    question = fields.Char(translate=True)
    answer_kind = fields.Selection(
        [("level", "Satisfaction Level"), ("count", "A Number")],
        required=True,
        default="level",
    )
    low_threshold = fields.Integer(
        string="Low From",
        help="For a number (trips): from this count on the answer is a low "
        "rating. 0: never low.",
    )
    is_overall = fields.Boolean(
        string="Overall Rating", help="Its answer is the rating's level."
    )
    legal_document_id = fields.Many2one("qms.legal.document", string="Legal Basis")
    valid_from = fields.Date()
    valid_to = fields.Date()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "A criterion code is used once."),
    ]

    def _qms_current(self, day):
        return self.search(
            [
                "|",
                ("valid_from", "=", False),
                ("valid_from", "<=", day),
                "|",
                ("valid_to", "=", False),
                ("valid_to", ">=", day),
            ]
        )

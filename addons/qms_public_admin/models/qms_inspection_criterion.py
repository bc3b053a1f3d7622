# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsInspectionCriterion(models.Model):
    """A point the Department of Science and Technology checks when it inspects
    an agency's quality system, and that the agency checks in its own
    self-assessment: data, with the text that sets it."""

    _name = "qms.inspection.criterion"
    _description = "Inspection Criterion"
    _order = "sequence, code"

    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    guidance = fields.Text(
        translate=True, help="What the inspector looks at, what evidence counts."
    )
    legal_document_id = fields.Many2one("qms.legal.document", string="Set By")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "An inspection criterion code is unique.")
    ]

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class QmsIsoClause(models.Model):
    """A clause of the standard the quality system follows (TCVN ISO 9001:2015):
    audit scope, checklist questions and nonconformities refer to it."""

    _name = "qms.iso.clause"
    _description = "Clause of the Standard"
    _order = "standard, sequence, code"
    _parent_store = True

    standard = fields.Char(required=True, default="TCVN ISO 9001:2015", index=True)
    code = fields.Char(required=True, help="e.g. 8.5 or 10.2")
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    parent_id = fields.Many2one("qms.iso.clause", index=True, ondelete="restrict")
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("qms.iso.clause", "parent_id", string="Sub-clauses")
    active = fields.Boolean(default=True)
    excludable = fields.Boolean(
        string="May Be Excluded",
        help="An agency may declare this requirement not applicable, with a "
        "justification (e.g. 8.3 design and development).",
    )
    guidance = fields.Text(
        translate=True,
        help="What the clause asks of an agency and what a good record looks like.",
    )

    _sql_constraints = [
        (
            "code_unique",
            "unique(standard, code)",
            "A clause code appears once in a standard.",
        ),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for clause in self:
            clause.display_name = f"{clause.code} {clause.name}"

    @api.model
    def _search_display_name(self, operator, value):
        if operator in ("ilike", "like", "=ilike", "=like", "not ilike"):
            domain = ["|", ("code", "=ilike", f"{value}%"), ("name", operator, value)]
            return ["!", *domain] if operator == "not ilike" else domain
        return super()._search_display_name(operator, value)

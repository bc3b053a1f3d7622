# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsAuditChecklist(models.Model):
    """A checklist template (danh mục câu hỏi đánh giá) for clauses of the
    standard or for one ISO procedure; its questions are copied into audits.
    Shared templates (no agency) serve every agency."""

    _name = "qms.audit.checklist"
    _description = "Audit Checklist Template"
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        index=True,
        help="Leave empty for a checklist shared by every agency.",
    )
    clause_ids = fields.Many2many("qms.iso.clause", string="Clauses")
    procedure_id = fields.Many2one(
        "qms.procedure", string="ISO Procedure", check_company=True
    )
    question_ids = fields.One2many(
        "qms.audit.checklist.question", "checklist_id", string="Questions", copy=True
    )
    question_count = fields.Integer(compute="_compute_question_count")
    note = fields.Text()
    active = fields.Boolean(default=True)

    def _compute_question_count(self):
        for checklist in self:
            checklist.question_count = len(checklist.question_ids)

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsAuditChecklistQuestion(models.Model):
    """A question of a checklist template and the requirement it checks."""

    _name = "qms.audit.checklist.question"
    _description = "Audit Checklist Question"
    _order = "checklist_id, sequence, id"

    checklist_id = fields.Many2one(
        "qms.audit.checklist", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="checklist_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    clause_id = fields.Many2one("qms.iso.clause")
    question = fields.Text(required=True, translate=True)
    requirement = fields.Text(
        translate=True, help="What the auditor expects to see (the requirement)."
    )
    evidence_hint = fields.Char(
        string="Evidence to Look For",
        translate=True,
        help="e.g. Sổ theo dõi hồ sơ, phiếu kiểm soát quá trình.",
    )

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

RESULTS = [
    ("conforming", "Conforming"),
    ("observation", "Observation"),
    ("nc_minor", "Minor Nonconformity"),
    ("nc_major", "Major Nonconformity"),
    ("ofi", "Opportunity for Improvement"),
]


class QmsAuditChecklistLine(models.Model):
    """A question of an audit's checklist, with the evidence seen and the
    result; a result other than conforming makes a finding."""

    _name = "qms.audit.checklist.line"
    _inherit = ["qms.precheck.mixin", "qms.child.mixin"]
    _qms_parent_field = "audit_id"
    _qms_free_fields = frozenset({"finding_id"})
    _qms_prechecks = ("_check_independence",)
    _description = "Audit Checklist Line"
    _order = "audit_id, sequence, id"
    _check_company_auto = True

    audit_id = fields.Many2one(
        "qms.audit", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="audit_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    question_id = fields.Many2one(
        "qms.audit.checklist.question", string="Template Question", readonly=True
    )
    clause_id = fields.Many2one("qms.iso.clause")
    procedure_id = fields.Many2one(
        "qms.procedure", string="Process", check_company=True
    )
    department_id = fields.Many2one("hr.department", string="Unit", check_company=True)
    auditor_id = fields.Many2one("qms.auditor")
    question = fields.Text(required=True)
    requirement = fields.Text()
    evidence = fields.Text(help="What was seen: records, interviews, observations.")
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence Files")
    result = fields.Selection(RESULTS, index=True)
    finding_id = fields.Many2one("qms.audit.finding", readonly=True, copy=False)

    @api.constrains("auditor_id", "department_id")
    def _check_independence(self):
        for line in self:
            line.auditor_id._qms_check_independent(line.department_id)

    def _qms_check_parent(self, parents):
        parents._qms_check_content_editable()

    def _qms_create_finding(self):
        """One finding per line, carrying its clause, unit, evidence and grade."""
        Finding = self.env["qms.audit.finding"]
        for line in self:
            finding = Finding.create(
                {
                    "audit_id": line.audit_id.id,
                    "finding_type": line.result,
                    "clause_id": line.clause_id.id,
                    "procedure_id": line.procedure_id.id,
                    "department_id": line.department_id.id,
                    "auditor_id": line.auditor_id.id,
                    "requirement": line.requirement,
                    "description": line.question,
                    "evidence": line.evidence,
                    "attachment_ids": [(6, 0, line.attachment_ids.ids)],
                    "checklist_line_id": line.id,
                }
            )
            line.finding_id = finding
        return True

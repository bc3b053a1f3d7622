# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsAuditSchedule(models.Model):
    """A line of the audit program (chương trình đánh giá): when, which unit,
    by which auditor, what content, against which documents."""

    _name = "qms.audit.schedule"
    _inherit = ["qms.precheck.mixin", "qms.child.mixin"]
    _qms_parent_field = "audit_id"
    _qms_prechecks = ("_check_within_audit", "_check_independence")
    _description = "Audit Program Line"
    _order = "audit_id, datetime_start, sequence, id"
    _check_company_auto = True

    audit_id = fields.Many2one(
        "qms.audit", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="audit_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    datetime_start = fields.Datetime(string="Starts At", required=True)
    datetime_end = fields.Datetime(string="Ends At", required=True)
    department_id = fields.Many2one(
        "hr.department", string="Unit Audited", check_company=True
    )
    auditor_id = fields.Many2one("qms.auditor")
    content = fields.Text(
        required=True, help="Processes, clauses or activities audited in this slot."
    )
    procedure_ids = fields.Many2many(
        "qms.procedure", string="Processes", check_company=True
    )
    reference_documents = fields.Text(
        help="Documents used as the basis of the audit in this slot."
    )
    auditee_contact = fields.Char(
        string="Auditee", help="Who of the unit receives the auditor."
    )

    @api.constrains("datetime_start", "datetime_end", "audit_id")
    def _check_within_audit(self):
        for line in self:
            audit = line.audit_id
            if not (audit and line.datetime_start and line.datetime_end):
                continue
            if line.datetime_end <= line.datetime_start:
                raise ValidationError(
                    self.env._("A program line must end after it starts.")
                )
            start = fields.Datetime.context_timestamp(line, line.datetime_start).date()
            end = fields.Datetime.context_timestamp(line, line.datetime_end).date()
            if start < audit.date_start or end > audit.date_end:
                raise ValidationError(
                    self.env._(
                        "The program line %(content)s (%(date)s) falls outside the "
                        "audit dates, %(start)s to %(end)s.",
                        content=line.content,
                        date=start.strftime("%d/%m/%Y"),
                        start=audit.date_start.strftime("%d/%m/%Y"),
                        end=audit.date_end.strftime("%d/%m/%Y"),
                    )
                )

    @api.constrains("auditor_id", "department_id", "audit_id")
    def _check_independence(self):
        for line in self:
            audit = line.audit_id
            if line.auditor_id and line.auditor_id not in (
                audit.lead_id | audit.member_ids
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s is not on the team of the audit.",
                        name=line.auditor_id.name,
                    )
                )
            line.auditor_id._qms_check_independent(line.department_id)

    def _qms_check_parent(self, parents):
        parents._qms_check_content_editable(program=True)

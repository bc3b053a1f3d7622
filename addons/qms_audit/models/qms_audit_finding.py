# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models

from .qms_audit_checklist_line import RESULTS

NC_TYPES = ("nc_major", "nc_minor")
# Stored for the severity of the nonconformity record (OCA's taxonomy).
SEVERITIES = {
    "nc_major": "mgmtsystem_nonconformity.nonconformity_severity_maj",
    "nc_minor": "mgmtsystem_nonconformity.nonconformity_severity_min",
}


class QmsAuditFinding(models.Model):
    """A finding of an audit (phát hiện đánh giá): a nonconformity (major or
    minor), an observation or an opportunity for improvement, with the clause,
    the unit, the requirement and the evidence. When the report is issued each
    nonconformity becomes a nonconformity record for the unit to answer."""

    _name = "qms.audit.finding"
    _inherit = ["qms.precheck.mixin", "qms.child.mixin"]
    _qms_parent_field = "audit_id"
    _qms_free_fields = frozenset({"nonconformity_id", "action_id"})
    _qms_prechecks = ("_check_independence",)
    _description = "Audit Finding"
    _order = "audit_id, sequence, id"
    _check_company_auto = True

    audit_id = fields.Many2one(
        "qms.audit", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="audit_id.company_id", store=True, index=True)
    audit_state = fields.Selection(related="audit_id.state")
    sequence = fields.Integer(default=10)
    finding_type = fields.Selection(
        [item for item in RESULTS if item[0] != "conforming"],
        string="Grade",
        required=True,
        index=True,
    )
    clause_id = fields.Many2one("qms.iso.clause")
    procedure_id = fields.Many2one(
        "qms.procedure", string="Process", check_company=True
    )
    department_id = fields.Many2one(
        "hr.department", string="Unit", check_company=True, index=True
    )
    responsible_id = fields.Many2one(
        "res.users",
        string="Responsible in the Unit",
        check_company=True,
        help="Who answers the nonconformity: proposes its cause, correction and "
        "corrective action (the head of the unit by default).",
    )
    auditor_id = fields.Many2one("qms.auditor", string="Found By")
    requirement = fields.Text()
    description = fields.Text(required=True)
    evidence = fields.Text()
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence Files")
    checklist_line_id = fields.Many2one(
        "qms.audit.checklist.line", readonly=True, copy=False
    )
    nonconformity_id = fields.Many2one(
        "mgmtsystem.nonconformity", readonly=True, copy=False
    )
    nonconformity_state = fields.Selection(
        related="nonconformity_id.state", string="Nonconformity Status"
    )
    action_id = fields.Many2one(
        "mgmtsystem.action",
        string="Improvement Action",
        readonly=True,
        copy=False,
    )

    @api.depends("audit_id.reference", "sequence", "finding_type")
    def _compute_display_name(self):
        labels = dict(self._fields["finding_type"]._description_selection(self.env))
        for finding in self:
            finding.display_name = " ".join(
                filter(
                    None,
                    [
                        finding.audit_id.reference,
                        labels.get(finding.finding_type),
                        finding.department_id.sudo().name,
                    ],
                )
            )

    @api.onchange("department_id")
    def _onchange_department_id(self):
        manager = self.department_id.sudo().manager_id.user_id
        if manager and not self.responsible_id:
            self.responsible_id = manager

    @api.constrains("auditor_id", "department_id")
    def _check_independence(self):
        for finding in self:
            finding.auditor_id._qms_check_independent(finding.department_id)

    @api.model_create_multi
    def create(self, vals_list):
        Department = self.env["hr.department"].sudo()
        for vals in vals_list:
            if vals.get("department_id") and not vals.get("responsible_id"):
                manager = Department.browse(vals["department_id"]).manager_id.user_id
                vals["responsible_id"] = manager.id
        return super().create(vals_list)

    def _qms_check_parent(self, parents):
        parents._qms_check_content_editable()

    # ------------------------------------------------------------ outcome
    def _qms_create_nonconformity(self):
        """A nonconformity record for each nonconformity finding, in analysis,
        assigned to the unit, with an activity to answer it by the response
        date (``qms_audit.nc_response_days`` after the report)."""
        NC = self.env["mgmtsystem.nonconformity"]
        today = self._qms_today()
        days = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("qms_audit.nc_response_days", 10)
        )
        origin = self.env.ref("mgmtsystem_nonconformity.nc_origin_internal_audit")
        for finding in self.filtered(
            lambda f: f.finding_type in NC_TYPES and not f.nonconformity_id
        ):
            audit = finding.audit_id
            lead = audit.lead_id.user_id
            with NC.browse()._qms_unlocked(create=True):
                nc = NC.create(
                    {
                        "name": (finding.description or "")[:120],
                        "description": finding.description,
                        "company_id": audit.company_id.id,
                        "system_id": audit.company_id._qms_system().id,
                        "responsible_user_id": finding.responsible_id.id,
                        "manager_user_id": (lead or self.env.user).id,
                        "user_id": (
                            finding.auditor_id.user_id or lead or self.env.user
                        ).id,
                        "origin_ids": [(6, 0, origin.ids)],
                        "severity_id": self.env.ref(
                            SEVERITIES[finding.finding_type]
                        ).id,
                        "stage_id": NC._qms_stage("analysis").id,
                        "qms_audit_id": audit.id,
                        "qms_finding_id": finding.id,
                        "qms_grade": finding.finding_type,
                        "qms_clause_id": finding.clause_id.id,
                        "qms_procedure_id": finding.procedure_id.id,
                        "qms_department_id": finding.department_id.id,
                        "qms_requirement": finding.requirement,
                        "qms_evidence": finding.evidence,
                        "qms_response_due": today + timedelta(days=days),
                        "res_model": "qms.audit",
                        "res_id": audit.id,
                    }
                )
            if finding.attachment_ids:
                nc.message_post(
                    body=self.env._("Evidence from the audit."),
                    attachment_ids=finding.attachment_ids.copy(
                        {"res_model": nc._name, "res_id": nc.id}
                    ).ids,
                )
            finding.nonconformity_id = nc
            nc.activity_schedule(
                "qms_audit.mail_activity_nc_response",
                date_deadline=nc.qms_response_due,
                user_id=finding.responsible_id.id,
            )
        return True

    def action_create_action(self):
        """An improvement action for an observation or an opportunity."""
        self.ensure_one()
        return self.env["mgmtsystem.action"]._qms_new_action_window(
            {
                "name": (self.description or "")[:120],
                "type_action": "improvement",
                "qms_origin": "audit",
                "qms_audit_id": self.audit_id.id,
                "qms_finding_id": self.id,
                "qms_department_id": self.department_id.id,
                "company_id": self.company_id.id,
                "user_id": self.responsible_id.id,
            }
        )

    def action_open_nonconformity(self):
        self.ensure_one()
        return self.nonconformity_id._qms_open_form()

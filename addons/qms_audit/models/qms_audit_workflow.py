# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsAudit(models.Model):
    """The audit's workflow: program (checklists, approval), audit, report,
    closing, and the reminder of late audits."""

    _inherit = "qms.audit"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------ program
    def action_load_checklists(self):
        """Copy the questions of the chosen checklists (or, when none is chosen,
        of the checklists matching the scope) into the audit."""
        for audit in self:
            audit._qms_check_team_access()
            audit._qms_check_content_editable()
            templates = audit.checklist_template_ids or audit._qms_matching_checklists()
            if not templates:
                raise UserError(
                    self.env._(
                        "No checklist matches the scope of %(audit)s: choose one.",
                        audit=audit.display_name,
                    )
                )
            existing = set(audit.checklist_line_ids.mapped("question_id").ids)
            values = []
            for question in templates.question_ids:
                if question.id in existing:
                    continue
                values.append(
                    {
                        "audit_id": audit.id,
                        "question_id": question.id,
                        "sequence": len(values) + len(existing) + 1,
                        "clause_id": question.clause_id.id,
                        "procedure_id": question.checklist_id.procedure_id.id,
                        "question": question.question,
                        "requirement": question.requirement,
                    }
                )
            self.env["qms.audit.checklist.line"].create(values)
            if not audit.checklist_template_ids:
                audit.checklist_template_ids = templates
        return True

    def _qms_matching_checklists(self):
        self.ensure_one()
        Checklist = self.env["qms.audit.checklist"]
        domain = [
            "|",
            ("company_id", "=", False),
            ("company_id", "=", self.company_id.id),
        ]
        scope = self.sudo()
        by_clause = Checklist.search(
            domain + [("clause_ids", "in", scope.clause_ids.ids)]
        )
        by_process = Checklist.search(
            domain + [("procedure_id", "in", scope.procedure_ids.ids)]
        )
        return by_clause | by_process

    def action_submit_program(self):
        for audit in self:
            audit._qms_require_state(
                ("planned",), self.env._("Only a planned audit's program is submitted.")
            )
            audit._qms_check_team_access(lead_only=True)
            audit._qms_check_program()
        for audit in self._qms_request_approval():
            # No approval tier applies: the quality representative approves
            # directly.
            if self.env.user != audit.qmr_id and not self.env.user.has_group(
                "qms_public_admin.group_qms_qmr"
            ):
                raise UserError(
                    self.env._("Only the quality representative approves the program.")
                )
            audit._qms_approved()
        return True

    def _qms_approved(self):
        for audit in self.filtered(lambda a: a.state == "planned"):
            approver = audit._qms_approver()
            audit.sudo()._qms_transition(
                {
                    "state": "program_approved",
                    "program_approved_by_id": approver.id,
                    "program_approved_on": fields.Datetime.now(),
                }
            )
            audit.sudo()._qms_notify_team()

    def _qms_notify_team(self):
        """Make the team and the auditee units' heads followers of the audit."""
        self.ensure_one()
        partners = self.team_user_ids.partner_id
        partners |= self.department_ids.manager_id.user_id.partner_id
        self.message_subscribe(partner_ids=partners.ids)
        self.message_post(
            body=self.env._(
                "The audit program was approved. Audit from %(start)s to %(end)s.",
                start=self.date_start.strftime("%d/%m/%Y"),
                end=self.date_end.strftime("%d/%m/%Y"),
            ),
            message_type="notification",
            subtype_xmlid="mail.mt_comment",
        )

    def action_reopen_program(self):
        """Back to planning, to amend an approved program before the audit."""
        for audit in self:
            audit._qms_require_state(
                ("planned", "program_approved"),
                self.env._("The program can only be amended before the audit starts."),
            )
            if not self.env.user.has_group("qms_public_admin.group_qms_qmr"):
                raise UserError(
                    self.env._("Only the quality representative reopens a program.")
                )
        self.restart_validation()
        self._qms_transition(
            {
                "state": "planned",
                "program_approved_by_id": False,
                "program_approved_on": False,
            }
        )
        return True

    # ------------------------------------------------------------ audit
    def action_start(self):
        for audit in self:
            audit._qms_require_state(
                ("program_approved",),
                self.env._("The program must be approved before the audit starts."),
            )
            audit._qms_check_team_access()
            audit._qms_transition(
                {
                    "state": "in_progress",
                    "opening_meeting": audit.opening_meeting or fields.Datetime.now(),
                }
            )
        return True

    def action_record_findings(self):
        """A finding for every checklist answer that is not conforming."""
        for audit in self:
            audit._qms_check_team_access()
            audit._qms_check_content_editable()
            audit.checklist_line_ids.filtered(
                lambda line: (
                    line.result not in (False, "conforming") and not line.finding_id
                )
            )._qms_create_finding()
        return True

    def action_issue_report(self):
        for audit in self:
            audit._qms_require_state(
                ("in_progress",),
                self.env._("The report is issued once the audit is in progress."),
            )
            audit._qms_check_team_access(lead_only=True)
            if not audit.conclusion or not audit.conclusion.striptags().strip():
                raise UserError(
                    self.env._("Write the conclusion of the audit before issuing it.")
                )
            unanswered = audit.checklist_line_ids.filtered(lambda line: not line.result)
            if unanswered:
                raise UserError(
                    self.env._(
                        "%(count)s checklist question(s) have no result yet.",
                        count=len(unanswered),
                    )
                )
            audit.action_record_findings()
            incomplete = audit.finding_ids.filtered(
                lambda f: (
                    f.finding_type in ("nc_major", "nc_minor")
                    and not (f.department_id and f.responsible_id and f.description)
                )
            )
            if incomplete:
                raise UserError(
                    self.env._(
                        "Each nonconformity needs its unit, the person responsible "
                        "for it and a description: %(findings)s.",
                        findings=", ".join(incomplete.mapped("display_name")),
                    )
                )
        for audit in self:
            audit.sudo().finding_ids._qms_create_nonconformity()
            audit._qms_transition(
                {
                    "state": "report_issued",
                    "report_date": self._qms_today(),
                    "report_issued_by_id": self.env.user.id,
                    "closing_meeting": audit.closing_meeting or fields.Datetime.now(),
                }
            )
            audit.message_post(
                body=self.env._(
                    "Audit report issued: %(nc)s nonconformity(ies), %(obs)s "
                    "observation(s), %(ofi)s opportunity(ies) for improvement.",
                    nc=audit.nc_major_count + audit.nc_minor_count,
                    obs=audit.observation_count,
                    ofi=audit.ofi_count,
                ),
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_close(self):
        for audit in self:
            audit._qms_require_state(
                ("report_issued",),
                self.env._("Only an audit whose report is issued can be closed."),
            )
            audit._qms_check_team_access(lead_only=True)
            still_open = audit.sudo().nonconformity_ids.filtered(
                lambda nc: nc.state not in ("done", "cancel")
            )
            if still_open:
                raise UserError(
                    self.env._(
                        "The audit cannot close while nonconformities are open: "
                        "%(ncs)s.",
                        ncs=", ".join(still_open.mapped("ref")),
                    )
                )
            audit._qms_transition(
                {
                    "state": "closed",
                    "closed_on": self._qms_today(),
                }
            )
        return True

    def action_cancel(self):
        self._qms_require_state(
            ("planned", "program_approved"),
            self.env._("Only an audit that has not started can be cancelled."),
        )
        for audit in self:
            audit._qms_check_team_access(lead_only=True)
        self.restart_validation()
        self._qms_transition({"state": "cancel"})
        return True

    # ------------------------------------------------------------ views
    def action_view_nonconformities(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_audit.action_qms_audit_nonconformity"
        )
        action["domain"] = [("qms_audit_id", "=", self.id)]
        action["context"] = {"default_qms_audit_id": self.id}
        return action

    @api.model
    def _cron_qms_late_audits(self):
        """Remind the lead auditor once that an audit ran past its end date
        without a report."""
        today = self._qms_today()
        late = self.search([("is_late", "=", True), ("late_notified_on", "=", False)])

        def remind(audit):
            user = audit.lead_id.user_id or audit.create_uid
            audit.activity_schedule(
                "qms_audit.mail_activity_audit_late",
                date_deadline=today,
                user_id=user.id,
                summary=self.env._(
                    "The audit should have ended on %(date)s: issue the report.",
                    date=audit.date_end.strftime("%d/%m/%Y"),
                ),
            )
            audit._qms_transition({"late_notified_on": today})

        self._qms_each(late, remind)
        self.env["qms.audit.plan.line"]._cron_qms_late_audits()
        return len(late)

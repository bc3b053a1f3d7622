# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError

MONTHS = [(str(m), str(m)) for m in range(1, 13)]
OPEN_STATUSES = ("planned", "scheduled", "in_progress", "late")


class QmsAuditPlanLine(models.Model):
    """One planned audit of the annual plan: a unit (and the processes to
    audit there) in a month. Its status compares the plan with what happened:
    an audit whose report is not issued by the end of its month is late."""

    _name = "qms.audit.plan.line"
    _inherit = ["qms.child.mixin"]
    _qms_parent_field = "plan_id"
    _qms_free_fields = frozenset({"late_notified_on"})
    _description = "Planned Audit"
    _order = "plan_id, month_number, sequence, id"
    _check_company_auto = True

    plan_id = fields.Many2one(
        "qms.audit.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    year = fields.Integer(related="plan_id.year", store=True)
    sequence = fields.Integer(default=10)
    department_id = fields.Many2one(
        "hr.department", string="Unit Audited", required=True, check_company=True
    )
    procedure_ids = fields.Many2many(
        "qms.procedure",
        string="Processes",
        check_company=True,
        help="ISO procedures to audit in the unit (all of its processes if empty).",
    )
    clause_ids = fields.Many2many("qms.iso.clause", string="Clauses")
    month = fields.Selection(MONTHS, required=True)
    month_number = fields.Integer(compute="_compute_dates", store=True)
    date_due = fields.Date(
        string="Due By",
        compute="_compute_dates",
        store=True,
        help="End of the planned month: the report should be issued by then.",
    )
    team_id = fields.Many2one("qms.audit.team", domain="[('plan_id', '=', plan_id)]")
    audit_ids = fields.One2many("qms.audit", "plan_line_id", string="Audits")
    audit_id = fields.Many2one("qms.audit", compute="_compute_status", store=True)
    done_date = fields.Date(
        string="Report Issued On", compute="_compute_status", store=True
    )
    on_time = fields.Boolean(compute="_compute_status", store=True)
    status = fields.Selection(
        [
            ("planned", "Planned"),
            ("scheduled", "Program Prepared"),
            ("in_progress", "In Progress"),
            ("late", "Late"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        compute="_compute_status",
        store=True,
        index=True,
    )
    late_notified_on = fields.Date(readonly=True, copy=False)
    note = fields.Char()

    @api.depends("plan_id.year", "month")
    def _compute_dates(self):
        for line in self:
            if line.plan_id.year and line.month:
                month = int(line.month)
                last = calendar.monthrange(line.plan_id.year, month)[1]
                line.month_number = month
                line.date_due = date(line.plan_id.year, month, last)
            else:
                line.month_number = 0
                line.date_due = False

    @api.depends(
        "audit_ids.state", "audit_ids.report_date", "date_due", "plan_id.state"
    )
    def _compute_status(self):
        today = self._qms_today()
        for line in self:
            audit = line.audit_ids.filtered(lambda a: a.state != "cancel").sorted(
                "date_start"
            )[-1:]
            line.audit_id = audit
            line.done_date = audit.report_date
            line.on_time = bool(
                audit.report_date
                and line.date_due
                and audit.report_date <= line.date_due
            )
            if line.plan_id.state == "cancel":
                status = "cancel"
            elif audit.state in ("report_issued", "closed"):
                status = "done"
            elif line.date_due and line.date_due < today:
                status = "late"
            elif audit.state == "in_progress":
                status = "in_progress"
            elif audit:
                status = "scheduled"
            else:
                status = "planned"
            line.status = status

    @api.depends("department_id", "month", "plan_id.year")
    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.department_id.name} ({line.month}/{line.year})"

    # ------------------------------------------------------------ actions
    def action_create_audit(self):
        """Prepare the audit of this planned line, with the plan's team."""
        self.ensure_one()
        if self.plan_id.state != "approved":
            raise UserError(self.env._("Audits are prepared from an approved plan."))
        if self.audit_id:
            return self.audit_id._qms_open()
        start = max(
            date(self.year, int(self.month), 1),
            self._qms_today(),
        )
        audit = self.env["qms.audit"].create(
            {
                "name": self.env._(
                    "Internal audit of %(unit)s", unit=self.department_id.name
                ),
                "company_id": self.company_id.id,
                "plan_id": self.plan_id.id,
                "plan_line_id": self.id,
                "department_ids": [(6, 0, self.department_id.ids)],
                "procedure_ids": [(6, 0, self.procedure_ids.ids)],
                "clause_ids": [(6, 0, self.clause_ids.ids)],
                "date_start": start,
                "date_end": max(start, self.date_due),
                "lead_id": self.team_id.lead_id.id,
                "member_ids": [(6, 0, self.team_id.member_ids.ids)],
            }
        )
        return audit._qms_open()

    @api.model
    def _cron_qms_late_audits(self):
        """Refresh plan-versus-actual and tell the ISO officers and the quality
        representative once about each planned audit that ran late."""
        today = self._qms_today()
        lines = self.search(
            [
                ("status", "in", ("planned", "scheduled", "in_progress")),
                ("date_due", "<", today),
            ]
        )
        self.env.add_to_compute(self._fields["status"], lines)
        lines.flush_recordset(["status"])
        late = self.search([("status", "=", "late"), ("late_notified_on", "=", False)])
        recipients = {}
        for company in late.company_id:
            system = company._qms_system()
            recipients[company] = (
                system._qms_escalation_users() | system.qms_iso_officer_ids
                if system
                else self.env["res.users"]
            )
        for line in late:
            for user in recipients[line.company_id]:
                line.plan_id.activity_schedule(
                    "qms_audit.mail_activity_audit_late",
                    date_deadline=today,
                    user_id=user.id,
                    summary=self.env._(
                        "Audit late: %(line)s was planned by %(due)s",
                        line=line.display_name,
                        due=line.date_due.strftime("%d/%m/%Y"),
                    ),
                )
        late.write({"late_notified_on": today})
        return len(late)

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

# Fields of the program: frozen once the quality representative approved it.
PROGRAM_FIELDS = frozenset(
    {
        "name",
        "company_id",
        "plan_id",
        "plan_line_id",
        "audit_kind",
        "objective",
        "department_ids",
        "procedure_ids",
        "clause_ids",
        "criteria",
        "criteria_document_ids",
        "date_start",
        "date_end",
        "lead_id",
        "member_ids",
        "qmr_id",
        "schedule_ids",
    }
)
# Fields of the report: frozen once it is issued.
REPORT_FIELDS = frozenset(
    {
        "opening_meeting",
        "closing_meeting",
        "summary",
        "strengths",
        "conclusion",
        "checklist_template_ids",
        "checklist_line_ids",
        "finding_ids",
    }
)


class QmsAudit(models.Model):
    """An internal audit (đánh giá nội bộ, ISO 9001 clause 9.2): scope, criteria,
    team, the program (schedule) approved by the quality representative,
    checklists, findings and the report.

    planned → program approved → in progress → report issued → closed.
    Nonconformities found become ``mgmtsystem.nonconformity`` records whose
    corrective actions the auditee unit proposes; the audit closes once they
    are all closed.
    """

    _name = "qms.audit"
    _description = "Internal Audit"
    _inherit = [
        "qms.approval.mixin",
        "qms.precheck.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _state_from = ["planned"]
    _state_to = ["program_approved"]
    _cancel_state = "cancel"
    _qms_locked_states = ("closed", "cancel")
    _qms_prechecks = ("_check_dates", "_check_team_qualified")

    name = fields.Char(required=True, tracking=True)
    reference = fields.Char(readonly=True, copy=False, index=True)
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    plan_id = fields.Many2one(
        "qms.audit.plan",
        string="Annual Plan",
        check_company=True,
        index=True,
        domain="[('state', 'in', ('approved', 'closed'))]",
    )
    plan_line_id = fields.Many2one(
        "qms.audit.plan.line",
        string="Planned Audit",
        check_company=True,
        index=True,
        domain="[('plan_id', '=', plan_id)]",
    )
    audit_kind = fields.Selection(
        [
            ("planned", "Planned"),
            ("extra", "Unplanned"),
            ("follow_up", "Follow-up"),
        ],
        string="Kind",
        default="planned",
        required=True,
    )
    objective = fields.Text()
    department_ids = fields.Many2many(
        "hr.department", string="Units Audited", check_company=True
    )
    procedure_ids = fields.Many2many(
        "qms.procedure", string="Processes Audited", check_company=True
    )
    clause_ids = fields.Many2many("qms.iso.clause", string="Clauses")
    criteria = fields.Text(
        default=lambda self: self._default_criteria(),
        help="Requirements audited against: the standard, legal documents, the "
        "agency's procedures.",
    )
    criteria_document_ids = fields.Many2many(
        "qms.document", string="Reference Documents", check_company=True
    )
    scope_summary = fields.Text(compute="_compute_scope_summary")
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, tracking=True)
    opening_meeting = fields.Datetime(tracking=True)
    closing_meeting = fields.Datetime(tracking=True)
    lead_id = fields.Many2one("qms.auditor", string="Lead Auditor", tracking=True)
    member_ids = fields.Many2many("qms.auditor", string="Auditors")
    team_user_ids = fields.Many2many(
        "res.users",
        "qms_audit_team_user_rel",
        "audit_id",
        "user_id",
        string="Team Users",
        compute="_compute_team_user_ids",
        store=True,
    )
    qmr_id = fields.Many2one(
        "res.users",
        string="Quality Representative",
        default=lambda self: self.env.company._qms_system().qms_qmr_id,
        tracking=True,
        help="Approves the audit program.",
    )
    schedule_ids = fields.One2many(
        "qms.audit.schedule", "audit_id", string="Program", copy=True
    )
    checklist_template_ids = fields.Many2many(
        "qms.audit.checklist", string="Checklists Used"
    )
    checklist_line_ids = fields.One2many(
        "qms.audit.checklist.line", "audit_id", string="Checklist"
    )
    finding_ids = fields.One2many("qms.audit.finding", "audit_id", string="Findings")
    nonconformity_ids = fields.One2many(
        "mgmtsystem.nonconformity", "qms_audit_id", string="Nonconformities"
    )
    summary = fields.Html()
    strengths = fields.Html()
    conclusion = fields.Html()
    program_approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    program_approved_on = fields.Datetime(readonly=True, copy=False)
    report_date = fields.Date(string="Report Issued On", readonly=True, copy=False)
    report_issued_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    closed_on = fields.Date(readonly=True, copy=False)
    late_notified_on = fields.Date(readonly=True, copy=False)
    is_late = fields.Boolean(
        string="Late",
        compute="_compute_is_late",
        search="_search_is_late",
        help="The audit should have ended and its report is not issued.",
    )
    finding_count = fields.Integer(compute="_compute_counts", store=True)
    nc_major_count = fields.Integer(
        string="Major NCs", compute="_compute_counts", store=True
    )
    nc_minor_count = fields.Integer(
        string="Minor NCs", compute="_compute_counts", store=True
    )
    observation_count = fields.Integer(
        string="Observations", compute="_compute_counts", store=True
    )
    ofi_count = fields.Integer(
        string="Opportunities", compute="_compute_counts", store=True
    )
    nc_open_count = fields.Integer(
        string="Open Nonconformities", compute="_compute_nc_open_count"
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("program_approved", "Program Approved"),
            ("in_progress", "In Progress"),
            ("report_issued", "Report Issued"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )

    @api.model
    def _default_criteria(self):
        return self.env._(
            "TCVN ISO 9001:2015; the quality system documents and ISO procedures "
            "of the agency; the legal documents governing the procedures audited."
        )

    # ------------------------------------------------------------ computes
    @api.depends("lead_id.user_id", "member_ids.user_id")
    def _compute_team_user_ids(self):
        for audit in self:
            audit.team_user_ids = (audit.lead_id | audit.member_ids).user_id

    @api.depends("finding_ids.finding_type")
    def _compute_counts(self):
        for audit in self:
            types = audit.finding_ids.mapped("finding_type")
            audit.finding_count = len(types)
            audit.nc_major_count = types.count("nc_major")
            audit.nc_minor_count = types.count("nc_minor")
            audit.observation_count = types.count("observation")
            audit.ofi_count = types.count("ofi")

    def _compute_nc_open_count(self):
        for audit in self:
            audit.nc_open_count = len(
                audit.sudo().nonconformity_ids.filtered(
                    lambda nc: nc.state not in ("done", "cancel")
                )
            )

    def _compute_scope_summary(self):
        for audit in self:
            # Team members from other agencies read the scope through the audit.
            scope = audit.sudo()
            parts = [
                (self.env._("Units"), scope.department_ids.mapped("name")),
                (self.env._("Processes"), scope.procedure_ids.mapped("display_name")),
                (self.env._("Clauses"), scope.clause_ids.mapped("display_name")),
                (
                    self.env._("Reference documents"),
                    scope.criteria_document_ids.mapped("display_name"),
                ),
            ]
            audit.scope_summary = "\n".join(
                f"{label}: {'; '.join(names)}" for label, names in parts if names
            )

    def _compute_is_late(self):
        today = self._qms_today()
        for audit in self:
            audit.is_late = bool(
                audit.state in ("planned", "program_approved", "in_progress")
                and audit.date_end
                and audit.date_end < today
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on late audits."))
        domain = [
            ("state", "in", ("planned", "program_approved", "in_progress")),
            ("date_end", "<", self._qms_today()),
        ]
        # Negate the whole domain, not its first leaf.
        return (
            domain
            if (operator == "=") == value
            else ["!", *expression.normalize_domain(domain)]
        )

    @api.depends("reference", "name")
    def _compute_display_name(self):
        for audit in self:
            audit.display_name = (
                f"{audit.reference} - {audit.name}" if audit.reference else audit.name
            )

    # ------------------------------------------------------------ checks
    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for audit in self:
            if (
                audit.date_start
                and audit.date_end
                and audit.date_end < audit.date_start
            ):
                raise ValidationError(
                    self.env._("An audit cannot end before it starts.")
                )

    @api.constrains("lead_id", "member_ids", "date_start")
    def _check_team_qualified(self):
        for audit in self.filtered("date_start"):
            team = audit.lead_id | audit.member_ids
            on_date = audit.date_start
            unqualified = team.filtered(
                lambda a, on_date=on_date: not a._qms_is_qualified(on_date)
            )
            if unqualified:
                raise ValidationError(
                    self.env._(
                        "Only qualified auditors (with a training certificate valid "
                        "on %(date)s) may audit: %(names)s.",
                        date=audit.date_start.strftime("%d/%m/%Y"),
                        names=", ".join(unqualified.mapped("name")),
                    )
                )
            if audit.lead_id in audit.member_ids:
                raise ValidationError(
                    self.env._(
                        "%(name)s leads the audit: do not list them as an auditor too.",
                        name=audit.lead_id.name,
                    )
                )

    @api.constrains("plan_line_id", "plan_id")
    def _check_plan_line(self):
        for audit in self.filtered("plan_line_id"):
            if audit.plan_line_id.plan_id != audit.plan_id:
                raise ValidationError(
                    self.env._("The planned audit belongs to another plan.")
                )

    def _qms_check_program(self):
        """Raise unless the program is complete enough to be approved."""
        self.ensure_one()
        problems = []
        if not self.lead_id:
            problems.append(self.env._("a lead auditor"))
        if not self.department_ids:
            problems.append(self.env._("the units audited"))
        if not self.schedule_ids:
            problems.append(self.env._("the schedule"))
        if not self.qmr_id:
            problems.append(self.env._("the quality representative who approves it"))
        if problems:
            raise UserError(
                self.env._(
                    "The audit program needs %(missing)s.",
                    missing=", ".join(problems),
                )
            )
        self.schedule_ids._check_within_audit()
        self.schedule_ids._check_independence()

    def _qms_check_team_access(self, lead_only=False):
        """Raise unless the user may act for the audit team: the lead auditor
        (or any auditor of the team) or an ISO officer of the agency."""
        user = self.env.user
        for audit in self:
            if self.env.su:
                continue
            officer = (
                user.has_group("qms_public_admin.group_qms_iso_officer")
                and audit.company_id in user.company_ids
            )
            lead = audit.lead_id.user_id == user
            member = user in audit.team_user_ids
            if not (officer or lead or (member and not lead_only)):
                raise UserError(
                    self.env._(
                        "Only the lead auditor of %(audit)s or an ISO officer of "
                        "the agency may do this.",
                        audit=audit.display_name,
                    )
                    if lead_only
                    else self.env._(
                        "Only the team of %(audit)s or an ISO officer of the "
                        "agency may do this.",
                        audit=audit.display_name,
                    )
                )

    # ------------------------------------------------------------ ORM
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("reference"):
                vals["reference"] = self.env["ir.sequence"].next_by_code("qms.audit")
        return super().create(vals_list)

    def _qms_frozen_fields(self, state, names):
        frozen = super()._qms_frozen_fields(state, names)
        if state != "planned":
            frozen |= set(names) & PROGRAM_FIELDS
        if state == "report_issued":
            frozen |= set(names) & REPORT_FIELDS
        return frozen

    def _qms_locked_message(self, record):
        if record.state == "report_issued":
            return self.env._(
                "The report of %(audit)s is issued: it can no longer be changed.",
                audit=record.display_name,
            )
        if record.state in ("program_approved", "in_progress"):
            return self.env._(
                "The program of %(audit)s is approved: it can no longer be changed "
                "(ask the quality representative to reopen it).",
                audit=record.display_name,
            )
        return super()._qms_locked_message(record)

    def _qms_check_content_editable(self, program=False):
        """Raise unless the audit's checklist and findings (or, with
        ``program``, its schedule) may still be changed."""
        if self._qms_in_transition():
            return
        allowed = (
            ("planned",) if program else ("planned", "program_approved", "in_progress")
        )
        for audit in self:
            if audit.state not in allowed:
                raise UserError(
                    self.env._(
                        "%(audit)s is %(state)s: its program can no longer be changed.",
                        audit=audit.display_name,
                        state=self._qms_state_label(audit),
                    )
                    if program
                    else self.env._(
                        "%(audit)s is %(state)s: its checklist and findings can no "
                        "longer be changed.",
                        audit=audit.display_name,
                        state=self._qms_state_label(audit),
                    )
                )

    @api.model
    def _qms_state_label(self, audit):
        return dict(self._fields["state"]._description_selection(self.env))[
            audit.state
        ].lower()

    @api.ondelete(at_uninstall=False)
    def _unlink_only_planned(self):
        if any(audit.state not in ("planned", "cancel") for audit in self):
            raise UserError(
                self.env._("An audit whose program was approved is a record: it stays.")
            )

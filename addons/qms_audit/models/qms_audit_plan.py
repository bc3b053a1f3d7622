# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class QmsAuditPlan(models.Model):
    """The annual internal-audit plan (kế hoạch đánh giá nội bộ năm), adopted
    by a decision of the agency: which unit and which processes are audited in
    which month, by which team. Plan versus actual is tracked on its lines.

    draft → approved (decision number and date, approved by the quality
    representative) → closed; approved plans are frozen.
    """

    _name = "qms.audit.plan"
    _description = "Annual Internal Audit Plan"
    _inherit = ["qms.locked.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "year desc, company_id"
    _check_company_auto = True
    _qms_locked_states = ("approved", "closed", "cancel")

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    year = fields.Integer(
        required=True,
        default=lambda self: self._qms_today().year,
        tracking=True,
    )
    objective = fields.Text(
        help="What the audits of the year aim at (e.g. conformity of the quality "
        "system with TCVN ISO 9001:2015 and the effectiveness of its processes)."
    )
    scope = fields.Text(help="Units and processes the plan covers.")
    decision_number = fields.Char(tracking=True, help="e.g. 45/QĐ-STP")
    decision_date = fields.Date(tracking=True)
    signed_by_id = fields.Many2one(
        "res.users",
        tracking=True,
        help="Who signed the decision adopting the plan (the head of the agency).",
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_on = fields.Datetime(readonly=True, copy=False)
    team_ids = fields.One2many(
        "qms.audit.team", "plan_id", string="Audit Teams", copy=True
    )
    line_ids = fields.One2many(
        "qms.audit.plan.line", "plan_id", string="Planned Audits", copy=True
    )
    audit_ids = fields.One2many("qms.audit", "plan_id", string="Audits")
    line_count = fields.Integer(compute="_compute_counts")
    done_count = fields.Integer(string="Audits Done", compute="_compute_counts")
    late_count = fields.Integer(string="Audits Late", compute="_compute_counts")
    audit_count = fields.Integer(compute="_compute_counts")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )

    _sql_constraints = [
        (
            "year_range",
            "check(year between 2000 and 2100)",
            "The year of the plan is out of range.",
        ),
    ]

    @api.depends("year")
    def _compute_name(self):
        for plan in self:
            if not plan.name:
                plan.name = self.env._(
                    "Internal audit plan %(year)s", year=plan.year or ""
                )

    @api.depends("line_ids.status", "audit_ids")
    def _compute_counts(self):
        for plan in self:
            plan.line_count = len(plan.line_ids)
            plan.done_count = len(
                plan.line_ids.filtered(lambda line: line.status == "done")
            )
            plan.late_count = len(
                plan.line_ids.filtered(
                    lambda line: (
                        line.status == "late"
                        or (line.status == "done" and not line.on_time)
                    )
                )
            )
            plan.audit_count = len(plan.audit_ids)

    @api.constrains("state", "company_id", "year")
    def _check_one_plan_per_year(self):
        self.filtered(lambda p: p.state in ("approved", "closed"))._qms_check_no_twin()

    def _qms_check_no_twin(self):
        for plan in self:
            twin = self.search_count(
                [
                    ("company_id", "=", plan.company_id.id),
                    ("year", "=", plan.year),
                    ("state", "in", ("approved", "closed")),
                    ("id", "!=", plan.id),
                ]
            )
            if twin:
                raise ValidationError(
                    self.env._(
                        "%(agency)s already has an approved audit plan for "
                        "%(year)s: amend it instead.",
                        agency=plan.company_id.name,
                        year=plan.year,
                    )
                )

    def _qms_check_editable(self):
        """Raise if a plan is frozen (its teams and lines are frozen with it)."""
        if self._qms_in_transition():
            return
        locked = self.filtered(lambda p: p.state in self._qms_locked_states)
        if locked:
            raise UserError(
                self.env._(
                    "%(name)s is approved and can no longer be changed: amend it "
                    "with a new decision.",
                    name=locked[0].display_name,
                )
            )

    # ------------------------------------------------------------ lifecycle
    def action_approve(self):
        if not self.env.user.has_group("qms_public_admin.group_qms_qmr"):
            raise UserError(
                self.env._("Only the quality representative approves the audit plan.")
            )
        for plan in self:
            plan._qms_require_state(
                ("draft",), self.env._("Only a draft plan can be approved.")
            )
            missing = [
                label
                for field, label in (
                    ("decision_number", self.env._("decision number")),
                    ("decision_date", self.env._("decision date")),
                    ("line_ids", self.env._("planned audits")),
                )
                if not plan[field]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "The plan needs its %(missing)s before it is approved.",
                        missing=", ".join(missing),
                    )
                )
            plan._qms_check_no_twin()
            plan._qms_transition(
                {
                    "state": "approved",
                    "approved_by_id": self.env.user.id,
                    "approved_on": fields.Datetime.now(),
                }
            )
        return True

    def action_close(self):
        for plan in self:
            plan._qms_require_state(
                ("approved",), self.env._("Only an approved plan can be closed.")
            )
            open_lines = plan.line_ids.filtered(
                lambda line: line.status not in ("done", "cancel")
            )
            if open_lines:
                raise UserError(
                    self.env._(
                        "Audits of the plan are not done yet: %(units)s. Carry "
                        "them out or cancel them first.",
                        units=", ".join(open_lines.mapped("display_name")),
                    )
                )
            plan._qms_transition({"state": "closed"})
        return True

    def action_cancel(self):
        self._qms_require_state(
            ("draft",), self.env._("Only a draft plan can be cancelled.")
        )
        self._qms_transition({"state": "cancel"})
        return True

    def action_amend(self):
        """Copy an approved plan into a new draft (the decision amending it)."""
        self.ensure_one()
        self._qms_require_state(
            ("approved",), self.env._("Only an approved plan is amended.")
        )
        return self.copy(
            {"name": self.env._("%(name)s (amended)", name=self.name)}
        )._qms_open()

    def action_view_audits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_audit.action_qms_audit"
        )
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {"default_plan_id": self.id}
        return action

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(plan.state not in ("draft", "cancel") for plan in self):
            raise UserError(self.env._("An approved plan is a record: it stays."))

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .qms_audit_checklist_line import RESULTS

OPEN_NC_STATES = ("draft", "analysis", "pending", "open")


class MgmtsystemNonconformity(models.Model):
    """Nonconformities (OCA's ``mgmtsystem.nonconformity``) found by internal
    audits or otherwise: clause, unit, requirement and evidence; no partner
    needed for internal findings.

    The unit answers (analysis): root cause, correction and corrective actions
    with committed deadlines; it submits the plan; the lead auditor (an ISO
    officer for nonconformities outside audits) accepts it, which opens the
    actions, or returns it with comments. Once every action is verified
    effective the nonconformity closes by itself. Stages move only through
    these buttons.
    """

    _name = "mgmtsystem.nonconformity"
    _inherit = ["mgmtsystem.nonconformity", "qms.transition.mixin"]
    _check_company_auto = True

    partner_id = fields.Many2one(required=False)
    responsible_user_id = fields.Many2one(check_company=True)
    qms_audit_id = fields.Many2one(
        "qms.audit",
        string="Audit",
        index=True,
        ondelete="restrict",
        readonly=True,
        check_company=True,
    )
    qms_finding_id = fields.Many2one(
        "qms.audit.finding", string="Finding", readonly=True, index=True
    )
    qms_grade = fields.Selection(
        [item for item in RESULTS if item[0] in ("nc_major", "nc_minor")],
        string="Grade",
        tracking=True,
        index=True,
    )
    qms_clause_id = fields.Many2one("qms.iso.clause", string="Clause")
    qms_procedure_id = fields.Many2one(
        "qms.procedure", string="Process", check_company=True
    )
    qms_department_id = fields.Many2one(
        "hr.department", string="Unit", check_company=True, index=True, tracking=True
    )
    qms_requirement = fields.Text(string="Requirement")
    qms_evidence = fields.Text(string="Evidence")
    qms_correction = fields.Text(
        string="Correction",
        tracking=True,
        help="What was done at once to fix the nonconformity itself.",
    )
    qms_response_due = fields.Date(
        string="Answer Due",
        tracking=True,
        help="The unit proposes its cause analysis and actions by this date.",
    )
    qms_auditor_comment = fields.Text(
        string="Auditor's Comments",
        tracking=True,
        help="Why the plan is accepted or returned.",
    )
    qms_submitted_on = fields.Date(string="Plan Submitted On", readonly=True)
    qms_accepted_by_id = fields.Many2one(
        "res.users", string="Plan Accepted By", readonly=True
    )
    qms_accepted_on = fields.Date(string="Plan Accepted On", readonly=True)
    qms_return_count = fields.Integer(string="Times Returned", readonly=True)
    qms_committed_deadline = fields.Date(
        string="Committed Deadline",
        readonly=True,
        help="The latest deadline of the accepted action plan.",
    )
    qms_closed_on_time = fields.Boolean(string="Closed on Time", readonly=True)
    qms_overdue = fields.Boolean(
        string="Overdue", compute="_compute_qms_overdue", search="_search_qms_overdue"
    )
    qms_response_notified_on = fields.Date(
        string="Late Answer Reminded On", readonly=True, copy=False
    )

    # ------------------------------------------------------------ computes
    def _compute_qms_overdue(self):
        today = self._qms_today()
        for nc in self:
            nc.qms_overdue = bool(
                (
                    nc.state in ("draft", "analysis")
                    and nc.qms_response_due
                    and nc.qms_response_due < today
                )
                or (
                    nc.state in ("pending", "open")
                    and nc.qms_committed_deadline
                    and nc.qms_committed_deadline < today
                    and any(
                        a.qms_state in ("draft", "open")
                        for a in nc.sudo()._get_all_actions()
                    )
                )
            )

    def _search_qms_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue items."))
        today = self._qms_today()
        domain = [
            "|",
            "&",
            ("state", "in", ("draft", "analysis")),
            ("qms_response_due", "<", today),
            "&",
            "&",
            ("state", "in", ("pending", "open")),
            ("qms_committed_deadline", "<", today),
            ("action_ids.qms_state", "in", ("draft", "open")),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    # ------------------------------------------------------------ guards
    @api.model
    def _qms_stage(self, state):
        return self.env["mgmtsystem.nonconformity.stage"].search(
            [("state", "=", state)], order="sequence", limit=1
        )

    @api.model_create_multi
    def create(self, vals_list):
        if not self._qms_creating():
            initial = self._fields["stage_id"].default
            initial = initial(self).id if callable(initial) else False
            given = self.env.context.get("default_stage_id")
            for vals in vals_list:
                stage = vals.get("stage_id", given)
                if stage not in (None, False, initial) or "state" in vals:
                    raise UserError(
                        self.env._(
                            "A new nonconformity starts as a draft; use its buttons "
                            "to move it on."
                        )
                    )
        return super().create(vals_list)

    def write(self, vals):
        if ("stage_id" in vals or "state" in vals) and not self._qms_in_transition():
            raise UserError(
                self.env._(
                    "Use the buttons of the nonconformity to submit, accept, return "
                    "or close it."
                )
            )
        return super().write(vals)

    def _qms_move(self, state, vals=None):
        values = dict(vals or {}, stage_id=self._qms_stage(state).id)
        # Moves are checked by the buttons; the system records them for the
        # user (who need not be able to write the actions the move opens).
        return self.sudo()._qms_transition(values)

    def _qms_require(self, states, message):
        if any(nc.state not in states for nc in self):
            raise UserError(message)

    def _qms_is_reviewer(self, user):
        """The lead auditor of the audit, or, outside audits, an ISO officer of
        the agency (the manager of the nonconformity too)."""
        self.ensure_one()
        if self.env.su:
            return True
        audit = self.sudo().qms_audit_id
        if audit:
            return user == audit.lead_id.user_id
        return (
            user.has_group("qms_public_admin.group_qms_iso_officer")
            and self.company_id in user.company_ids
        ) or user == self.manager_user_id

    def _qms_is_answerer(self, user):
        """The person responsible in the unit or an ISO officer of the agency."""
        self.ensure_one()
        if self.env.su:
            return True
        return user == self.responsible_user_id or (
            user.has_group("qms_public_admin.group_qms_iso_officer")
            and self.company_id in user.company_ids
        )

    # ------------------------------------------------------------ lifecycle
    def action_qms_analyse(self):
        self._qms_require(
            ("draft",), self.env._("Only a draft nonconformity goes to analysis.")
        )
        for nc in self:
            if not (
                nc._qms_is_answerer(self.env.user) or nc._qms_is_reviewer(self.env.user)
            ):
                raise UserError(
                    self.env._("You are not involved in this nonconformity.")
                )
        self._qms_move("analysis")
        return True

    def action_qms_submit_plan(self):
        """The unit submits root cause, correction and corrective actions."""
        self._qms_require(
            ("analysis",),
            self.env._("Only a nonconformity under analysis has a plan to submit."),
        )
        today = self._qms_today()
        for nc in self:
            if not nc._qms_is_answerer(self.env.user):
                raise UserError(
                    self.env._(
                        "Only %(name)s (responsible in the unit) or an ISO officer "
                        "submits the action plan.",
                        name=nc.responsible_user_id.name,
                    )
                )
            actions = nc.sudo()._get_all_actions()
            missing = []
            if not (nc.analysis or "").strip():
                missing.append(self.env._("the root cause analysis"))
            if not (nc.qms_correction or "").strip():
                missing.append(self.env._("the correction"))
            if not actions.filtered(lambda a: a.type_action == "correction"):
                missing.append(self.env._("at least one corrective action"))
            if missing:
                raise UserError(
                    self.env._(
                        "Nonconformity %(ref)s needs %(missing)s before its plan is "
                        "submitted.",
                        ref=nc.ref,
                        missing=", ".join(missing),
                    )
                )
            for action in actions.filtered(lambda a: a.qms_state == "draft"):
                late = action.date_deadline and action.date_deadline < today
                if not action.date_deadline or (late and not self.env.su):
                    raise ValidationError(
                        self.env._(
                            "Action %(name)s needs a committed deadline, today or "
                            "later.",
                            name=action.name,
                        )
                    )
                if not action.user_id:
                    raise UserError(
                        self.env._(
                            "Action %(name)s needs a responsible person.",
                            name=action.name,
                        )
                    )
        for nc in self:
            drafts = (
                nc.sudo()._get_all_actions().filtered(lambda a: a.qms_state == "draft")
            )
            for action in drafts:
                vals = nc._qms_action_defaults()
                if action.qms_root_cause:
                    del vals["qms_root_cause"]
                action._qms_transition(vals)
            nc._qms_move("pending", {"qms_submitted_on": today})
            nc.sudo().activity_feedback(
                ["qms_audit.mail_activity_nc_response"],
                feedback=self.env._("Action plan submitted."),
            )
            reviewer = nc.sudo().qms_audit_id.lead_id.user_id or nc.manager_user_id
            if reviewer:
                nc.sudo().activity_schedule(
                    "qms_audit.mail_activity_nc_review",
                    user_id=reviewer.id,
                    date_deadline=today,
                )
        return True

    def _qms_action_defaults(self):
        """What every action of the plan inherits from the nonconformity."""
        self.ensure_one()
        return {
            "qms_origin": "nonconformity",
            "qms_audit_id": self.qms_audit_id.id,
            "qms_department_id": self.qms_department_id.id,
            "qms_root_cause": self.analysis,
        }

    def action_qms_accept(self):
        """The lead auditor accepts the plan: the actions open."""
        self._qms_require(
            ("pending",), self.env._("Only a submitted action plan can be accepted.")
        )
        for nc in self:
            nc._qms_check_reviewer()
            actions = nc.sudo()._get_all_actions()
            deadlines = actions.filtered("date_deadline").mapped("date_deadline")
            comment = nc.qms_auditor_comment or self.env._(
                "Accepted by %(name)s.", name=self.env.user.name
            )
            nc._qms_move(
                "open",
                {
                    "action_comments": comment,
                    "qms_accepted_by_id": self.env.user.id,
                    "qms_accepted_on": self._qms_today(),
                    "qms_committed_deadline": max(deadlines) if deadlines else False,
                },
            )
            nc.sudo().activity_feedback(
                ["qms_audit.mail_activity_nc_review"],
                feedback=self.env._("Plan accepted."),
            )
        return True

    def action_qms_return(self):
        """The lead auditor returns the plan to the unit with comments."""
        self._qms_require(
            ("pending",), self.env._("Only a submitted action plan can be returned.")
        )
        for nc in self:
            nc._qms_check_reviewer()
            if not (nc.qms_auditor_comment or "").strip():
                raise UserError(
                    self.env._(
                        "Write in the auditor's comments why the plan is returned."
                    )
                )
            nc._qms_move("analysis", {"qms_return_count": nc.qms_return_count + 1})
            nc.sudo().activity_feedback(
                ["qms_audit.mail_activity_nc_review"],
                feedback=self.env._("Plan returned."),
            )
            nc.sudo().activity_schedule(
                "qms_audit.mail_activity_nc_response",
                user_id=nc.responsible_user_id.id,
                date_deadline=max(
                    nc.qms_response_due or self._qms_today(),
                    self._qms_today(),
                ),
                note=nc.qms_auditor_comment,
            )
        return True

    def _qms_check_reviewer(self):
        self.ensure_one()
        if not self._qms_is_reviewer(self.env.user):
            raise UserError(
                self.env._(
                    "Only the lead auditor of the audit (an ISO officer outside "
                    "audits) accepts or returns an action plan."
                )
            )

    def action_qms_close(self):
        """Close once every action is verified effective (or cancelled)."""
        self._qms_require(
            ("open",), self.env._("Only a nonconformity in progress can be closed.")
        )
        for nc in self:
            nc._qms_check_reviewer()
            nc._qms_close()
        return True

    def _qms_close(self):
        self.ensure_one()
        actions = self.sudo()._get_all_actions()
        pending = actions.filtered(lambda a: a.qms_state not in ("verified", "cancel"))
        if pending:
            raise UserError(
                self.env._(
                    "Nonconformity %(ref)s closes when all its actions are verified "
                    "effective. Not yet: %(actions)s.",
                    ref=self.ref,
                    actions=", ".join(pending.mapped("name")),
                )
            )
        done_dates = actions.filtered("qms_done_date").mapped("qms_done_date")
        evaluation = "\n".join(
            f"{v.action_id.name}: {v.evidence}"
            for v in actions.qms_verification_ids.filtered(
                lambda v: v.result == "effective"
            )
        )
        self._qms_move(
            "done",
            {
                "evaluation_comments": self.evaluation_comments
                or evaluation
                or self.env._("Verified effective."),
                "qms_closed_on_time": bool(
                    self.qms_committed_deadline
                    and (
                        not done_dates or max(done_dates) <= self.qms_committed_deadline
                    )
                ),
            },
        )

    def action_qms_cancel(self):
        self._qms_require(
            ("draft", "analysis", "pending"),
            self.env._("Only a nonconformity not yet in progress can be cancelled."),
        )
        for nc in self:
            nc._qms_check_reviewer()
        self._qms_move("cancel")
        return True

    def _qms_open_form(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
        }

    def action_qms_new_action(self):
        """A new action of the plan, pre-filled from the nonconformity."""
        self.ensure_one()
        self._qms_require(
            ("draft", "analysis"),
            self.env._("Actions are added while the nonconformity is analysed."),
        )
        window = self.env["mgmtsystem.action"]._qms_new_action_window(
            dict(
                self._qms_action_defaults(),
                name=self.name,
                type_action="correction",
                company_id=self.company_id.id,
                user_id=self.responsible_user_id.id,
                nonconformity_ids=[(6, 0, self.ids)],
            )
        )
        window["target"] = "new"
        return window

    @api.model
    def _cron_qms_late_answers(self):
        """Remind the unit once when its answer to a nonconformity is late."""
        today = self._qms_today()
        late = self.search(
            [
                ("state", "in", ("draft", "analysis")),
                ("qms_response_due", "<", today),
                ("qms_response_notified_on", "=", False),
            ]
        )

        def remind(nc):
            nc.activity_schedule(
                "qms_audit.mail_activity_nc_response",
                date_deadline=today,
                user_id=nc.responsible_user_id.id,
                summary=self.env._(
                    "Late: the answer to %(ref)s was due on %(date)s",
                    ref=nc.ref,
                    date=nc.qms_response_due.strftime("%d/%m/%Y"),
                ),
            )
            nc._qms_transition({"qms_response_notified_on": today})

        self._qms_each(late, remind)
        return len(late)

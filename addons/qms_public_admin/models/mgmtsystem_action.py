# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from .mgmtsystem_action_stage import ACTION_STATES

OPEN_STATES = ("draft", "open")
# Stage changes a user may make by dragging a card (or OCA's nonconformity
# opening its draft actions); the others go through the buttons and their checks.
DIRECT_MOVES = {("draft", "open")}


class MgmtsystemAction(models.Model):
    """Improvement and corrective actions (OCA's ``mgmtsystem.action``), with
    their origin, root cause, unit, committed deadline, a verification of
    effectiveness by someone other than the responsible, overdue reminders and
    escalation to the quality representative.

    Lifecycle: draft → open → done → verified effective; a verification that
    finds the action not effective reopens it with a new deadline.
    """

    _name = "mgmtsystem.action"
    _inherit = ["mgmtsystem.action", "qms.transition.mixin"]
    _check_company_auto = True

    date_deadline = fields.Date(string="Committed Deadline", tracking=True)
    user_id = fields.Many2one(tracking=True, check_company=True)
    description = fields.Html(tracking=True)
    qms_state = fields.Selection(
        string="State",
        related="stage_id.qms_state",
        store=True,
        index=True,
        group_expand="_expand_qms_states",
    )
    qms_origin = fields.Selection(
        [
            ("review", "Management Review"),
            ("audit", "Internal Audit"),
            ("nonconformity", "Nonconformity"),
            ("complaint", "Complaint / Feedback"),
            ("risk", "Risk or Opportunity"),
            ("objective", "Quality Objective"),
            ("legal", "Legal Change"),
            ("inspection", "External Inspection"),
            ("other", "Other"),
        ],
        string="Origin",
        default="other",
        required=True,
        tracking=True,
        index=True,
    )
    qms_review_id = fields.Many2one(
        "qms.management.review",
        string="Management Review",
        check_company=True,
        index=True,
        ondelete="set null",
    )
    qms_risk_id = fields.Many2one(
        "qms.risk", string="Risk", check_company=True, index=True, ondelete="set null"
    )
    qms_objective_id = fields.Many2one(
        "mgmtsystem.objective",
        string="Objective",
        check_company=True,
        index=True,
        ondelete="set null",
    )
    qms_department_id = fields.Many2one(
        "hr.department", string="Unit", check_company=True, tracking=True, index=True
    )
    qms_root_cause = fields.Text(string="Root Cause", tracking=True)
    qms_resources = fields.Text(
        string="Resources", help="People, budget, equipment the action needs."
    )
    qms_done_date = fields.Date(string="Done On", readonly=True, copy=False, index=True)
    qms_verification_ids = fields.One2many(
        "qms.action.verification", "action_id", string="Verifications"
    )
    qms_verified_on = fields.Date(string="Verified On", readonly=True, copy=False)
    qms_verified_by_id = fields.Many2one(
        "res.users", string="Verified By", readonly=True, copy=False
    )
    qms_reopen_count = fields.Integer(
        string="Times Reopened", readonly=True, copy=False
    )
    qms_overdue = fields.Boolean(
        string="Overdue", compute="_compute_qms_overdue", search="_search_qms_overdue"
    )
    qms_overdue_days = fields.Integer(
        string="Days Overdue", compute="_compute_qms_overdue"
    )
    qms_last_reminder_date = fields.Date(
        string="Last Reminder On", readonly=True, copy=False
    )
    qms_escalated_on = fields.Date(
        string="Escalated On", readonly=True, copy=False, tracking=True
    )

    @api.model
    def _expand_qms_states(self, states, domain):
        return [key for key, _label in ACTION_STATES]

    # ------------------------------------------------------------ day counters
    # OCA computes create_date − date_open, which is negative; count forwards,
    # in calendar days (an action created and opened within the same second,
    # the opening moment rounded down, is 0 days, not -1).
    @api.depends("date_open", "create_date")
    def _compute_number_of_days_to_open(self):
        for action in self:
            action.number_of_days_to_open = action._qms_days_between(
                action.create_date, action.date_open
            )

    @api.depends("date_closed", "create_date")
    def _compute_number_of_days_to_close(self):
        for action in self:
            action.number_of_days_to_close = action._qms_days_between(
                action.create_date, action.date_closed
            )

    @staticmethod
    def _qms_days_between(start, end):
        return (end.date() - start.date()).days if start and end else 0

    def _compute_qms_overdue(self):
        today = self._qms_today()
        for action in self:
            late = (
                action.qms_state in OPEN_STATES
                and action.date_deadline
                and action.date_deadline < today
            )
            action.qms_overdue = bool(late)
            action.qms_overdue_days = (today - action.date_deadline).days if late else 0

    def _search_qms_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue actions."))
        domain = [
            ("qms_state", "in", OPEN_STATES),
            ("date_deadline", "<", self._qms_today()),
        ]
        # Negate the whole domain, not its first leaf.
        return (
            domain
            if (operator == "=") == value
            else ["!", *expression.normalize_domain(domain)]
        )

    # ------------------------------------------------------------ guards
    def _qms_check_deadline(self, vals):
        if self.env.su or not vals.get("date_deadline"):
            return
        if fields.Date.to_date(vals["date_deadline"]) < self.env[
            "res.company"
        ]._qms_today_for(self):
            raise ValidationError(
                self.env._("A committed deadline cannot be in the past.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._qms_check_deadline(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._qms_check_deadline(vals)
        if "stage_id" in vals and not self._qms_in_transition():
            new_state = self.env["mgmtsystem.action.stage"].browse(vals["stage_id"])
            for action in self:
                move = (action.qms_state, new_state.qms_state)
                if move[0] != move[1] and move not in DIRECT_MOVES:
                    raise UserError(
                        self.env._(
                            "Use the buttons of the action to mark it done, verify "
                            "or cancel it."
                        )
                    )
        if "date_deadline" in vals:
            vals = dict(vals, qms_last_reminder_date=False, qms_escalated_on=False)
        return super().write(vals)

    def send_mail_for_action(self, force_send=False):
        # Queue the notification instead of sending it inside the transaction.
        return super().send_mail_for_action(force_send=False)

    @api.model
    def _qms_new_action_window(self, defaults):
        """Form of a new action pre-filled with ``defaults`` (field: value)."""
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "view_mode": "form",
            "views": [
                (
                    self.env.ref("qms_public_admin.mgmtsystem_action_view_form_qms").id,
                    "form",
                )
            ],
            "context": {f"default_{field}": value for field, value in defaults.items()},
        }

    # ------------------------------------------------------------ lifecycle
    @api.model
    def _qms_stage(self, state):
        return self.env["mgmtsystem.action.stage"].search(
            [("qms_state", "=", state)], order="sequence", limit=1
        )

    def _qms_move(self, state, vals=None):
        values = dict(vals or {}, stage_id=self._qms_stage(state).id)
        return self._qms_transition(values)

    def _qms_require(self, states, message):
        if any(action.qms_state not in states for action in self):
            raise UserError(message)

    def action_qms_open(self):
        self._qms_require(("draft",), self.env._("Only a draft action can be opened."))
        for action in self:
            if not action.date_deadline:
                raise UserError(
                    self.env._(
                        "Action %(name)s needs a committed deadline before it opens.",
                        name=action.display_name,
                    )
                )
        self._qms_move("open")
        return True

    def action_qms_done(self):
        self._qms_require(
            ("open",), self.env._("Only an open action can be marked done.")
        )
        for action in self:
            if action.type_action == "correction" and not action.qms_root_cause:
                raise UserError(
                    self.env._(
                        "Record the root cause of %(name)s before marking the "
                        "corrective action done.",
                        name=action.display_name,
                    )
                )
        self._qms_move("done", {"qms_done_date": self._qms_today()})
        for action in self:
            action._qms_close_activities(
                self.env._("Action done: awaiting verification.")
            )
        return True

    def action_qms_cancel(self):
        if not self.env.user.has_group("qms_public_admin.group_qms_iso_officer"):
            raise UserError(self.env._("Only an ISO officer cancels an action."))
        self._qms_require(
            ("draft", "open"),
            self.env._("Only a draft or open action can be cancelled."),
        )
        self._qms_move("cancel")
        self._qms_close_activities(self.env._("Action cancelled."))
        return True

    def action_qms_verify(self):
        self.ensure_one()
        self._qms_require(
            ("done",), self.env._("Only an action marked done can be verified.")
        )
        self._qms_check_can_verify(self.env.user)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Verify Effectiveness"),
            "res_model": "qms.action.verification",
            "view_mode": "form",
            "target": "new",
            "context": {"default_action_id": self.id},
        }

    def _qms_check_can_verify(self, user):
        """Raise unless ``user`` may verify this action's effectiveness.

        Extension point: the audit addon lets the auditor of the finding verify.
        """
        self.ensure_one()
        if user == self.user_id:
            raise UserError(
                self.env._(
                    "The person responsible for an action cannot verify its "
                    "effectiveness."
                )
            )
        if not user.has_group("qms_public_admin.group_qms_iso_officer"):
            raise UserError(
                self.env._(
                    "Only an ISO officer or the quality representative verifies "
                    "effectiveness."
                )
            )

    def _qms_apply_verification(self, verification):
        """Close the action or reopen it, as ``verification`` found."""
        self.ensure_one()
        if verification.result == "effective":
            self._qms_move(
                "verified",
                {
                    "qms_verified_on": verification.date,
                    "qms_verified_by_id": verification.verifier_id.id,
                },
            )
        else:
            self._qms_move(
                "open",
                {
                    "date_deadline": verification.new_deadline,
                    "qms_reopen_count": self.qms_reopen_count + 1,
                    "qms_done_date": False,
                },
            )
        self.message_post(
            body=self.env._(
                "Effectiveness verified by %(user)s: %(result)s. %(evidence)s",
                user=verification.verifier_id.name,
                result=dict(
                    verification._fields["result"]._description_selection(self.env)
                )[verification.result],
                evidence=verification.evidence,
            )
        )

    def _qms_close_activities(self, feedback):
        types = [
            "qms_public_admin.mail_activity_action_overdue",
            "qms_public_admin.mail_activity_action_escalation",
        ]
        self.sudo().activity_feedback(types, feedback=feedback)

    # ------------------------------------------------------------ reminders
    @api.model
    def process_reminder_queue(self, reminder_days=None):
        """OCA's reminder before the deadline, for open actions only, with a
        configurable number of days (qms_public_admin.action_reminder_days)."""
        if reminder_days is None:
            reminder_days = self._qms_param("action_reminder_days", 10)
        target = self._qms_today() + timedelta(days=reminder_days)
        actions = self.search(
            [("qms_state", "in", OPEN_STATES), ("date_deadline", "=", target)]
        )
        template = self.env.ref(
            "mgmtsystem_action.action_email_template_reminder_action"
        )
        for action in actions:
            template.send_mail(action.id)
        return bool(actions)

    @api.model
    def _qms_param(self, name, default):
        return int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(f"qms_public_admin.{name}", default)
        )

    @api.model
    def _cron_qms_overdue_actions(self):
        """Remind the responsible of an overdue action (an activity every
        ``action_overdue_reminder_days``) and escalate it to the quality
        representative once it is ``action_escalation_days`` overdue."""
        today = self._qms_today()
        every = max(self._qms_param("action_overdue_reminder_days", 7), 1)
        escalate_after = self._qms_param("action_escalation_days", 3)
        overdue = self.search([("qms_overdue", "=", True)])
        systems = {company: company._qms_system() for company in overdue.company_id}
        escalation_users = {
            company: system._qms_escalation_users() if system else self.env["res.users"]
            for company, system in systems.items()
        }

        def remind(action):
            late = (today - action.date_deadline).days
            vals = {}
            last = action.qms_last_reminder_date
            if not last or (today - last).days >= every:
                action.activity_schedule(
                    "qms_public_admin.mail_activity_action_overdue",
                    date_deadline=today,
                    user_id=action.user_id.id,
                    summary=self.env._(
                        "Overdue by %(days)s days: %(name)s",
                        days=late,
                        name=action.name,
                    ),
                )
                vals["qms_last_reminder_date"] = today
            if not action.qms_escalated_on and late >= escalate_after:
                users = escalation_users.get(action.company_id, self.env["res.users"])
                for user in users:
                    action.activity_schedule(
                        "qms_public_admin.mail_activity_action_escalation",
                        date_deadline=today,
                        user_id=user.id,
                        summary=self.env._(
                            "Escalated: %(name)s is %(days)s days overdue",
                            name=action.name,
                            days=late,
                        ),
                    )
                if users:
                    action.message_subscribe(partner_ids=users.partner_id.ids)
                    action.message_post(
                        body=self.env._(
                            "Overdue by %(days)s days: escalated to %(users)s.",
                            days=late,
                            users=", ".join(users.mapped("name")),
                        )
                    )
                vals["qms_escalated_on"] = today
            if vals:
                action._qms_transition(vals)

        self._qms_each(overdue, remind)
        return len(overdue)

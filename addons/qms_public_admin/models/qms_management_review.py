# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class QmsManagementReview(models.Model):
    """Management review (xem xét của lãnh đạo, ISO 9001 clause 9.3).

    planned → held → minutes approved → closed. "Prepare Inputs" compiles the
    9.3.2 inputs from live data into stored lines (a snapshot: later changes do
    not rewrite it); outputs (9.3.3) are decisions with owners that become
    improvement actions. The minutes are approved by the chair through tier
    validation. A review may be an item of another meeting (a monthly briefing).

    Extension points: each ``_qms_input_<section>`` method returns the inputs of
    its section; qms_audit and qms_onestop add theirs with ``super()``.
    """

    _name = "qms.management.review"
    _description = "Management Review"
    _inherit = [
        "qms.approval.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "planned_date desc, id desc"
    _check_company_auto = True
    _state_from = ["held"]
    _state_to = ["minutes_approved"]
    _cancel_state = "cancel"
    _qms_locked_states = ("minutes_approved", "closed", "cancel")
    _qms_unlocked_fields = frozenset({"decision_ids"})

    name = fields.Char(
        required=True,
        tracking=True,
        default=lambda self: self.env._("Management Review"),
    )
    reference = fields.Char(readonly=True, copy=False, index=True)
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    meeting_kind = fields.Selection(
        [
            ("standalone", "Dedicated Meeting"),
            ("folded", "Item of Another Meeting"),
        ],
        default="standalone",
        required=True,
        help="Reviews are often an item of a regular briefing of the leaders.",
    )
    host_meeting = fields.Char(
        string="Held Within", help="e.g. Giao ban lãnh đạo UBND tháng 6/2026."
    )
    planned_date = fields.Datetime(required=True, tracking=True)
    held_date = fields.Datetime(string="Held On", tracking=True, copy=False)
    location = fields.Char(string="Venue")
    chair_id = fields.Many2one(
        "res.users",
        required=True,
        check_company=True,
        tracking=True,
        default=lambda self: self._default_chair(),
    )
    secretary_id = fields.Many2one(
        "res.users",
        check_company=True,
        default=lambda self: self.env.user,
    )
    participant_ids = fields.Many2many(
        "res.users",
        "qms_management_review_participant_rel",
        "review_id",
        "user_id",
        string="Participants",
    )
    other_participants = fields.Text(help="Attendees without a user account.")
    agenda = fields.Html()
    period_start = fields.Date(
        string="Period From",
        help="Start of the period the inputs cover (the day after the previous "
        "review by default).",
    )
    period_end = fields.Date(string="Period To")
    previous_review_id = fields.Many2one(
        "qms.management.review",
        compute="_compute_previous_review",
    )
    inputs_compiled_on = fields.Datetime(readonly=True, copy=False)
    input_ids = fields.One2many(
        "qms.review.input", "review_id", string="Inputs", copy=False
    )
    conclusion = fields.Html(
        help="Conclusion on the suitability, adequacy and effectiveness of the "
        "quality system."
    )
    decision_ids = fields.One2many(
        "qms.review.decision", "review_id", string="Decisions", copy=False
    )
    action_ids = fields.One2many(
        "mgmtsystem.action", "qms_review_id", string="Actions", copy=False
    )
    action_count = fields.Integer(compute="_compute_action_count")
    minutes_approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    minutes_approved_on = fields.Datetime(readonly=True, copy=False)
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("held", "Held"),
            ("minutes_approved", "Minutes Approved"),
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

    def _default_chair(self):
        return self.env.company._qms_system().qms_head_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals["reference"] = self.env["ir.sequence"].next_by_code(
                "qms.management.review"
            )
        reviews = super().create(vals_list)
        for review in reviews:
            if not review.period_start:
                previous = review.previous_review_id
                review.period_start = (
                    previous.held_date.date()
                    if previous.held_date
                    else date(review.planned_date.year, 1, 1)
                )
            if not review.period_end:
                review.period_end = review.planned_date.date()
        return reviews

    @api.constrains("period_start", "period_end")
    def _check_period(self):
        for review in self:
            if (
                review.period_start
                and review.period_end
                and review.period_end < review.period_start
            ):
                raise ValidationError(
                    self.env._("The period reviewed cannot end before it starts.")
                )

    def _compute_previous_review(self):
        for review in self:
            review.previous_review_id = self.search(
                [
                    ("company_id", "=", review.company_id.id),
                    ("state", "in", ("held", "minutes_approved", "closed")),
                    ("planned_date", "<", review.planned_date),
                    ("id", "!=", review._origin.id),
                ],
                order="planned_date desc",
                limit=1,
            )

    def _compute_action_count(self):
        for review in self:
            review.action_count = len(review.action_ids)

    @api.depends("name", "reference")
    def _compute_display_name(self):
        for review in self:
            review.display_name = (
                f"{review.reference} - {review.name}"
                if review.reference
                else review.name
            )

    # ------------------------------------------------------------ lifecycle
    def action_hold(self):
        for review in self:
            review._qms_require_state(
                ("planned",), self.env._("Only a planned review can be held.")
            )
            if not review.input_ids:
                raise UserError(
                    self.env._("Prepare the inputs before holding the review.")
                )
            review._qms_transition(
                {
                    "state": "held",
                    "held_date": review.held_date or fields.Datetime.now(),
                }
            )
        return True

    def action_submit_minutes(self):
        for review in self:
            review._qms_require_state(
                ("held",), self.env._("Minutes are submitted once the review is held.")
            )
            if not review.conclusion or not review.conclusion.striptags().strip():
                raise UserError(
                    self.env._("Write the conclusion of the review before submitting.")
                )
        self._qms_request_approval()._qms_approved()
        return True

    def _qms_approved(self):
        for review in self.filtered(lambda r: r.state == "held"):
            approver = review._qms_approver()
            # The chair approves through the tier review; recording the outcome
            # is the system's job, the chair need not have write access.
            review.sudo()._qms_transition(
                {
                    "state": "minutes_approved",
                    "minutes_approved_by_id": approver.id,
                    "minutes_approved_on": fields.Datetime.now(),
                }
            )

    def action_edit_minutes(self):
        """Back to editing after the chair rejected the minutes."""
        self._qms_require_state(("held",), self.env._("The minutes are not held."))
        self.restart_validation()
        return True

    def action_create_actions(self):
        self._qms_require_state(
            ("minutes_approved", "closed"),
            self.env._("Actions are created from approved minutes."),
        )
        self.decision_ids._qms_create_actions()
        return True

    def action_close(self):
        for review in self:
            review._qms_require_state(
                ("minutes_approved",),
                self.env._("Only a review with approved minutes can be closed."),
            )
            orphans = review.decision_ids.filtered(lambda d: not d.owner_id)
            if orphans:
                raise UserError(
                    self.env._(
                        "Every decision needs an owner before the review closes. "
                        "Without owner: %(decisions)s",
                        decisions="; ".join(orphans.mapped("description")),
                    )
                )
            review.decision_ids._qms_create_actions()
            review._qms_transition({"state": "closed"})
        return True

    def action_cancel(self):
        self._qms_require_state(
            ("planned", "held"),
            self.env._("Only a planned or held review can be cancelled."),
        )
        self.restart_validation()
        self._qms_transition({"state": "cancel"})
        return True

    def action_view_actions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_public_admin.action_qms_improvement_action"
        )
        action["domain"] = [("qms_review_id", "=", self.id)]
        action["context"] = {
            "default_qms_review_id": self.id,
            "default_qms_origin": "review",
        }
        return action

    @api.ondelete(at_uninstall=False)
    def _unlink_only_planned(self):
        if any(r.state not in ("planned", "cancel") for r in self):
            raise UserError(self.env._("A review that was held is a record: it stays."))

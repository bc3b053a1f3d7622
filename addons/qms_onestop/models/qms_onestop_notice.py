# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..lib.states import OPEN_STATES

NOTICE_FORMS = {"refusal": "refusal", "apology": "apology", "stop": "stop"}


class QmsOnestopNotice(models.Model):
    """A refusal (form 03), apology with a new appointment (form 04) or notice
    of stopping processing (form 05). During processing the unit drafts it and
    the approving leader approves it before it is issued; at the desk a refusal
    is issued by the desk officer."""

    _name = "qms.onestop.notice"
    _description = "Dossier Notice"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "qms.approval.mixin",
        "qms.onestop.dossier.child.mixin",
    ]
    _order = "create_date desc, id desc"
    _qms_locked_states = ("approved", "issued", "cancelled")
    _qms_guard_readonly = True
    _state_from = ["draft"]
    _state_to = ["approved"]
    _cancel_state = "cancelled"
    _tier_validation_buttons_xpath = "/form/header/button[last()]"
    _qms_restart_button = False  # "Correct the Draft" restarts

    kind = fields.Selection(
        [
            ("refusal", "Refusal"),
            ("apology", "Apology and New Appointment"),
            ("stop", "Stop Processing"),
        ],
        required=True,
        default="refusal",
    )
    stage = fields.Selection(
        [("desk", "At the Desk"), ("processing", "During Processing")],
        required=True,
        default="processing",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("issued", "Issued"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    reason = fields.Text(required=True, help="In words the applicant understands.")
    legal_basis = fields.Char()
    new_appointment_at = fields.Datetime(
        string="New Appointment", help="Apology: the new date for the result."
    )
    fees_note = fields.Char(
        string="Fees Already Paid",
        help="Stop notice: what was paid and what happens to it.",
    )
    drafted_by_id = fields.Many2one(
        "res.users", readonly=True, default=lambda self: self.env.user
    )
    approved_by_id = fields.Many2one("res.users", readonly=True)
    approved_at = fields.Datetime(readonly=True)
    issued_by_id = fields.Many2one("res.users", readonly=True)
    issued_at = fields.Datetime(readonly=True)
    issued_after_due = fields.Boolean(
        readonly=True, help="An apology issued after the due date had passed."
    )

    @api.model_create_multi
    def create(self, vals_list):
        # As for supplementation requests: the dossier is locked first.
        self.env["qms.onestop.dossier"].browse(
            {v["dossier_id"] for v in vals_list if v.get("dossier_id")}
        )._qms_lock()
        notices = super().create(vals_list)
        for notice in notices:
            notice._qms_check_content()
            if notice.stage == "processing":
                notice.dossier_id._qms_log(
                    "notice_draft", notice_id=notice.id, reason=notice.reason
                )
        return notices

    def write(self, vals):
        result = super().write(vals)
        if set(vals) & {"reason", "new_appointment_at", "kind"}:
            self._qms_check_content()
        return result

    def _qms_locked_message(self, record):
        return self.env._("A submitted notice cannot change; reject it first.")

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(n.state not in ("draft", "cancelled") for n in self):
            raise UserError(self.env._("Only a draft notice is deleted."))

    def _qms_check_content(self):
        for notice in self:
            if not (notice.reason or "").strip():
                raise ValidationError(self.env._("A notice states its reason."))
            if notice.stage == "desk" and notice.kind != "refusal":
                raise ValidationError(
                    self.env._("At the desk only a refusal slip is issued.")
                )
            if notice.kind == "apology":
                if not notice.new_appointment_at:
                    raise ValidationError(
                        self.env._("An apology gives the new appointment date.")
                    )
                due = notice.dossier_id.due_at
                if due and notice.new_appointment_at <= due:
                    raise ValidationError(
                        self.env._(
                            "The new appointment must come after the legal due date."
                        )
                    )

    def _qms_transition(self, vals):
        return super(QmsOnestopNotice, self.sudo())._qms_transition(vals)

    def _qms_check_unit(self):
        """The current user belongs to the agency handling or receiving it."""
        for notice in self:
            if not notice.dossier_id._qms_is_desk():
                raise AccessError(
                    self.env._(
                        "Only one-stop officers of the agency handling the dossier "
                        "draft and issue its notices."
                    )
                )

    def action_submit(self):
        """Send the draft to the approving leader."""
        for notice in self:
            notice._qms_check_unit()
            if notice.stage != "processing":
                raise UserError(self.env._("A desk refusal needs no approval."))
            if notice.state != "draft" or notice.validation_status in (
                "waiting",
                "pending",
                "rejected",
            ):
                raise UserError(
                    self.env._(
                        "The notice is already submitted (or was rejected: correct "
                        "the draft first)."
                    )
                )
            if notice.dossier_id.state not in OPEN_STATES + ("result_ready",):
                raise UserError(self.env._("The dossier is no longer being processed."))
            notice._qms_request_approval()
            if not notice.review_ids.reviewer_ids:
                raise UserError(
                    self.env._(
                        "No approving leader is configured for notices of %(agency)s.",
                        agency=notice.company_id.name,
                    )
                )
            notice.dossier_id._qms_log("notice_submit", notice_id=notice.id)
        return True

    def action_redraft(self):
        """Back to the unit after a rejection, to correct the draft."""
        for notice in self:
            if notice.state != "draft" or notice.validation_status != "rejected":
                raise UserError(self.env._("Only a rejected draft is corrected."))
            notice.restart_validation()
        return True

    def _qms_approved(self):
        for notice in self.filtered(lambda n: n.state == "draft"):
            now = notice.dossier_id._qms_now()
            notice._qms_transition(
                {
                    "state": "approved",
                    "approved_by_id": self.env.user.id,
                    "approved_at": now,
                }
            )
            notice.dossier_id._qms_log("notice_approve", notice_id=notice.id, date=now)

    def _qms_rejected(self):
        for notice in self:
            notice.dossier_id._qms_log("notice_reject", notice_id=notice.id)

    def action_issue(self):
        """Issue the notice: refusal and stop close the dossier; an apology gives
        the applicant a new appointment while the dossier stays late."""
        for notice in self:
            dossier = notice.dossier_id
            dossier._qms_lock()
            notice._qms_check_unit()
            if notice.stage == "desk":
                if notice.state != "draft" or dossier.state != "draft":
                    raise UserError(
                        self.env._(
                            "Only a dossier not yet received is refused at the desk."
                        )
                    )
            elif notice.state != "approved":
                raise UserError(
                    self.env._("The approving leader has not approved this notice yet.")
                )
            elif dossier.state not in OPEN_STATES + ("result_ready",) or (
                notice.kind != "apology" and dossier.state == "result_ready"
            ):
                raise UserError(self.env._("The dossier is no longer being processed."))
            now = dossier._qms_now()
            transition = {
                "refusal": dossier.qms_refuse,
                "stop": dossier.qms_stop,
                "apology": dossier.qms_apologise,
            }[notice.kind]
            with notice._qms_unlocked():
                notice._qms_transition(
                    {
                        "state": "issued",
                        "issued_by_id": self.env.user.id,
                        "issued_at": now,
                        "issued_after_due": bool(
                            dossier.due_at and dossier.due_at < now
                        ),
                    }
                )
                transition(notice)
        return True

    def action_cancel(self):
        for notice in self:
            if notice.state != "draft":
                raise UserError(self.env._("Only a draft notice is cancelled."))
            notice._qms_transition({"state": "cancelled"})
        return True

    def action_print(self):
        self.ensure_one()
        return self.env.ref(f"qms_onestop.action_report_{self.kind}").report_action(
            self
        )

    def _qms_form(self):
        self.ensure_one()
        return self.dossier_id._qms_form(NOTICE_FORMS[self.kind])

    @api.depends("kind", "dossier_id")
    def _compute_display_name(self):
        labels = dict(self._fields["kind"]._description_selection(self.env))
        for notice in self:
            notice.display_name = (
                f"{labels.get(notice.kind, '')} - {notice.dossier_id.name or ''}"
            )

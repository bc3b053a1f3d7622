# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class QmsOnestopFeedback(models.Model):
    """A complaint or proposal (phản ánh, kiến nghị) about the handling of
    procedures, with its answer. A complaint opens an improvement action;
    the answer's timeliness and the applicant's acceptance of it feed the
    satisfaction figures, the management review and the DOST report."""

    _name = "qms.onestop.feedback"
    _description = "Complaint or Proposal"
    _inherit = ["mail.thread"]
    _order = "received_at desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Subject", required=True, tracking=True)
    kind = fields.Selection(
        [("complaint", "Complaint"), ("proposal", "Proposal")],
        required=True,
        default="complaint",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    dossier_id = fields.Many2one(
        "qms.onestop.dossier",
        check_company=True,
        index=True,
        help="The dossier it is about, if any.",
    )
    tthc_id = fields.Many2one("qms.tthc", string="Procedure")
    sender_name = fields.Char(required=True)
    channel = fields.Selection(
        [
            ("desk", "At the Desk"),
            ("portal", "Public Service Portal"),
            ("hotline", "Hotline"),
            ("letter", "Letter"),
        ],
        default="desk",
        required=True,
    )
    content = fields.Text(required=True)
    received_at = fields.Datetime(required=True, default=fields.Datetime.now)
    due_date = fields.Date(
        compute="_compute_due_date",
        store=True,
        help="From the answer time of the counting rule in force.",
    )
    state = fields.Selection(
        [("new", "New"), ("answered", "Answered")],
        default="new",
        required=True,
        tracking=True,
        index=True,
    )
    answer = fields.Text(tracking=True)
    answered_at = fields.Datetime(readonly=True)
    answered_on_time = fields.Boolean(readonly=True)
    sender_satisfied = fields.Selection(
        [("yes", "Accepted the Answer"), ("no", "Dissatisfied With the Answer")],
        string="Sender's View of the Answer",
        tracking=True,
    )
    action_id = fields.Many2one(
        "mgmtsystem.action", string="Improvement Action", readonly=True, copy=False
    )

    @api.depends("received_at", "company_id")
    def _compute_due_date(self):
        for feedback in self:
            if not feedback.received_at:
                feedback.due_date = False
                continue
            company = feedback.company_id
            days = company.qms_receipt_rule(feedback.received_at).feedback_days
            feedback.due_date = (
                days
                and company._qms_to_local(
                    company.qms_deadline(feedback.received_at, days, "day")
                ).date()
            ) or False

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for feedback in records.filtered(lambda f: f.kind == "complaint"):
            feedback.action_id = feedback.company_id._qms_onestop_action(
                self.env._("Complaint: %(subject)s", subject=feedback.name),
                feedback.content,
            )
        return records

    def action_answer(self):
        for feedback in self:
            if feedback.state != "new":
                raise UserError(self.env._("This feedback is already answered."))
            if not (feedback.answer or "").strip():
                raise ValidationError(self.env._("Write the answer first."))
            now = fields.Datetime.now()
            local = feedback.company_id._qms_to_local(now).date()
            feedback.write(
                {
                    "state": "answered",
                    "answered_at": now,
                    "answered_on_time": not feedback.due_date
                    or local <= feedback.due_date,
                }
            )
        return True

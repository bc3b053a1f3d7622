# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..lib.states import RETURN_METHODS, TIMELINESS


class QmsOnestopMoveWizard(models.TransientModel):
    """Move a dossier: hand off, send back, reassign, return the result,
    record a withdrawal or (supervisor) change the appointment or status."""

    _name = "qms.onestop.move.wizard"
    _description = "Move a Dossier"

    dossier_id = fields.Many2one("qms.onestop.dossier", required=True)
    mode = fields.Selection(
        [
            ("handoff", "Hand Off"),
            ("send_back", "Send Back"),
            ("reassign", "Reassign"),
            ("return", "Return the Result"),
            ("withdraw", "Withdrawal"),
            ("override", "Change Appointment or Status"),
        ],
        required=True,
        default="handoff",
    )
    expected_line_id = fields.Many2one("qms.onestop.dossier.line")
    next_step_name = fields.Char(compute="_compute_next", string="Next Step")
    candidate_user_ids = fields.Many2many("res.users", compute="_compute_next")
    user_id = fields.Many2one(
        "res.users",
        string="Officer",
        domain="[('id', 'in', candidate_user_ids)]",
        help="Empty: chosen by the agency's rule.",
    )
    step_id = fields.Many2one(
        "qms.procedure.step",
        string="Back To Step",
        domain="[('id', 'in', passed_step_ids)]",
    )
    passed_step_ids = fields.Many2many("qms.procedure.step", compute="_compute_next")
    note = fields.Text()
    returned_to = fields.Char(string="Received By")
    return_method = fields.Selection(
        [m for m in RETURN_METHODS if m[0] != "interagency"],
        default="desk",
    )
    receiver_kind = fields.Selection(
        [("applicant", "The Applicant"), ("authorised", "An Authorised Person")],
        string="Received By (who)",
        default="applicant",
    )
    receiver_id_document = fields.Char(string="Identity Document Checked")
    identity_checked = fields.Boolean()
    authorisation_number = fields.Char(string="Letter of Authorisation")
    authorisation_attachment_ids = fields.Many2many(
        "ir.attachment",
        "qms_onestop_move_wizard_authorisation_rel",
        string="Authorisation (scan)",
    )
    receiver_signature = fields.Binary(string="Receiver's Signature")
    signed_receipt_attachment_ids = fields.Many2many(
        "ir.attachment",
        "qms_onestop_move_wizard_receipt_rel",
        string="Signed Receipt (scan)",
    )
    originals_note = fields.Text(string="Originals Taken Back or Given Back")
    archive_location = fields.Char(string="Paper Dossier Kept In")
    result_valid_until = fields.Date()
    waybill_number = fields.Char(string="Waybill No.")
    appointment_at = fields.Datetime(string="New Appointment")
    timeliness = fields.Selection(TIMELINESS, string="Status Shown")

    @api.depends("dossier_id", "mode")
    def _compute_next(self):
        for wizard in self:
            dossier = wizard.dossier_id
            following = dossier._qms_pending_lines()[:1] if dossier else False
            current = dossier.current_line_id if dossier else False
            if wizard.mode == "handoff" and following:
                wizard.next_step_name = following.name
                wizard.candidate_user_ids = following._qms_candidates()
            elif wizard.mode == "reassign" and current:
                wizard.next_step_name = current.name
                wizard.candidate_user_ids = current._qms_candidates()
            else:
                wizard.next_step_name = False
                wizard.candidate_user_ids = False
            wizard.passed_step_ids = (
                dossier.line_ids.filtered(lambda ln: ln.state == "done").step_id
                - (current.step_id if current else self.env["qms.procedure.step"])
                if dossier
                else False
            )

    def _qms_handover(self):
        values = {
            name: self[name]
            for name in (
                "receiver_kind",
                "receiver_id_document",
                "identity_checked",
                "authorisation_number",
                "receiver_signature",
                "originals_note",
                "archive_location",
                "result_valid_until",
                "waybill_number",
            )
        }
        values["authorisation_attachment_ids"] = self.authorisation_attachment_ids.ids
        values["signed_receipt_attachment_ids"] = self.signed_receipt_attachment_ids.ids
        return values

    def action_confirm(self):
        self.ensure_one()
        dossier = self.dossier_id
        if self.mode == "handoff":
            dossier.action_handoff(
                self.expected_line_id.id or None, self.user_id.id or None, self.note
            )
        elif self.mode == "send_back":
            dossier.action_send_back(
                self.step_id.id, self.note, self.expected_line_id.id or None
            )
        elif self.mode == "reassign":
            dossier.action_reassign(self.user_id.id, self.note)
        elif self.mode == "return":
            dossier.action_return_result(
                self.returned_to, self.return_method, self.note, self._qms_handover()
            )
        elif self.mode == "withdraw":
            dossier.action_withdraw(self.note)
        else:
            dossier.action_override(self.appointment_at, self.timeliness, self.note)
        return {"type": "ir.actions.act_window_close"}

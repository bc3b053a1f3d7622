# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

BATCH_ERRORS = (AccessError, UserError, ValidationError)


def run_each(wizard, dossiers, job):
    """Run ``job(dossier)`` on each dossier in a savepoint of its own: a refused
    one is rolled back and listed with the reason, the others go through.
    Writes the outcome lines on ``wizard`` and reopens it on them."""
    lines = []
    for dossier in dossiers.sorted("id"):
        try:
            with wizard.env.cr.savepoint():
                job(dossier)
            lines.append({"dossier_id": dossier.id, "accepted": True})
        except BATCH_ERRORS as exc:
            lines.append(
                {"dossier_id": dossier.id, "accepted": False, "message": exc.args[0]}
            )
    wizard.write({"done": True, "line_ids": [fields.Command.create(v) for v in lines]})
    return {
        "type": "ir.actions.act_window",
        "res_model": wizard._name,
        "res_id": wizard.id,
        "view_mode": "form",
        "target": "new",
        "name": wizard.env._("Outcome"),
    }


class QmsOnestopBatchWizard(models.TransientModel):
    """Hand off, return or print many dossiers at once. Each dossier is
    checked as if it were moved alone: a refused one is listed with the
    reason and the others go through."""

    _name = "qms.onestop.batch.wizard"
    _description = "Work on Many Dossiers"

    operation = fields.Selection(
        [
            ("handoff", "Hand Off to the Next Step"),
            ("return", "Hand Over the Results"),
            ("print", "Print the Control Sheets"),
        ],
        required=True,
        default="handoff",
    )
    dossier_ids = fields.Many2many("qms.onestop.dossier", string="Dossiers")
    note = fields.Text()
    returned_to = fields.Char(string="Received By")
    receiver_kind = fields.Selection(
        [("applicant", "The Applicant"), ("authorised", "An Authorised Person")],
        string="Received By (who)",
        default="authorised",
    )
    receiver_id_document = fields.Char(string="Identity Document Checked")
    identity_checked = fields.Boolean()
    authorisation_number = fields.Char(string="Letter of Authorisation")
    authorisation_attachment_ids = fields.Many2many(
        "ir.attachment",
        "qms_onestop_batch_wizard_authorisation_rel",
        string="Authorisation (scan)",
    )
    signed_receipt_attachment_ids = fields.Many2many(
        "ir.attachment",
        "qms_onestop_batch_wizard_receipt_rel",
        string="Signed Receipt (scan)",
    )
    done = fields.Boolean(readonly=True)
    line_ids = fields.One2many(
        "qms.onestop.batch.wizard.line", "wizard_id", string="Outcome", readonly=True
    )
    accepted_count = fields.Integer(compute="_compute_counts")
    refused_count = fields.Integer(compute="_compute_counts")

    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if (
            self.env.context.get("active_model") == "qms.onestop.dossier"
            and "dossier_ids" in fields_list
        ):
            values["dossier_ids"] = [
                fields.Command.set(self.env.context.get("active_ids") or [])
            ]
        return values

    def _compute_counts(self):
        for wizard in self:
            wizard.accepted_count = len(wizard.line_ids.filtered("accepted"))
            wizard.refused_count = len(wizard.line_ids) - wizard.accepted_count

    def _qms_handover(self):
        return {
            "receiver_kind": self.receiver_kind,
            "receiver_id_document": self.receiver_id_document,
            "identity_checked": self.identity_checked,
            "authorisation_number": self.authorisation_number,
            "authorisation_attachment_ids": self.authorisation_attachment_ids.ids,
            "signed_receipt_attachment_ids": self.signed_receipt_attachment_ids.ids,
        }

    def _qms_one(self, dossier):
        """Do the operation on one dossier (as if alone)."""
        if self.operation == "handoff":
            dossier.action_handoff(note=self.note or None)
        elif self.operation == "return":
            dossier.action_return_result(
                self.returned_to or "", "desk", self.note or None, self._qms_handover()
            )
        else:
            dossier.check_access("read")

    def action_run(self):
        self.ensure_one()
        if self.done:
            raise UserError(self.env._("This batch has already run."))
        if not self.dossier_ids:
            raise UserError(self.env._("Select the dossiers first."))
        return run_each(self, self.dossier_ids, self._qms_one)

    def action_print(self):
        self.ensure_one()
        accepted = self.line_ids.filtered("accepted").dossier_id
        if not accepted:
            raise UserError(self.env._("No dossier of this batch can be printed."))
        return self.env.ref("qms_onestop.action_report_control_sheet").report_action(
            accepted
        )


class QmsOnestopBatchWizardLine(models.TransientModel):
    _name = "qms.onestop.batch.wizard.line"
    _description = "Outcome for One Dossier"

    wizard_id = fields.Many2one(
        "qms.onestop.batch.wizard", required=True, ondelete="cascade"
    )
    dossier_id = fields.Many2one("qms.onestop.dossier")
    accepted = fields.Boolean(string="Done")
    message = fields.Char(string="Why Not")

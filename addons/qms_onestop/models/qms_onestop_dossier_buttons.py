# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class QmsOnestopDossier(models.Model):
    """Buttons of the dossier form: wizards, related lists, printed slips."""

    _inherit = "qms.onestop.dossier"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------ buttons
    def _qms_wizard(self, model, **context):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            # The dialog's title: the wizard's name in the user's language.
            "name": self.env["ir.model"].sudo()._get(model).name,
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": {"default_dossier_id": self.id, **context},
        }

    def action_open_handoff(self):
        return self._qms_wizard(
            "qms.onestop.move.wizard",
            default_mode="handoff",
            default_expected_line_id=self.current_line_id.id,
        )

    def action_open_send_back(self):
        return self._qms_wizard(
            "qms.onestop.move.wizard",
            default_mode="send_back",
            default_expected_line_id=self.current_line_id.id,
        )

    def action_open_reassign(self):
        return self._qms_wizard(
            "qms.onestop.move.wizard",
            default_mode="reassign",
            default_expected_line_id=self.current_line_id.id,
        )

    def action_open_return(self):
        return self._qms_wizard(
            "qms.onestop.move.wizard",
            default_mode="return",
            default_returned_to=self.applicant_name,
            default_return_method=self.return_method,
        )

    def action_open_withdraw(self):
        return self._qms_wizard("qms.onestop.move.wizard", default_mode="withdraw")

    def action_open_override(self):
        return self._qms_wizard("qms.onestop.move.wizard", default_mode="override")

    def action_view_supplements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_onestop.action_qms_onestop_supplement"
        )
        action["domain"] = [("dossier_id", "=", self.id)]
        action["context"] = {"default_dossier_id": self.id}
        return action

    def action_view_transfers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_onestop.action_qms_onestop_transfer"
        )
        action["domain"] = [("dossier_id", "=", self.id)]
        action["context"] = {"default_dossier_id": self.id}
        return action

    def action_open_transfer(self):
        """A new transfer of this dossier's part to another agency."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "qms.onestop.transfer",
            "view_mode": "form",
            "target": "current",
            "context": {"default_dossier_id": self.id},
        }

    def action_view_notices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_onestop.action_qms_onestop_notice"
        )
        action["domain"] = [("dossier_id", "=", self.id)]
        action["context"] = {"default_dossier_id": self.id}
        return action

    def action_print_receipt(self):
        self._qms_require_state(
            self._qms_locked_states,
            self.env._("A receipt slip is printed once the dossier is received."),
        )
        return self.env.ref("qms_onestop.action_report_receipt").report_action(self)

    def action_print_control_sheet(self):
        return self.env.ref("qms_onestop.action_report_control_sheet").report_action(
            self
        )

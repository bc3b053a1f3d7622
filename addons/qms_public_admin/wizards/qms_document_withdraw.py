# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsDocumentWithdraw(models.TransientModel):
    """Withdraw a published version without a successor, with the reason."""

    _name = "qms.document.withdraw"
    _description = "Withdraw a Document"

    version_id = fields.Many2one("qms.document.version", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.version_id.check_access("write")
        self.version_id._qms_withdraw(self.reason)
        return {"type": "ir.actions.act_window_close"}

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..lib.states import PAYMENT_METHODS


class QmsOnestopPaymentWizard(models.TransientModel):
    """Record a payment of a dossier's fees, or a refund."""

    _name = "qms.onestop.payment.wizard"
    _description = "Record a Payment or a Refund"

    dossier_id = fields.Many2one("qms.onestop.dossier", required=True)
    kind = fields.Selection(
        [("payment", "Payment"), ("refund", "Refund")],
        required=True,
        default="payment",
    )
    currency_id = fields.Many2one(related="dossier_id.currency_id")
    amount_due = fields.Monetary(related="dossier_id.amount_due")
    amount_paid = fields.Monetary(related="dossier_id.amount_paid")
    amount = fields.Monetary(required=True)
    method = fields.Selection(PAYMENT_METHODS, required=True, default="cash")
    reference = fields.Char(string="Transaction Reference")
    receipt_number = fields.Char(string="E-receipt No.")
    note = fields.Char(string="Reason or Note")

    def action_confirm(self):
        self.ensure_one()
        if self.kind == "refund":
            self.dossier_id.qms_refund(
                self.amount,
                self.note,
                self.method,
                self.reference,
                self.receipt_number,
            )
        else:
            self.dossier_id.qms_record_payment(
                self.amount, self.method, self.reference, self.receipt_number, self.note
            )
        return {"type": "ir.actions.act_window_close"}

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lib.states import PAYMENT_METHODS


class QmsOnestopPayment(models.Model):
    """A payment of a dossier's fees, or a refund of one: the method, the
    payment platform's or bank's reference, the e-receipt number. Written by
    the dossier's ``qms_record_payment`` / ``qms_refund`` only, never changed
    afterwards (a mistake is corrected by a refund)."""

    _name = "qms.onestop.payment"
    _description = "Dossier Payment"
    _inherit = ["qms.onestop.dossier.child.mixin", "qms.transition.mixin"]
    _order = "paid_at desc, id desc"

    kind = fields.Selection(
        [("payment", "Payment"), ("refund", "Refund")],
        required=True,
        default="payment",
        index=True,
    )
    currency_id = fields.Many2one(related="dossier_id.currency_id")
    amount = fields.Monetary(required=True)
    signed_amount = fields.Monetary(
        string="Net Amount",
        compute="_compute_signed_amount",
        store=True,
        help="Negative for a refund: its sum is what the agency holds.",
    )
    method = fields.Selection(PAYMENT_METHODS, required=True)
    reference = fields.Char(
        string="Transaction Reference",
        index=True,
        help="The payment platform's or the bank's reference of the transfer.",
    )
    receipt_number = fields.Char(string="E-receipt No.")
    paid_at = fields.Datetime(string="Date", required=True, default=fields.Datetime.now)
    user_id = fields.Many2one(
        "res.users", string="Recorded By", default=lambda self: self.env.user
    )
    refund_of_id = fields.Many2one("qms.onestop.payment")
    note = fields.Char(string="Reason or Note")
    tthc_id = fields.Many2one(related="dossier_id.tthc_id", store=True)

    _sql_constraints = [
        (
            "reference_unique",
            "unique(kind, method, reference)",
            "This transaction reference is already recorded.",
        ),
    ]

    @api.depends("amount", "kind")
    def _compute_signed_amount(self):
        for payment in self:
            sign = -1 if payment.kind == "refund" else 1
            payment.signed_amount = sign * payment.amount

    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for payment in self:
            payment.display_name = (
                f"{kinds[payment.kind]} {payment.dossier_id.name or ''}"
                + (f" ({payment.receipt_number})" if payment.receipt_number else "")
            )

    def write(self, vals):
        if vals and not self._qms_in_transition():
            raise UserError(self.env._("A recorded payment cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._("A recorded payment cannot be deleted: record a refund.")
        )

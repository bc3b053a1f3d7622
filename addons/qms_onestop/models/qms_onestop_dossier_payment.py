# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare, float_is_zero

from ..lib.states import (
    PAY_TIMINGS,
    PAYMENT_METHODS,
    PAYMENT_STATES,
    REFERENCED_METHODS,
)


class QmsOnestopDossier(models.Model):
    """Fees and payments: the payment request, payments by method, the
    e-receipt, refunds, and the paying state a dossier waits in when its
    procedure case wants the fees before processing."""

    _inherit = "qms.onestop.dossier"  # pylint: disable=consider-merging-classes-inherited

    payment_ids = fields.One2many(
        "qms.onestop.payment", "dossier_id", string="Payments", readonly=True
    )
    amount_due = fields.Monetary(
        compute="_compute_amount_due",
        store=True,
        help="The fees less the exempted ones.",
    )
    amount_paid = fields.Monetary(
        compute="_compute_payment_state",
        store=True,
        help="Payments less refunds.",
    )
    payment_state = fields.Selection(
        PAYMENT_STATES,
        compute="_compute_payment_state",
        store=True,
        index=True,
        string="Payment",
    )
    paid_online = fields.Boolean(
        compute="_compute_payment_state",
        store=True,
        help="Paid through the online payment platform.",
    )
    payment_requested_at = fields.Datetime(readonly=True, copy=False)
    pay_timing = fields.Selection(
        PAY_TIMINGS, string="Fees Paid", compute="_compute_pay_timing"
    )

    @api.depends("tthc_case_id")
    def _compute_pay_timing(self):
        # From the case (a field of this addon on the catalogue's model).
        for dossier in self:
            dossier.pay_timing = dossier.tthc_case_id.pay_timing

    @api.depends("fee_ids.amount_due")
    def _compute_amount_due(self):
        for dossier in self:
            dossier.amount_due = sum(dossier.fee_ids.mapped("amount_due"))

    @api.depends("amount_due", "payment_ids.signed_amount", "payment_ids.method")
    def _compute_payment_state(self):
        for dossier in self:
            payments = dossier.payment_ids
            paid = sum(payments.mapped("signed_amount"))
            rounding = dossier.currency_id.rounding or 0.01
            dossier.amount_paid = paid
            dossier.paid_online = any(
                p.kind == "payment" and p.method == "online" for p in payments
            )
            if payments.filtered(lambda p: p.kind == "refund") and float_is_zero(
                paid, precision_rounding=rounding
            ):
                dossier.payment_state = "refunded"
            elif float_is_zero(dossier.amount_due, precision_rounding=rounding):
                dossier.payment_state = "none"
            elif (
                float_compare(paid, dossier.amount_due, precision_rounding=rounding)
                >= 0
            ):
                dossier.payment_state = "paid"
            elif paid > 0:
                dossier.payment_state = "partial"
            else:
                dossier.payment_state = "to_pay"

    # ------------------------------------------------------------ receipt
    def _qms_receive(self, intake_user=None, allotted_days=None, note=None):
        result = super()._qms_receive(intake_user, allotted_days, note)
        if self.pay_timing == "before_processing" and self.payment_state in (
            "to_pay",
            "partial",
        ):
            self._qms_wait_for_payment(self._qms_now())
        return result

    def _qms_wait_for_payment(self, now):
        """Processing waits for the fees; the clock stops if the counting
        rule says the time to pay is the applicant's."""
        self.ensure_one()
        if self._qms_rule().payment_stops_clock:
            self._qms_stop_clock(now, "payment")
        else:
            self.sudo()._qms_transition({"state": "waiting_payment"})
        self.sudo()._qms_transition({"payment_requested_at": now})
        self._qms_log("payment_request", date=now, note=self._qms_amount_text())

    def _qms_amount_text(self, amount=None):
        self.ensure_one()
        amount = self.amount_due - self.amount_paid if amount is None else amount
        # Vietnamese style: dots between thousands (50.000 VND).
        figure = f"{amount:,.0f}".replace(",", ".")
        return f"{figure} {self.currency_id.name or ''}".strip()

    # ------------------------------------------------------------ actions
    def _qms_check_cashier(self):
        self.ensure_one()
        if not self._qms_is_desk():
            raise AccessError(
                self.env._("Only desk officers record payments and refunds.")
            )
        if self.state == "draft":
            raise UserError(
                self.env._("Fees are paid once the dossier has been received.")
            )

    def action_request_payment(self):
        """Ask the applicant for the fees (the request goes out through the
        applicant's channels)."""
        self.ensure_one()
        self._qms_lock()
        self._qms_check_cashier()
        if self.payment_state not in ("to_pay", "partial"):
            raise UserError(
                self.env._("Dossier %(code)s has nothing to pay.", code=self.name)
            )
        now = self._qms_now()
        self.sudo()._qms_transition({"payment_requested_at": now})
        self._qms_log("payment_request", date=now, note=self._qms_amount_text())
        return True

    def qms_record_payment(
        self, amount, method, reference=None, receipt_number=None, note=None
    ):
        """Record a payment of the fees; a dossier waiting for its fees starts
        processing once they are paid."""
        self.ensure_one()
        self._qms_lock()
        self._qms_check_cashier()
        if method not in dict(PAYMENT_METHODS):
            raise ValidationError(self.env._("Unknown payment method."))
        reference = (reference or "").strip()
        if method in REFERENCED_METHODS and not reference:
            raise ValidationError(
                self.env._(
                    "A transfer or an online payment is recorded with its "
                    "transaction reference."
                )
            )
        if self.state in ("refused", "stopped", "withdrawn"):
            raise UserError(
                self.env._(
                    "Dossier %(code)s is closed: it takes no payment.", code=self.name
                )
            )
        rounding = self.currency_id.rounding or 0.01
        outstanding = self.amount_due - self.amount_paid
        if self.payment_state in ("paid", "none") or float_is_zero(
            outstanding, precision_rounding=rounding
        ):
            raise UserError(
                self.env._(
                    "Dossier %(code)s is already paid: nothing more is due.",
                    code=self.name,
                )
            )
        if (
            amount is None
            or float_compare(amount, 0.0, precision_rounding=rounding) <= 0
        ):
            raise ValidationError(self.env._("A payment is a positive amount."))
        if float_compare(amount, outstanding, precision_rounding=rounding) > 0:
            raise ValidationError(
                self.env._(
                    "%(amount)s is more than the %(due)s still due on dossier "
                    "%(code)s.",
                    amount=self._qms_amount_text(amount),
                    due=self._qms_amount_text(outstanding),
                    code=self.name,
                )
            )
        Payment = self.env["qms.onestop.payment"].sudo()
        if reference and Payment.search_count(
            [
                ("kind", "=", "payment"),
                ("method", "=", method),
                ("reference", "=", reference),
            ]
        ):
            raise UserError(
                self.env._(
                    "The transaction %(ref)s is already recorded: a payment is "
                    "not recorded twice.",
                    ref=reference,
                )
            )
        now = self._qms_now()
        payment = Payment.create(
            {
                "dossier_id": self.id,
                "kind": "payment",
                "amount": amount,
                "method": method,
                "reference": reference or False,
                "receipt_number": (receipt_number or "").strip() or False,
                "paid_at": now,
                "user_id": self.env.user.id,
                "note": note or False,
            }
        )
        self._qms_log("payment", date=now, note=self._qms_amount_text(amount))
        if self.payment_state == "paid" and self.state == "waiting_payment":
            pause = self.pause_ids.filtered(
                lambda p: p.reason == "payment" and not p.end_at
            )
            if pause:
                self._qms_resume_clock(pause, now, "pause")
            else:
                self.sudo()._qms_transition({"state": "in_progress"})
            self._qms_log("payment_received", date=now)
        return payment

    def qms_refund(
        self, amount, reason, method="cash", reference=None, receipt_number=None
    ):
        """Give back (part of) what was paid, with the reason (a supervisor)."""
        self.ensure_one()
        self._qms_lock()
        self._qms_check_cashier()
        if not self._qms_is_supervisor():
            raise AccessError(self.env._("Only a supervisor refunds fees."))
        rounding = self.currency_id.rounding or 0.01
        if not (reason or "").strip():
            raise ValidationError(self.env._("Say why the fees are refunded."))
        if method not in dict(PAYMENT_METHODS):
            raise ValidationError(self.env._("Unknown payment method."))
        if (
            amount is None
            or float_compare(amount, 0.0, precision_rounding=rounding) <= 0
        ):
            raise ValidationError(self.env._("A refund is a positive amount."))
        if float_compare(amount, self.amount_paid, precision_rounding=rounding) > 0:
            raise ValidationError(
                self.env._(
                    "A refund of %(amount)s is more than the %(paid)s paid on "
                    "dossier %(code)s.",
                    amount=self._qms_amount_text(amount),
                    paid=self._qms_amount_text(self.amount_paid),
                    code=self.name,
                )
            )
        now = self._qms_now()
        refund = (
            self.env["qms.onestop.payment"]
            .sudo()
            .create(
                {
                    "dossier_id": self.id,
                    "kind": "refund",
                    "amount": amount,
                    "method": method,
                    "reference": (reference or "").strip() or False,
                    "receipt_number": (receipt_number or "").strip() or False,
                    "paid_at": now,
                    "user_id": self.env.user.id,
                    "note": reason.strip(),
                    "refund_of_id": self.payment_ids.filtered(
                        lambda p: p.kind == "payment"
                    )[:1].id,
                }
            )
        )
        self._qms_log(
            "refund",
            date=now,
            reason=reason.strip(),
            note=self._qms_amount_text(amount),
        )
        return refund

    def _qms_check_paid_for_return(self):
        """A result whose case wants the fees first is handed over paid."""
        self.ensure_one()
        if self.pay_timing == "before_return" and self.payment_state in (
            "to_pay",
            "partial",
        ):
            raise UserError(
                self.env._(
                    "The fees of dossier %(code)s are not paid (%(due)s due): the "
                    "result is handed over once they are.",
                    code=self.name,
                    due=self._qms_amount_text(),
                )
            )

    def action_open_payment(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record a Payment"),
            "res_model": "qms.onestop.payment.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_dossier_id": self.id,
                "default_amount": max(self.amount_due - self.amount_paid, 0.0),
            },
        }

    def action_open_refund(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Refund"),
            "res_model": "qms.onestop.payment.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_dossier_id": self.id,
                "default_kind": "refund",
                "default_amount": self.amount_paid,
            },
        }

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class QmsOnestopDossierFee(models.Model):
    """A fee or charge due for the dossier, copied from the procedure case's
    fees at intake; the desk may exempt it, with the reason and the legal
    document that grants the exemption."""

    _name = "qms.onestop.dossier.fee"
    _description = "Dossier Fee"
    _inherit = ["qms.onestop.dossier.child.mixin", "qms.child.mixin"]
    _order = "dossier_id, id"
    _qms_parent_field = "dossier_id"

    name = fields.Char(required=True)
    tthc_fee_id = fields.Many2one("qms.tthc.fee", string="Catalogue Fee")
    fee_type = fields.Selection(
        [("fee", "Fee (phí)"), ("charge", "Charge (lệ phí)")],
        string="Type",
        default="charge",
    )
    legal_document_id = fields.Many2one(
        "qms.legal.document",
        string="Legal Basis",
        help="The legal document that sets the amount.",
    )
    payer = fields.Char(help="Empty: the applicant.")
    currency_id = fields.Many2one(related="dossier_id.currency_id")
    amount = fields.Monetary()
    exempt = fields.Boolean(string="Exempted")
    exemption_reason = fields.Char()
    exemption_document_id = fields.Many2one(
        "qms.legal.document",
        string="Exemption Basis",
        help="The legal document that grants the exemption.",
    )
    amount_due = fields.Monetary(compute="_compute_amount_due", store=True)
    paid = fields.Boolean(
        compute="_compute_paid",
        store=True,
        help="Exempted, or the dossier's payments cover what it owes.",
    )

    @api.depends("amount", "exempt")
    def _compute_amount_due(self):
        for fee in self:
            fee.amount_due = 0.0 if fee.exempt else fee.amount

    @api.depends("amount_due", "dossier_id.payment_state")
    def _compute_paid(self):
        for fee in self:
            fee.paid = not fee.amount_due or fee.dossier_id.payment_state == "paid"

    @api.constrains("amount", "exempt", "exemption_reason", "exemption_document_id")
    def _check_amount(self):
        for fee in self:
            if fee.amount < 0:
                raise ValidationError(self.env._("A fee cannot be negative."))
            if fee.exempt and not (
                (fee.exemption_reason or "").strip() and fee.exemption_document_id
            ):
                raise ValidationError(
                    self.env._(
                        "An exemption from %(fee)s needs its reason and the legal "
                        "document that grants it.",
                        fee=fee.name,
                    )
                )

    def _qms_check_parent(self, parents):
        if any(d.state != "draft" for d in parents):
            raise UserError(self.env._("The fees of a received dossier cannot change."))

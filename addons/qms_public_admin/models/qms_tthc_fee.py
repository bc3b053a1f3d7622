# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsTthcFee(models.Model):
    """A fee or charge (phí, lệ phí) of a procedure, set by a legal document."""

    _name = "qms.tthc.fee"
    _description = "Procedure Fee"
    _inherit = ["qms.tthc.line.mixin"]

    fee_type = fields.Selection(
        [("fee", "Fee (phí)"), ("charge", "Charge (lệ phí)")],
        string="Type",
        default="charge",
        required=True,
    )
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: (
            self.env.ref("base.VND", raise_if_not_found=False)
            or self.env.company.currency_id
        ),
    )
    amount = fields.Monetary(required=True)
    legal_document_id = fields.Many2one("qms.legal.document", string="Legal Basis")
    note = fields.Char(help="e.g. exemptions, online discount.")

    @api.constrains("amount")
    def _check_fee(self):
        for fee in self:
            if fee.amount < 0:
                raise ValidationError(
                    self.env._("Fee %(name)s cannot be negative.", name=fee.name)
                )

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class QmsOnestopDossierFee(models.Model):
    """A fee or charge due for the dossier (from the procedure's fees)."""

    _name = "qms.onestop.dossier.fee"
    _description = "Dossier Fee"
    _inherit = ["qms.onestop.dossier.child.mixin", "qms.child.mixin"]
    _order = "dossier_id, id"
    _qms_parent_field = "dossier_id"
    _qms_free_fields = frozenset({"paid", "receipt_number"})

    name = fields.Char(required=True)
    currency_id = fields.Many2one(related="dossier_id.currency_id")
    amount = fields.Monetary()
    paid = fields.Boolean()
    receipt_number = fields.Char(string="Receipt No.")

    @api.constrains("amount")
    def _check_amount(self):
        for fee in self:
            if fee.amount < 0:
                raise ValidationError(self.env._("A fee cannot be negative."))

    def _qms_check_parent(self, parents):
        if any(d.state != "draft" for d in parents):
            raise UserError(self.env._("The fees of a received dossier cannot change."))

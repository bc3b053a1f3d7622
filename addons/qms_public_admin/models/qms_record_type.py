# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsRecordType(models.Model):
    """A type of quality record and how long it is kept (records control)."""

    _name = "qms.record.type"
    _description = "Quality Record Type"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    retention_years = fields.Integer(
        string="Retention (years)", help="0 = kept permanently."
    )
    disposal_method = fields.Char(help="e.g. destruction by shredding, archive.")
    legal_document_id = fields.Many2one(
        "qms.legal.document",
        string="Legal Basis",
        help="The text that sets the retention period.",
    )
    company_id = fields.Many2one(
        "res.company", string="Agency", index=True, help="Empty: shared."
    )
    active = fields.Boolean(default=True)

    @api.constrains("retention_years")
    def _check_retention(self):
        for record_type in self:
            if record_type.retention_years < 0:
                raise ValidationError(
                    self.env._("A retention period cannot be negative.")
                )

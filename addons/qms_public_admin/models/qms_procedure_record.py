# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsProcedureRecord(models.Model):
    """A record the procedure produces and keeps (hồ sơ lưu)."""

    _name = "qms.procedure.record"
    _description = "Record to Keep"
    _inherit = ["qms.version.line.mixin"]
    _order = "version_id, sequence, id"
    _check_company_auto = True

    version_id = fields.Many2one(
        "qms.procedure.version", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="version_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    keeper_unit_id = fields.Many2one(
        "hr.department", string="Kept By", check_company=True
    )
    retention_years = fields.Integer(
        string="Retention (years)", help="0 = kept permanently."
    )
    location = fields.Char()

    @api.constrains("retention_years")
    def _check_retention(self):
        for record in self:
            if record.retention_years < 0:
                raise ValidationError(
                    self.env._("A retention period cannot be negative.")
                )

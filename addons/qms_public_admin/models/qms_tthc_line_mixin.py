# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsTthcLineMixin(models.AbstractModel):
    """A line of an administrative procedure, for all its cases or only one."""

    _name = "qms.tthc.line.mixin"
    _description = "Line of an Administrative Procedure"
    _order = "tthc_id, sequence, id"

    tthc_id = fields.Many2one(
        "qms.tthc", string="Procedure", required=True, ondelete="cascade", index=True
    )
    case_id = fields.Many2one(
        "qms.tthc.case",
        string="Only for Case",
        ondelete="cascade",
        domain="[('tthc_id', '=', tthc_id)]",
        help="Empty: applies in every case of the procedure.",
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)

    @api.constrains("case_id", "tthc_id")
    def _check_case_of_procedure(self):
        for line in self:
            if line.case_id and line.case_id.tthc_id != line.tthc_id:
                raise ValidationError(
                    self.env._(
                        "%(name)s belongs to a case of another procedure.",
                        name=line.name,
                    )
                )

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsTthcComponent(models.Model):
    """A document the applicant files (thành phần hồ sơ)."""

    _name = "qms.tthc.component"
    _description = "Dossier Component"
    _order = "tthc_id, sequence, id"

    tthc_id = fields.Many2one(
        "qms.tthc", string="Procedure", required=True, ondelete="cascade", index=True
    )
    case_id = fields.Many2one(
        "qms.tthc.case",
        string="Only for Case",
        ondelete="cascade",
        domain="[('tthc_id', '=', tthc_id)]",
        help="Empty: required in every case of the procedure.",
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    paper_kind = fields.Selection(
        [
            ("original", "Original"),
            ("copy", "Copy"),
            ("certified_copy", "Certified Copy"),
            ("original_or_copy", "Original or Certified Copy"),
            ("electronic", "Electronic Document"),
        ],
        string="Original / Copy",
        default="original",
        required=True,
    )
    copies = fields.Integer(default=1, required=True)
    requirement = fields.Selection(
        [
            ("mandatory", "Mandatory"),
            ("conditional", "Conditional"),
            ("optional", "Optional"),
        ],
        default="mandatory",
        required=True,
    )
    condition = fields.Char(help="When a conditional component is required.")
    template = fields.Binary(string="Form Template", attachment=True)
    template_filename = fields.Char()

    @api.constrains("copies", "case_id", "tthc_id", "requirement", "condition")
    def _check_component(self):
        for component in self:
            if component.copies < 1:
                raise ValidationError(
                    self.env._(
                        "Component %(name)s: at least one copy is filed.",
                        name=component.name,
                    )
                )
            if component.case_id and component.case_id.tthc_id != component.tthc_id:
                raise ValidationError(
                    self.env._(
                        "Component %(name)s belongs to a case of another procedure.",
                        name=component.name,
                    )
                )
            if component.requirement == "conditional" and not component.condition:
                raise ValidationError(
                    self.env._(
                        "Component %(name)s is conditional: say when it is required.",
                        name=component.name,
                    )
                )

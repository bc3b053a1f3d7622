# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsTthcComponent(models.Model):
    """A document the applicant files (thành phần hồ sơ)."""

    _name = "qms.tthc.component"
    _description = "Dossier Component"
    _inherit = ["qms.tthc.line.mixin"]

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

    @api.constrains("copies", "requirement", "condition")
    def _check_component(self):
        for component in self:
            if component.copies < 1:
                raise ValidationError(
                    self.env._(
                        "Component %(name)s: at least one copy is filed.",
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

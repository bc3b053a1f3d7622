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

    # ------------------------------------------------------------ changes
    _qms_watched_fields = ("name", "paper_kind", "copies", "requirement", "template")

    def _qms_cases(self):
        """The cases these components apply to."""
        cases = self.env["qms.tthc.case"]
        for component in self:
            cases |= component.case_id or component.tthc_id.case_ids
        return cases

    def _qms_flag_change(self, what):
        """Flag the procedures of these components' cases; ``what`` is
        ``added``, ``changed`` or ``removed``."""
        for component in self:
            component._qms_cases()._qms_flag_procedures(
                lambda env, component=component: env._(
                    "The catalogue changed the components of %(procedure)s: "
                    "%(what)s %(name)s.",
                    procedure=component.tthc_id.display_name,
                    what={
                        "added": env._("added"),
                        "changed": env._("changed"),
                        "removed": env._("removed"),
                    }[what],
                    name=component.name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        components = super().create(vals_list)
        components._qms_flag_change("added")
        return components

    def write(self, vals):
        result = super().write(vals)
        if any(f in vals for f in self._qms_watched_fields):
            self._qms_flag_change("changed")
        return result

    def unlink(self):
        self._qms_flag_change("removed")
        return super().unlink()

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsTemplateAdopt(models.TransientModel):
    """Adopt a template procedure: each unit performing a step of the template
    is matched to a unit of the adopting agency (by name where it can)."""

    _name = "qms.template.adopt"
    _description = "Adopt a Template Procedure"

    template_id = fields.Many2one("qms.procedure", required=True, readonly=True)
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    code = fields.Char(string="Code in This Agency", required=True)
    line_ids = fields.One2many(
        "qms.template.adopt.line", "wizard_id", string="Units of the Steps"
    )

    @api.model
    def _qms_prepare(self, template):
        """Values of the wizard for ``template`` (read as superuser: the
        template belongs to another agency)."""
        source = template.sudo().effective_version_id
        Unit = self.env["hr.department"]
        company = self.env.company
        lines = []
        for unit in source.step_ids.unit_id:
            match = Unit.search(
                [("company_id", "=", company.id), ("name", "=ilike", unit.name)],
                limit=1,
            )
            lines.append(
                (
                    0,
                    0,
                    {
                        "template_unit_ref": unit.id,
                        "template_unit_name": unit.name,
                        "unit_id": match.id,
                    },
                )
            )
        return {
            "template_id": template.id,
            "company_id": company.id,
            "code": template.sudo().code,
            "line_ids": lines,
        }

    def action_adopt(self):
        self.ensure_one()
        missing = self.line_ids.filtered(lambda line: not line.unit_id)
        if missing:
            raise UserError(
                self.env._(
                    "Choose the unit of %(agency)s that performs the steps of: "
                    "%(units)s.",
                    agency=self.company_id.name,
                    units=", ".join(missing.mapped("template_unit_name")),
                )
            )
        units = {line.template_unit_ref: line.unit_id for line in self.line_ids}
        variant = self.template_id.with_company(self.company_id)._qms_adopt(
            self.company_id, self.code, units
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "qms.procedure",
            "res_id": variant.id,
            "view_mode": "form",
        }

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsTemplateAdoptLine(models.TransientModel):
    """A unit of the template and the adopting agency's unit that takes its
    steps."""

    _name = "qms.template.adopt.line"
    _description = "Unit Matched When Adopting a Template"

    wizard_id = fields.Many2one("qms.template.adopt", required=True, ondelete="cascade")
    # The template's unit belongs to another agency: kept by id and name.
    template_unit_ref = fields.Integer(required=True)
    template_unit_name = fields.Char(string="Unit in the Template", readonly=True)
    agency_id = fields.Many2one(related="wizard_id.company_id")
    unit_id = fields.Many2one(
        "hr.department",
        string="Unit in This Agency",
        domain="[('company_id', '=', agency_id)]",
    )

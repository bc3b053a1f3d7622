# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsReviewInputLine(models.Model):
    """A row of a compiled input, stored as text: the snapshot of the data as it
    was when the inputs were prepared."""

    _name = "qms.review.input.line"
    _description = "Management Review Input Line"
    _order = "input_id, sequence, id"

    input_id = fields.Many2one(
        "qms.review.input", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="input_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Item", required=True)
    detail = fields.Char()
    value = fields.Char()
    status = fields.Char()
    res_model = fields.Char(string="Source Model", readonly=True)
    res_id = fields.Many2oneReference(
        string="Source Record", model_field="res_model", readonly=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.input_id._check_editable()
        return lines

    def write(self, vals):
        if not self.env.su:
            raise UserError(
                self.env._("A compiled input is a snapshot: it cannot be edited.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_planned_only(self):
        self.input_id._check_editable()

    def action_open_source(self):
        self.ensure_one()
        if not self.res_model or not self.res_id:
            return False
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }

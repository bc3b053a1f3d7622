# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsDostReportLine(models.Model):
    """A figure of the annual report, stored as generated."""

    _name = "qms.dost.report.line"
    _description = "Annual QMS Report Figure"
    _order = "report_id, sequence, id"

    report_id = fields.Many2one(
        "qms.dost.report", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="report_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    section = fields.Selection(
        [
            ("announcement", "I. Conformity announcement"),
            ("documents", "II. Procedures and documents"),
            ("audits", "III. Internal audits"),
            ("reviews", "IV. Management reviews"),
            ("actions", "V. Corrective and improvement actions"),
            ("objectives", "VI. Quality objectives"),
            ("risks", "VII. Risks and opportunities"),
            ("service", "VIII. Results of handling administrative procedures"),
            ("system", "IX. Plan, training and inspections"),
        ],
        required=True,
    )
    name = fields.Char(string="Item", required=True)
    value = fields.Char()
    note = fields.Char()

    def write(self, vals):
        if any(line.report_id.state != "draft" for line in self) and not self.env.su:
            raise UserError(self.env._("A submitted report cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_drafts(self):
        if any(line.report_id.state != "draft" for line in self):
            raise UserError(self.env._("A submitted report cannot be changed."))

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .qms_onestop_report_form import REPORT_FIGURES


class QmsOnestopReportColumn(models.Model):
    """A column of the periodic report form: the figure it shows, its heading
    and the heading of the group of columns above it."""

    _name = "qms.onestop.report.column"
    _description = "Periodic Report Column"
    _order = "form_id, sequence, id"

    form_id = fields.Many2one(
        "qms.onestop.report.form", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    figure = fields.Selection(REPORT_FIGURES, required=True)
    name = fields.Char(string="Heading", required=True, translate=True)
    group_name = fields.Char(string="Group Heading", translate=True)

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

# The figures the periodic report computes; a form's columns pick among them.
REPORT_FIGURES = [
    ("carried", "Carried Over"),
    ("new_online", "Received Online"),
    ("new_desk", "Received at the Desk"),
    ("new_post", "Received by Post"),
    ("to_handle", "To Handle"),
    ("early", "Handled Early"),
    ("on_time", "Handled On Time"),
    ("late", "Handled Late"),
    ("handled", "Handled"),
    ("in_time", "In Hand, Within the Deadline"),
    ("overdue", "In Hand, Overdue"),
    ("in_hand", "In Hand"),
    ("withdrawn", "Withdrawn"),
    ("stopped", "Stopped"),
    ("refused", "Refused"),
]


class QmsOnestopReportForm(models.Model):
    """The form of the periodic report on the handling of administrative
    procedures that the province asks of each agency: its columns, the legal
    document that sets them and the dates it applies. A new circular is a new
    form with its own dates."""

    _name = "qms.onestop.report.form"
    _description = "Periodic Report Form"
    _order = "valid_from desc, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    legal_document_id = fields.Many2one(
        "qms.legal.document", string="Legal Basis", required=True
    )
    valid_from = fields.Date(required=True)
    valid_to = fields.Date()
    column_ids = fields.One2many(
        "qms.onestop.report.column", "form_id", string="Columns", copy=True
    )
    note = fields.Text()

    @api.model
    def _qms_form_for(self, day):
        return self.search(
            [
                ("valid_from", "<=", day),
                "|",
                ("valid_to", "=", False),
                ("valid_to", ">=", day),
            ],
            limit=1,
        )

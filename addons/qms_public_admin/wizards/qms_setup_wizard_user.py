# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsSetupWizardUser(models.TransientModel):
    _name = "qms.setup.wizard.user"
    _description = "New Agency Set-up: an Officer"

    wizard_id = fields.Many2one("qms.setup.wizard", required=True, ondelete="cascade")
    name = fields.Char(required=True)
    login = fields.Char(required=True)
    email = fields.Char()
    role = fields.Selection(
        [
            ("iso_officer", "ISO Officer"),
            ("qmr", "Quality Representative"),
            ("staff", "Staff (reads the quality system)"),
        ],
        required=True,
        default="staff",
    )

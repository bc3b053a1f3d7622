# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsSetupWizardUser(models.TransientModel):
    _inherit = "qms.setup.wizard.user"

    role = fields.Selection(
        selection_add=[
            ("desk", "One-Stop Desk Officer"),
            ("processor", "Processing Officer"),
            ("approver", "Approving Leader"),
            ("supervisor", "One-Stop Supervisor"),
        ],
        ondelete={
            "desk": "set default",
            "processor": "set default",
            "approver": "set default",
            "supervisor": "set default",
        },
    )

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class QmsSetupWizard(models.TransientModel):
    _inherit = "qms.setup.wizard"

    @api.model
    def _qms_role_groups(self):
        roles = super()._qms_role_groups()
        roles.update(
            {
                "desk": ["qms_onestop.group_onestop_desk"],
                "processor": ["qms_onestop.group_onestop_processor"],
                "approver": ["qms_onestop.group_onestop_approver"],
                "supervisor": ["qms_onestop.group_onestop_supervisor"],
            }
        )
        return roles

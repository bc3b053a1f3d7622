# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class MgmtsystemNonconformityStage(models.Model):
    _inherit = "mgmtsystem.nonconformity.stage"

    # The same states, named in words this addon translates (the
    # nonconformity module's own names stay in English on our screens).
    state = fields.Selection(selection="_qms_states")

    def _qms_states(self):
        return [
            ("draft", self.env._("Draft")),
            ("analysis", self.env._("Cause Analysis")),
            ("pending", self.env._("Action Plan")),
            ("open", self.env._("Actions Under Way")),
            ("done", self.env._("Closed")),
            ("cancel", self.env._("Cancelled")),
        ]

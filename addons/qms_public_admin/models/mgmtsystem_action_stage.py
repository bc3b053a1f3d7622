# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

ACTION_STATES = [
    ("draft", "Draft"),
    ("open", "Open"),
    ("done", "Done, To Verify"),
    ("verified", "Verified Effective"),
    ("cancel", "Cancelled"),
]


class MgmtsystemActionStage(models.Model):
    """Each stage stands for one fixed state of the action's lifecycle (as the
    nonconformity stages of OCA do), so stages stay configurable while the rules
    rely on the state."""

    _inherit = "mgmtsystem.action.stage"

    qms_state = fields.Selection(ACTION_STATES, string="State", index=True)

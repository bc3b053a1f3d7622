# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class MgmtsystemObjective(models.Model):
    """Quality objectives state which requirements of the standard they address: the
    clause coverage matrix counts them."""

    _inherit = "mgmtsystem.objective"

    qms_clause_ids = fields.Many2many(
        "qms.iso.clause",
        "mgmtsystem_objective_clause_rel",
        "objective_id",
        "clause_id",
        string="Clauses Addressed",
    )

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsProcedure(models.Model):
    """ISO procedures state which requirements of the standard they address: the
    clause coverage matrix counts them."""

    _inherit = "qms.procedure"

    qms_clause_ids = fields.Many2many(
        "qms.iso.clause",
        "qms_procedure_clause_rel",
        "procedure_id",
        "clause_id",
        string="Clauses Addressed",
    )

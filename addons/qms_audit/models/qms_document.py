# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsDocument(models.Model):
    """Documents state which requirements of the standard they address: the
    clause coverage matrix counts them."""

    _inherit = "qms.document"

    qms_clause_ids = fields.Many2many(
        "qms.iso.clause",
        "qms_document_clause_rel",
        "document_id",
        "clause_id",
        string="Clauses Addressed",
    )

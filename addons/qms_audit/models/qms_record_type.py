# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsRecordType(models.Model):
    """Record types state which requirements of the standard they address: the
    clause coverage matrix counts them."""

    _inherit = "qms.record.type"

    qms_clause_ids = fields.Many2many(
        "qms.iso.clause",
        "qms_record_type_clause_rel",
        "record_type_id",
        "clause_id",
        string="Clauses Addressed",
    )

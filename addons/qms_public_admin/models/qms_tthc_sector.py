# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsTthcSector(models.Model):
    """A sector (lĩnh vực) of the procedure catalogue: civil status, land, ..."""

    _name = "qms.tthc.sector"
    _description = "Procedure Sector"
    _order = "sequence, name"

    name = fields.Char(required=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    tthc_ids = fields.One2many("qms.tthc", "sector_id", string="Procedures")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "Two sectors cannot share a code."),
    ]

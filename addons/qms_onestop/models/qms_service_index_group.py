# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsServiceIndexGroup(models.Model):
    """A group of indicators (publicity, progress, digitisation, online
    service, satisfaction) with its maximum points."""

    _name = "qms.service.index.group"
    _description = "Service Index Group"
    _order = "index_id, sequence, id"

    index_id = fields.Many2one(
        "qms.service.index", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    max_points = fields.Float(string="Maximum Points")

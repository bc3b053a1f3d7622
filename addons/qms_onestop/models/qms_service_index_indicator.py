# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..lib.service_index import METRICS


class QmsServiceIndexIndicator(models.Model):
    """One indicator: what it measures (a rate the product computes from its
    records, or a value entered by hand), its points and the rate that earns
    them in full."""

    _name = "qms.service.index.indicator"
    _description = "Service Index Indicator"
    _order = "index_id, sequence, id"

    index_id = fields.Many2one(
        "qms.service.index", required=True, ondelete="cascade", index=True
    )
    group_id = fields.Many2one(
        "qms.service.index.group",
        required=True,
        ondelete="cascade",
        domain="[('index_id', '=', index_id)]",
    )
    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    metric = fields.Selection(
        METRICS,
        required=True,
        default="manual",
        help="Entered by Hand: the product does not hold the data; the agency "
        "enters the month's value, marked as entered by hand.",
    )
    max_points = fields.Float(string="Maximum Points", required=True)
    target_pct = fields.Float(
        string="Full Points From (%)",
        default=100.0,
        help="The rate from which the indicator earns its full points; below, in "
        "proportion.",
    )
    note = fields.Text()

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsAgencyLevel(models.Model):
    """A level of government at which procedures are performed (cấp thực hiện).

    Its code matches the agency level of ``res.company`` (``qms_agency_level``).
    """

    _name = "qms.agency.level"
    _description = "Agency Level"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    legacy = fields.Boolean(
        help="A level that no longer exists (districts since 2025)."
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "Two agency levels cannot share a code."),
    ]

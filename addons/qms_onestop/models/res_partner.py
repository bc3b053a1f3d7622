# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResPartner(models.Model):
    """Applicants of one-stop dossiers: contacts of the competent agency."""

    _inherit = "res.partner"

    qms_id_number = fields.Char(
        string="Identity Number", groups="base.group_system", index=True
    )
    qms_is_applicant = fields.Boolean(string="One-stop Applicant")

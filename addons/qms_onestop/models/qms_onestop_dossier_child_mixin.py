# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsOnestopDossierChildMixin(models.AbstractModel):
    """A record of a dossier (component, fee, log line, clock stop, request,
    notice): it goes with the dossier and is seen by the same two agencies, the
    competent one and the receiving desk (see the record rules)."""

    _name = "qms.onestop.dossier.child.mixin"
    _description = "Record of a One-stop Dossier"

    dossier_id = fields.Many2one(
        "qms.onestop.dossier", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="dossier_id.company_id", store=True, string="Competent Agency"
    )
    receiving_company_id = fields.Many2one(
        related="dossier_id.receiving_company_id", store=True
    )

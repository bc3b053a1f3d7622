# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.addons.qms_public_admin.lib import kpi


class MgmtsystemIndicator(models.Model):
    """On-time handling of dossiers as a data source of quality objectives."""

    _inherit = "mgmtsystem.indicator"

    @api.model
    def _qms_data_source_selection(self):
        return super()._qms_data_source_selection() + [
            (
                "dossier_on_time",
                self.env._("Dossiers handled early or on time (%)"),
            ),
        ]

    def _qms_source_dossier_on_time(self, date_from, date_to):
        """Dossiers whose result was ready (or refused after processing) in the
        period: the share early or on time."""
        Dossier = self.env["qms.onestop.dossier"].sudo()
        rows = Dossier._qms_kpi_rows(self._qms_source_domain(), date_from, date_to)
        return kpi.ratio(rows["on_time"], rows["finished"])

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.addons.qms_public_admin.lib import kpi


class MgmtsystemIndicator(models.Model):
    """The one-stop desk's figures as data sources of quality objectives:
    on-time handling, supplement requests and complaints, for the agency or
    for one procedure."""

    _inherit = "mgmtsystem.indicator"

    @api.model
    def _qms_data_source_selection(self):
        return super()._qms_data_source_selection() + [
            (
                "dossier_on_time",
                self.env._("Dossiers handled early or on time (%)"),
            ),
            (
                "dossier_supplement",
                self.env._("Dossiers asked for a supplement (%)"),
            ),
            (
                "feedback_complaints",
                self.env._("Complaints received (count)"),
            ),
        ]

    def _qms_dossier_domain(self):
        domain = self._qms_source_domain()
        if self.qms_procedure_id:
            domain.append(("procedure_id", "=", self.qms_procedure_id.id))
        return domain

    def _qms_source_dossier_on_time(self, date_from, date_to):
        """Dossiers whose result was ready (or refused after processing) in the
        period: the share early or on time."""
        Dossier = self.env["qms.onestop.dossier"].sudo()
        rows = Dossier._qms_kpi_rows(self._qms_dossier_domain(), date_from, date_to)
        return kpi.ratio(rows["on_time"], rows["finished"])

    def _qms_source_dossier_supplement(self, date_from, date_to):
        return self.env["qms.procedure"]._qms_supplement_rate(
            self._qms_dossier_domain(), date_from, date_to
        )

    def _qms_source_feedback_complaints(self, date_from, date_to):
        return float(
            self.env["qms.procedure"]._qms_complaint_count(
                self.company_id, self.qms_procedure_id, date_from, date_to
            )
        )

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class QmsDostReport(models.Model):
    """Results of handling administrative procedures in the annual report
    (figures only: no personal data crosses agencies)."""

    _inherit = "qms.dost.report"

    def _qms_dost_service(self):
        lines = super()._qms_dost_service()
        start, end = self._qms_period()
        Dossier = self.env["qms.onestop.dossier"].sudo()
        company = [("company_id", "=", self.company_id.id)]
        rows = Dossier._qms_kpi_rows(company, start, end)
        received = Dossier.search_count(
            company + [("received_at", ">=", start), ("received_at", "<=", end)]
        )
        sec = "service"
        return lines + [
            self._qms_line(sec, self.env._("Dossiers received"), received),
            self._qms_line(
                sec,
                self.env._("Dossiers handled"),
                rows["finished"],
                self.env._(
                    "%(early)s early, %(on_time)s on time, %(late)s late",
                    early=rows["early"],
                    on_time=rows["on_time_only"],
                    late=rows["late"],
                ),
            ),
            self._qms_line(
                sec,
                self.env._("On-time rate (%)"),
                rows["on_time_rate"] if rows["on_time_rate"] is not None else "-",
            ),
            self._qms_line(
                sec,
                self.env._("Dossiers overdue at the report date"),
                Dossier.search_count(company + [("is_overdue", "=", True)]),
            ),
        ]

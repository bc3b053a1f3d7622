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
            *self._qms_dost_satisfaction(company, start, end),
        ]

    def _qms_dost_satisfaction(self, company, start, end):
        sec = "service"
        Rating = self.env["qms.onestop.rating"].sudo()
        period = company + [("rated_at", ">=", start), ("rated_at", "<=", end)]
        rated = Rating.search_count(period)
        satisfied = Rating.search_count(
            period + [("level", "in", ("very_satisfied", "satisfied"))]
        )
        Feedback = self.env["qms.onestop.feedback"].sudo()
        received = company + [("received_at", ">=", start), ("received_at", "<=", end)]
        answered = Feedback.search(received + [("state", "=", "answered")])
        return [
            self._qms_line(
                sec,
                self.env._("Applicant satisfaction (%)"),
                round(100.0 * satisfied / rated, 1) if rated else "-",
                self.env._("%(count)s ratings", count=rated),
            ),
            self._qms_line(
                sec,
                self.env._("Complaints and proposals"),
                Feedback.search_count(received),
                self.env._(
                    "%(on_time)s of %(answered)s answered on time",
                    on_time=len(answered.filtered("answered_on_time")),
                    answered=len(answered),
                ),
            ),
        ]

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class QmsManagementReview(models.Model):
    """Management review inputs from the one-stop desk: process performance
    (on-time rates per procedure) and what the public experienced."""

    _inherit = "qms.management.review"

    def _qms_onestop_rows(self):
        start, end = self._qms_period()
        return (
            self.env["qms.onestop.dossier"]
            .sudo()
            ._qms_kpi_rows(
                [("company_id", "=", self.company_id.id)], start, end, by="tthc_id"
            )
        )

    def _qms_input_c3_performance(self):
        inputs = super()._qms_input_c3_performance()
        rows = self._qms_onestop_rows()
        lines = [
            self._qms_line(
                None,
                self.env._("Dossiers handled (result ready or refused)"),
                value=str(rows["finished"]),
                status=self.env._(
                    "%(rate)s%% early or on time", rate=rows["on_time_rate"]
                )
                if rows["on_time_rate"] is not None
                else "",
            )
        ]
        for tthc, group in rows["groups"].items():
            lines.append(
                self._qms_line(
                    tthc,
                    tthc.display_name,
                    self.env._(
                        "%(finished)s handled, %(late)s late, %(days)s working days "
                        "on average",
                        finished=group["finished"],
                        late=group["late"],
                        days=group["average_days"],
                    ),
                    f"{group['on_time_rate']}%"
                    if group["on_time_rate"] is not None
                    else "",
                )
            )
        return inputs + [
            self._qms_section_input(
                "c3_performance",
                lines,
                title=self.env._("One-stop dossiers: handling on time"),
            )
        ]

    def _qms_input_c1_feedback(self):
        """What the public experienced: late dossiers, apologies, refusals."""
        rows = self._qms_onestop_rows()
        start, end = self._qms_period()
        Notice = self.env["qms.onestop.notice"].sudo()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("state", "=", "issued"),
            ("issued_at", ">=", start),
            ("issued_at", "<=", end),
        ]
        lines = [
            self._qms_line(
                None,
                self.env._("Dossiers returned late"),
                value=str(rows["late"]),
            ),
            self._qms_line(
                None,
                self.env._("Apologies issued to applicants"),
                value=str(Notice.search_count(domain + [("kind", "=", "apology")])),
            ),
            self._qms_line(
                None,
                self.env._("Dossiers refused"),
                value=str(Notice.search_count(domain + [("kind", "=", "refusal")])),
            ),
        ]
        lines += self._qms_feedback_lines(start, end)
        return [self._qms_section_input("c1_feedback", lines)]

    def _qms_feedback_lines(self, start, end):
        """Ratings and complaints of the period (customer feedback, 9.1.2)."""
        company = [("company_id", "=", self.company_id.id)]
        ratings = self.env["qms.onestop.rating"].sudo()
        period = [("rated_at", ">=", start), ("rated_at", "<=", end)]
        rated = ratings.search_count(company + period)
        satisfied = ratings.search_count(
            company + period + [("level", "in", ("very_satisfied", "satisfied"))]
        )
        low = ratings.search_count(company + period + [("low", "=", True)])
        Feedback = self.env["qms.onestop.feedback"].sudo()
        received = company + [("received_at", ">=", start), ("received_at", "<=", end)]
        complaints = Feedback.search_count(received + [("kind", "=", "complaint")])
        proposals = Feedback.search_count(received + [("kind", "=", "proposal")])
        answered = Feedback.search(received + [("state", "=", "answered")])
        return [
            self._qms_line(
                None,
                self.env._("Applicant ratings"),
                value=str(rated),
                status=self.env._(
                    "%(rate)s%% satisfied", rate=round(100.0 * satisfied / rated, 1)
                )
                if rated
                else "",
            ),
            self._qms_line(
                None,
                self.env._("Low ratings (an improvement action each)"),
                value=str(low),
            ),
            self._qms_line(
                None,
                self.env._("Complaints and proposals received"),
                value=str(complaints + proposals),
                status=self.env._(
                    "%(complaints)s complaints, %(proposals)s proposals",
                    complaints=complaints,
                    proposals=proposals,
                ),
            ),
            self._qms_line(
                None,
                self.env._("Complaints and proposals answered on time"),
                value=str(len(answered.filtered("answered_on_time"))),
                status=self.env._("of %(count)s answered", count=len(answered)),
            ),
        ]

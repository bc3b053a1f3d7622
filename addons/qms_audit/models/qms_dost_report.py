# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from .mgmtsystem_nonconformity import OPEN_NC_STATES


class QmsDostReport(models.Model):
    """Internal audit figures of the annual report to the Department of Science
    and Technology."""

    _inherit = "qms.dost.report"

    def _qms_dost_audits(self):
        lines = super()._qms_dost_audits()
        start, end = self._qms_period()
        company = [("company_id", "=", self.company_id.id)]
        planned = (
            self.env["qms.audit.plan.line"]
            .sudo()
            .search(
                company
                + [
                    ("plan_id.state", "in", ("approved", "closed")),
                    ("status", "!=", "cancel"),
                    ("date_due", ">=", self.date_from),
                    ("date_due", "<=", self.date_to),
                ]
            )
        )
        audits = (
            self.env["qms.audit"]
            .sudo()
            .search(
                company
                + [
                    ("report_date", ">=", self.date_from),
                    ("report_date", "<=", self.date_to),
                ]
            )
        )
        NC = self.env["mgmtsystem.nonconformity"].sudo()
        found = NC.search(
            company
            + [
                ("qms_audit_id", "in", audits.ids),
            ]
        )
        closed = NC.search(
            company
            + [
                ("state", "=", "done"),
                ("closing_date", ">=", start),
                ("closing_date", "<=", end),
            ]
        )
        sec = "audits"
        return lines + [
            self._qms_line(
                sec,
                self.env._("Internal audits planned"),
                len(planned),
                ", ".join(planned.plan_id.mapped("decision_number")),
            ),
            self._qms_line(
                sec,
                self.env._("Internal audits carried out (report issued)"),
                len(audits),
                self.env._(
                    "%(count)s of the planned ones on time",
                    count=len(planned.filtered("on_time")),
                ),
            ),
            self._qms_line(
                sec,
                self.env._("Nonconformities found"),
                len(found),
                self.env._(
                    "%(major)s major, %(minor)s minor",
                    major=sum(audits.mapped("nc_major_count")),
                    minor=sum(audits.mapped("nc_minor_count")),
                ),
            ),
            self._qms_line(
                sec,
                self.env._("Nonconformities closed in the year"),
                len(closed),
                self.env._(
                    "%(count)s on time",
                    count=len(closed.filtered("qms_closed_on_time")),
                ),
            ),
            self._qms_line(
                sec,
                self.env._("Nonconformities open at the report date"),
                NC.search_count(company + [("state", "in", OPEN_NC_STATES)]),
            ),
        ]

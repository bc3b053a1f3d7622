# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from .mgmtsystem_nonconformity import OPEN_NC_STATES


class QmsManagementReview(models.Model):
    """Audit results (9.3.2 c6) and the nonconformities of audits (c4) in the
    inputs of a management review."""

    _inherit = "qms.management.review"

    def _qms_period_audits(self):
        """Audits of the agency reported in the period or still running."""
        return (
            self.env["qms.audit"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    "|",
                    "&",
                    ("report_date", ">=", self.period_start),
                    ("report_date", "<=", self.period_end),
                    "&",
                    ("state", "in", ("program_approved", "in_progress")),
                    ("date_start", "<=", self.period_end),
                ],
                order="date_start",
            )
        )

    def _qms_input_c6_audits(self):
        lines = []
        for audit in self._qms_period_audits():
            lines.append(
                self._qms_line(
                    audit,
                    audit.display_name,
                    ", ".join(audit.department_ids.mapped("name")),
                    self.env._(
                        "%(major)s major, %(minor)s minor NC; %(obs)s observations; "
                        "%(ofi)s opportunities",
                        major=audit.nc_major_count,
                        minor=audit.nc_minor_count,
                        obs=audit.observation_count,
                        ofi=audit.ofi_count,
                    ),
                    self._qms_label(audit, "state"),
                )
            )
        plan_lines = (
            self.env["qms.audit.plan.line"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("plan_id.state", "in", ("approved", "closed")),
                    ("date_due", ">=", self.period_start),
                    ("date_due", "<=", self.period_end),
                ]
            )
        )
        if plan_lines:
            done = plan_lines.filtered(lambda line: line.status == "done")
            late = plan_lines.filtered(
                lambda line: (
                    line.status == "late"
                    or (line.status == "done" and not line.on_time)
                )
            )
            lines.append(
                self._qms_line(
                    None,
                    self.env._("Audit plan: audits due in the period"),
                    self.env._(
                        "%(done)s done, %(late)s late", done=len(done), late=len(late)
                    ),
                    str(len(plan_lines)),
                )
            )
        return [self._qms_section_input("c6_audits", lines)]

    def _qms_input_c4_nonconformities(self):
        inputs = super()._qms_input_c4_nonconformities()
        start, _end = self._qms_period()
        ncs = (
            self.env["mgmtsystem.nonconformity"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    "|",
                    ("create_date", ">=", start),
                    ("state", "in", OPEN_NC_STATES),
                ],
                order="create_date",
            )
        )
        lines = []
        for nc in ncs:
            status = self._qms_label(nc, "state")
            if nc.qms_overdue:
                status = self.env._("%(state)s, overdue", state=status)
            deadline = nc.qms_committed_deadline or nc.qms_response_due
            lines.append(
                self._qms_line(
                    nc,
                    " ".join(filter(None, [nc.ref, nc.name])),
                    " - ".join(
                        filter(
                            None,
                            [
                                self._qms_label(nc, "qms_grade"),
                                nc.qms_department_id.name,
                                nc.qms_clause_id.display_name,
                            ],
                        )
                    ),
                    deadline and deadline.strftime("%d/%m/%Y"),
                    status,
                )
            )
        inputs.append(
            self._qms_section_input(
                "c4_nonconformities",
                lines,
                title=self.env._("Nonconformities (audits and others)"),
            )
        )
        return inputs

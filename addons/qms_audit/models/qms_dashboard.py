# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, models


class QmsDashboard(models.AbstractModel):
    """Internal audits on the ISO officer's dashboard: the next audit, late
    ones, and this month's audits and nonconformities to answer."""

    _inherit = "qms.dashboard"

    @api.model
    def _qms_section_iso(self):
        section = super()._qms_section_iso()
        today = self._qms_today()
        upcoming = self.env["qms.audit"].search(
            [
                ("state", "in", ("planned", "program_approved")),
                ("date_start", ">=", today),
            ],
            order="date_start",
            limit=1,
        )
        section["cards"] += [
            {
                "label": self.env._("Next Internal Audit"),
                "value": upcoming.date_start.strftime("%d/%m/%Y") if upcoming else "—",
                "tone": "info" if upcoming else "secondary",
                "help": upcoming.display_name or "",
                "action": self._qms_open_record(upcoming),
            },
            self._qms_card(
                self.env._("Audits Planned"),
                "qms.audit",
                [
                    ("state", "in", ("planned", "program_approved")),
                    ("date_start", ">=", today),
                ],
                tone="info",
            ),
            self._qms_card(
                self.env._("Open Nonconformities"),
                "mgmtsystem.nonconformity",
                [("state", "not in", ("done", "cancel"))],
            ),
        ]
        return section

    @api.model
    def _qms_month_checklist(self, today):
        todo = super()._qms_month_checklist(today)
        month_end = today + relativedelta(day=31)
        audits = [
            ("state", "in", ("planned", "program_approved")),
            ("date_start", "<=", month_end),
        ]
        count = self.env["qms.audit"].search_count(audits)
        if count:
            todo.append(
                self._qms_todo(
                    self.env._(
                        "Prepare or hold %(count)s internal audit(s) planned by the "
                        "end of the month (programme, team, checklist).",
                        count=count,
                    ),
                    self.env._("Audits This Month"),
                    "qms.audit",
                    audits,
                )
            )
        return todo

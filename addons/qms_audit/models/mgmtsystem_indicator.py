# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.addons.qms_public_admin.lib import kpi


class MgmtsystemIndicator(models.Model):
    """Data sources of the audit addon for quality objectives."""

    _inherit = "mgmtsystem.indicator"

    @api.model
    def _qms_data_source_selection(self):
        return super()._qms_data_source_selection() + [
            ("audit_on_time", self.env._("Planned internal audits done on time (%)")),
            (
                "nc_closed_on_time",
                self.env._("Nonconformities closed by their committed deadline (%)"),
            ),
        ]

    def _qms_source_audit_on_time(self, date_from, date_to):
        """Planned audits due in the period whose report was issued in time."""
        lines = (
            self.env["qms.audit.plan.line"]
            .sudo()
            .search(
                self._qms_source_domain(unit_field="department_id")
                + [
                    ("plan_id.state", "in", ("approved", "closed")),
                    ("status", "!=", "cancel"),
                    ("date_due", ">=", date_from),
                    ("date_due", "<=", date_to),
                ]
            )
        )
        return kpi.ratio(len(lines.filtered("on_time")), len(lines))

    def _qms_source_nc_closed_on_time(self, date_from, date_to):
        """Nonconformities whose committed deadline fell in the period: the share
        closed with every action done by that deadline."""
        ncs = (
            self.env["mgmtsystem.nonconformity"]
            .sudo()
            .search(
                self._qms_source_domain(unit_field="qms_department_id")
                + [
                    ("state", "!=", "cancel"),
                    ("qms_committed_deadline", ">=", date_from),
                    ("qms_committed_deadline", "<=", date_to),
                ]
            )
        )
        on_time = ncs.filtered(lambda nc: nc.state == "done" and nc.qms_closed_on_time)
        return kpi.ratio(len(on_time), len(ncs))

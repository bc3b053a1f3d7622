# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsAgencyStatus(models.Model):
    """Internal audits on the agencies dashboard: last audit, audits of the
    plan running late, nonconformities still open."""

    _inherit = "qms.agency.status"
    _depends = {
        "qms.audit": ["company_id", "state", "report_date"],
        "qms.audit.plan.line": ["company_id", "status"],
        "mgmtsystem.nonconformity": ["company_id", "state"],
    }

    late_audit_count = fields.Integer(string="Audits Late", readonly=True)
    open_nc_count = fields.Integer(string="Open Nonconformities", readonly=True)

    def _qms_columns(self):
        columns = super()._qms_columns()
        columns.update(
            {
                "last_audit_date": """(
                    SELECT max(au.report_date) FROM qms_audit au
                    WHERE au.company_id = c.id
                      AND au.state IN ('report_issued', 'closed'))""",
                "late_audit_count": """(
                    SELECT count(*) FROM qms_audit_plan_line pl
                    WHERE pl.company_id = c.id AND pl.status = 'late')""",
                "open_nc_count": """(
                    SELECT count(*) FROM mgmtsystem_nonconformity nc
                    WHERE nc.company_id = c.id
                      AND nc.state IN ('draft', 'analysis', 'pending', 'open'))""",
            }
        )
        return columns

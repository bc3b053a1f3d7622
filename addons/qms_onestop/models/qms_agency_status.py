# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsAgencyStatus(models.Model):
    """One-stop figures on the agencies dashboard (this year)."""

    _inherit = "qms.agency.status"
    _depends = {
        "qms.onestop.dossier": [
            "company_id",
            "state",
            "received_at",
            "completed_at",
            "on_time_pct",
            "due_at",
        ],
    }

    dossier_count = fields.Integer(string="Dossiers This Year", readonly=True)
    dossier_on_time_rate = fields.Float(string="On-time Rate (%)", readonly=True)
    dossier_overdue_count = fields.Integer(string="Dossiers Overdue", readonly=True)

    def _qms_columns(self):
        columns = super()._qms_columns()
        year = "date_trunc('year', now() AT TIME ZONE 'UTC')"
        columns.update(
            {
                "dossier_count": f"""(
                    SELECT count(*) FROM qms_onestop_dossier d
                    WHERE d.company_id = c.id AND d.received_at >= {year})""",
                "dossier_on_time_rate": f"""(
                    SELECT round(avg(d.on_time_pct)::numeric, 2)
                    FROM qms_onestop_dossier d
                    WHERE d.company_id = c.id AND d.completed_at >= {year})""",
                "dossier_overdue_count": """(
                    SELECT count(*) FROM qms_onestop_dossier d
                    WHERE d.company_id = c.id AND d.state = 'in_progress'
                      AND d.due_at < now() AT TIME ZONE 'UTC')""",
            }
        )
        return columns

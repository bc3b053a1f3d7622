# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools

from .res_company import AGENCY_LEVELS


class QmsAgencyStatus(models.Model):
    """Read-only status of each agency's quality system, for the Department of
    Science and Technology's dashboard (and each agency's own line).

    A database view. Extension point: :meth:`_qms_columns` maps each column to its
    SQL expression; the audit addon replaces the last-audit one.
    """

    _name = "qms.agency.status"
    _description = "Agency QMS Status"
    _auto = False
    _order = "company_id"
    # Flush these before reading the view.
    _depends = {
        "res.company": ["qms_parent_agency_id", "qms_agency_level", "active"],
        "qms.announcement": ["state", "date", "dost_reported_on", "procedure_ids"],
        "qms.procedure": [
            "company_id",
            "active",
            "effective_version_id",
            "review_needed",
        ],
        "qms.management.review": ["company_id", "state", "held_date"],
        "mgmtsystem.action": ["company_id", "active", "qms_state", "date_deadline"],
        "qms.dost.report": ["company_id", "state", "year"],
    }

    company_id = fields.Many2one("res.company", string="Agency", readonly=True)
    parent_agency_id = fields.Many2one(
        "res.company", string="Supervising Agency", readonly=True
    )
    agency_level = fields.Selection(
        AGENCY_LEVELS,
        readonly=True,
    )
    announcement_status = fields.Selection(
        [
            ("none", "Not Announced"),
            ("announced", "Announced"),
            ("re_announce", "Scope Changed: Re-announce"),
        ],
        readonly=True,
    )
    announcement_date = fields.Date(string="Announced On", readonly=True)
    dost_reported = fields.Boolean(string="Announcement Reported", readonly=True)
    procedure_count = fields.Integer(string="Procedures in Effect", readonly=True)
    review_needed_count = fields.Integer(string="Procedures to Review", readonly=True)
    last_review_date = fields.Date(string="Last Management Review", readonly=True)
    last_audit_date = fields.Date(string="Last Internal Audit", readonly=True)
    open_action_count = fields.Integer(string="Open Actions", readonly=True)
    overdue_action_count = fields.Integer(string="Overdue Actions", readonly=True)
    last_report_year = fields.Integer(string="Last Annual Report", readonly=True)

    def _qms_columns(self):
        """{column: SQL expression over the agency ``c``}."""
        open_states = "('draft', 'open')"
        return {
            "company_id": "c.id",
            "parent_agency_id": "c.qms_parent_agency_id",
            "agency_level": "c.qms_agency_level",
            "announcement_status": """
                CASE WHEN ann.id IS NULL THEN 'none'
                     WHEN EXISTS (
                        SELECT 1 FROM qms_procedure p
                        WHERE p.company_id = c.id AND p.active
                          AND p.effective_version_id IS NOT NULL
                          AND p.id NOT IN (
                            SELECT r.qms_procedure_id
                            FROM qms_announcement_qms_procedure_rel r
                            WHERE r.qms_announcement_id = ann.id))
                       OR EXISTS (
                        SELECT 1 FROM qms_announcement_qms_procedure_rel r
                        JOIN qms_procedure p ON p.id = r.qms_procedure_id
                        WHERE r.qms_announcement_id = ann.id
                          AND (p.effective_version_id IS NULL OR NOT p.active))
                     THEN 're_announce'
                     ELSE 'announced' END""",
            "announcement_date": "ann.date",
            "dost_reported": "ann.dost_reported_on IS NOT NULL",
            "procedure_count": """(
                SELECT count(*) FROM qms_procedure p
                WHERE p.company_id = c.id AND p.active
                  AND p.effective_version_id IS NOT NULL)""",
            "review_needed_count": """(
                SELECT count(*) FROM qms_procedure p
                WHERE p.company_id = c.id AND p.active AND p.review_needed)""",
            "last_review_date": """(
                SELECT max(r.held_date)::date FROM qms_management_review r
                WHERE r.company_id = c.id
                  AND r.state IN ('held', 'minutes_approved', 'closed'))""",
            "last_audit_date": "NULL::date",
            "open_action_count": f"""(
                SELECT count(*) FROM mgmtsystem_action a
                WHERE a.company_id = c.id AND a.active
                  AND a.qms_state IN {open_states})""",
            "overdue_action_count": f"""(
                SELECT count(*) FROM mgmtsystem_action a
                WHERE a.company_id = c.id AND a.active
                  AND a.qms_state IN {open_states}
                  AND a.date_deadline < CURRENT_DATE)""",
            "last_report_year": """(
                SELECT max(d.year) FROM qms_dost_report d
                WHERE d.company_id = c.id AND d.state = 'submitted')""",
        }

    def init(self):
        columns = ",\n".join(
            f"{expression} AS {name}"
            for name, expression in self._qms_columns().items()
        )
        tools.drop_view_if_exists(self.env.cr, self._table)
        # Columns are this model's own SQL (no user input).
        self.env.cr.execute(  # pylint: disable=sql-injection
            f"""
            CREATE VIEW {self._table} AS (
                SELECT c.id AS id, {columns}
                FROM res_company c
                LEFT JOIN LATERAL (
                    SELECT a.id, a.date, a.dost_reported_on
                    FROM qms_announcement a
                    WHERE a.company_id = c.id AND a.state = 'announced'
                    ORDER BY a.date DESC, a.id DESC LIMIT 1
                ) ann ON TRUE
                WHERE c.active AND c.qms_agency_level IS NOT NULL
            )"""
        )

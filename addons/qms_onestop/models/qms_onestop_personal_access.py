# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class QmsOnestopPersonalAccess(models.Model):
    """Who read an applicant's personal data or files in full, when, on which
    dossier (Law 91/2025/QH15 on personal data protection): one row per user,
    dossier, kind and day, with the first and last moment and a count. Written
    by the system only; read by the agency's data protection officers."""

    _name = "qms.onestop.personal.access"
    _description = "Personal Data Access Log"
    _order = "last_at desc, id desc"
    _log_access = False

    dossier_id = fields.Many2one(
        "qms.onestop.dossier", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        "res.company", string="Agency", required=True, index=True
    )
    user_id = fields.Many2one("res.users", string="Read By", required=True, index=True)
    kind = fields.Selection(
        [("data", "Personal Data"), ("file", "Files")], required=True
    )
    access_day = fields.Date(string="Day", required=True, index=True)
    first_at = fields.Datetime(string="First Read", required=True)
    last_at = fields.Datetime(string="Last Read", required=True)
    count = fields.Integer(string="Reads", required=True, default=1)
    attachment_id = fields.Many2one(
        "ir.attachment", string="Last File", ondelete="set null"
    )

    _sql_constraints = [
        (
            "one_row_a_day",
            "unique(user_id, dossier_id, kind, access_day)",
            "One access row per user, dossier, kind and day.",
        )
    ]

    @api.model
    def _qms_log(self, rows, kind):
        """Record reads, in one statement: ``rows`` are (dossier id, attachment
        id or None)."""
        if not rows or (self.env.su and self.env.uid == 1):
            return
        now = fields.Datetime.now()
        self.env.cr.execute(
            """INSERT INTO qms_onestop_personal_access AS a
                (dossier_id, company_id, user_id, kind, access_day, first_at,
                 last_at, count, attachment_id)
            SELECT d.id, d.company_id, %(uid)s, %(kind)s, %(day)s, %(now)s,
                   %(now)s, 1, r.attachment_id
              FROM unnest(%(dossiers)s::int[], %(files)s::int[])
                   AS r(dossier_id, attachment_id)
              JOIN qms_onestop_dossier d ON d.id = r.dossier_id
            ON CONFLICT (user_id, dossier_id, kind, access_day) DO UPDATE
               SET last_at = EXCLUDED.last_at, count = a.count + 1,
                   attachment_id = COALESCE(EXCLUDED.attachment_id,
                                            a.attachment_id)""",
            {
                "uid": self.env.uid,
                "kind": kind,
                "day": now.date(),
                "now": now,
                # One row per dossier and statement (ON CONFLICT touches a row once).
                "dossiers": list(dict(rows)),
                "files": list(dict(rows).values()),
            },
        )

    @api.model
    def _qms_log_files(self, rows):
        self._qms_log(rows, "file")

    @api.model
    def _qms_log_data(self, dossier_ids):
        self._qms_log([(d, None) for d in dossier_ids], "data")

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools


class QmsCompetenceGap(models.Model):
    """A competence an officer's role requires and no valid training shows
    (never trained, failed, expired, or without the certificate it needs):
    read live from the role holders and the training records."""

    _name = "qms.competence.gap"
    _description = "Competence Gap"
    _auto = False
    _order = "company_id, user_id, role_id"
    # What the view reads: pending writes to these are flushed before a search.
    _depends = {
        "qms.competence.assignment": ["user_id", "company_id", "role_id", "active"],
        "qms.competence.role": ["active", "competence_ids"],
        "qms.competence": ["active", "needs_certificate"],
        "qms.training": [
            "user_id",
            "competence_id",
            "date",
            "passed",
            "certificate_number",
            "date_expiry",
        ],
    }

    user_id = fields.Many2one("res.users", string="Officer", readonly=True)
    company_id = fields.Many2one("res.company", string="Agency", readonly=True)
    role_id = fields.Many2one("qms.competence.role", readonly=True)
    competence_id = fields.Many2one("qms.competence", readonly=True)
    reason = fields.Selection(
        [
            ("missing", "Never trained"),
            ("expired", "Training expired"),
            ("certificate", "Certificate missing"),
            ("failed", "Not passed"),
        ],
        readonly=True,
    )
    last_training_on = fields.Date(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # The SQL is this model's own (no user input).
        self.env.cr.execute(  # pylint: disable=sql-injection
            f"""
            CREATE VIEW {self._table} AS (
                SELECT row_number() OVER (ORDER BY a.id, c.id) AS id,
                       a.user_id, a.company_id, a.role_id,
                       c.id AS competence_id,
                       CASE
                           WHEN t.last_date IS NULL THEN 'missing'
                           WHEN t.passed_count = 0 THEN 'failed'
                           WHEN t.certified_count = 0 THEN 'certificate'
                           ELSE 'expired'
                       END AS reason,
                       t.last_date AS last_training_on
                  FROM qms_competence_assignment a
                  JOIN qms_competence_role r ON r.id = a.role_id AND r.active
                  JOIN qms_competence_role_rel rel ON rel.role_id = r.id
                  JOIN qms_competence c ON c.id = rel.competence_id AND c.active
             LEFT JOIN LATERAL (
                    SELECT max(tr.date) AS last_date,
                           count(*) FILTER (WHERE tr.passed) AS passed_count,
                           count(*) FILTER (
                               WHERE tr.passed AND (
                                   NOT coalesce(c.needs_certificate, false)
                                   OR tr.certificate_number IS NOT NULL
                               )
                           ) AS certified_count,
                           count(*) FILTER (
                               WHERE tr.passed
                                 AND (NOT coalesce(c.needs_certificate, false)
                                      OR tr.certificate_number IS NOT NULL)
                                 AND (tr.date_expiry IS NULL
                                      OR tr.date_expiry >= CURRENT_DATE)
                           ) AS valid_count
                      FROM qms_training tr
                     WHERE tr.user_id = a.user_id
                       AND tr.competence_id = c.id
                 ) t ON true
                 WHERE a.active
                   AND coalesce(t.valid_count, 0) = 0
            )
            """
        )

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools

STANDARD = "TCVN ISO 9001:2015"

# Registers that address a clause by their nature, whatever their links:
# (clause code, SQL selecting company_id of each live entry).
REGISTERS = [
    ("4.1", "SELECT company_id FROM qms_context_issue WHERE active"),
    ("4.2", "SELECT company_id FROM qms_interested_party WHERE active"),
    ("7.2", "SELECT company_id FROM qms_training WHERE passed"),
    ("7.3", "SELECT company_id FROM qms_training WHERE passed AND source = 'quiz'"),
    ("7.4", "SELECT company_id FROM qms_communication WHERE state = 'sent'"),
    (
        "9.2",
        "SELECT company_id FROM qms_audit WHERE state IN ('report_issued', 'closed')",
    ),
    (
        "9.3",
        "SELECT company_id FROM qms_management_review "
        "WHERE state IN ('held', 'minutes_approved', 'closed')",
    ),
    (
        "10.2",
        "SELECT company_id FROM mgmtsystem_action WHERE active "
        "AND qms_origin IN ('audit', 'nonconformity', 'complaint', 'inspection')",
    ),
]


class QmsClauseCoverage(models.Model):
    """For each agency running a quality system and each requirement of the
    standard: what addresses it (documents, procedures in effect, records,
    objectives, risks, registers) and what audits found on it. A requirement
    nothing addresses and the agency did not exclude is a gap. Read live."""

    _name = "qms.clause.coverage"
    _description = "Clause Coverage"
    _auto = False
    _order = "company_id, clause_sequence, clause_code"
    # What the view reads: pending writes to these are flushed before a search.
    _depends = {
        "qms.document": ["company_id", "active", "qms_clause_ids"],
        "qms.procedure": [
            "company_id",
            "active",
            "effective_version_id",
            "qms_clause_ids",
        ],
        "qms.record.type": ["qms_clause_ids"],
        "qms.quality.record": ["company_id", "record_type_id"],
        "mgmtsystem.objective": ["company_id", "state", "qms_clause_ids"],
        "qms.risk": ["company_id", "active", "qms_clause_ids"],
        "qms.context.issue": ["company_id", "active"],
        "qms.interested.party": ["company_id", "active"],
        "qms.training": ["company_id", "passed", "source"],
        "qms.communication": ["company_id", "state"],
        "qms.management.review": ["company_id", "state"],
        "qms.audit": ["company_id", "clause_ids", "state"],
        "mgmtsystem.action": ["company_id", "active", "qms_origin"],
        "qms.audit.finding": ["company_id", "clause_id"],
        "qms.clause.exclusion": ["company_id", "clause_id", "active"],
        "qms.iso.clause": ["code", "standard", "active", "parent_id", "sequence"],
        "mgmtsystem.system": ["company_id"],
    }

    company_id = fields.Many2one("res.company", string="Agency", readonly=True)
    clause_id = fields.Many2one("qms.iso.clause", readonly=True)
    clause_code = fields.Char(readonly=True)
    clause_sequence = fields.Integer(readonly=True)
    parent_clause_id = fields.Many2one(
        "qms.iso.clause", string="Chapter", readonly=True
    )
    document_count = fields.Integer(string="Documents", readonly=True)
    procedure_count = fields.Integer(string="Procedures", readonly=True)
    record_count = fields.Integer(string="Records", readonly=True)
    objective_count = fields.Integer(string="Objectives", readonly=True)
    risk_count = fields.Integer(string="Risks", readonly=True)
    register_count = fields.Integer(string="Register Entries", readonly=True)
    evidence_count = fields.Integer(string="Addressed By", readonly=True)
    audit_count = fields.Integer(string="Audits", readonly=True)
    finding_count = fields.Integer(string="Findings", readonly=True)
    excluded = fields.Boolean(readonly=True)
    uncovered_count = fields.Integer(
        string="Uncovered", readonly=True, help="1 for a gap: chapters sum them."
    )
    state = fields.Selection(
        [("covered", "Covered"), ("gap", "Gap"), ("excluded", "Excluded")],
        readonly=True,
    )
    guidance = fields.Text(related="clause_id.guidance")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        registers = " UNION ALL ".join(
            f"SELECT r.company_id, c.id AS clause_id, 'register' AS kind "
            f"FROM ({sql}) r JOIN qms_iso_clause c "
            f"ON c.code = '{code}' AND c.standard = '{STANDARD}'"
            for code, sql in REGISTERS
        )
        # The SQL is this model's own (constants above, no user input).
        self.env.cr.execute(  # pylint: disable=sql-injection
            f"""
            CREATE VIEW {self._table} AS (
            WITH evidence AS (
                SELECT d.company_id, r.clause_id, 'document' AS kind
                  FROM qms_document_clause_rel r
                  JOIN qms_document d ON d.id = r.document_id AND d.active
                UNION ALL
                SELECT p.company_id, r.clause_id, 'procedure'
                  FROM qms_procedure_clause_rel r
                  JOIN qms_procedure p ON p.id = r.procedure_id
                   AND p.active AND p.effective_version_id IS NOT NULL
                UNION ALL
                SELECT q.company_id, r.clause_id, 'record'
                  FROM qms_record_type_clause_rel r
                  JOIN qms_quality_record q ON q.record_type_id = r.record_type_id
                UNION ALL
                SELECT o.company_id, r.clause_id, 'objective'
                  FROM mgmtsystem_objective_clause_rel r
                  JOIN mgmtsystem_objective o ON o.id = r.objective_id
                   AND o.state != 'cancelled'
                UNION ALL
                SELECT k.company_id, r.clause_id, 'risk'
                  FROM qms_risk_clause_rel r
                  JOIN qms_risk k ON k.id = r.risk_id AND k.active
                UNION ALL
                {registers}
                UNION ALL
                SELECT a.company_id, r.qms_iso_clause_id, 'audit'
                  FROM qms_audit_qms_iso_clause_rel r
                  JOIN qms_audit a ON a.id = r.qms_audit_id
                UNION ALL
                SELECT f.company_id, f.clause_id, 'finding'
                  FROM qms_audit_finding f WHERE f.clause_id IS NOT NULL
            ),
            agencies AS (
                SELECT DISTINCT company_id FROM mgmtsystem_system
                 WHERE company_id IS NOT NULL
            ),
            clauses AS (
                SELECT c.id, c.code, c.sequence, c.parent_id
                  FROM qms_iso_clause c
                 WHERE c.active AND c.standard = '{STANDARD}'
                   AND NOT EXISTS (
                       SELECT 1 FROM qms_iso_clause ch
                        WHERE ch.parent_id = c.id AND ch.active
                   )
            ),
            counts AS (
                SELECT e.company_id, e.clause_id,
                       count(*) FILTER (WHERE kind = 'document') AS documents,
                       count(*) FILTER (WHERE kind = 'procedure') AS procedures,
                       count(*) FILTER (WHERE kind = 'record') AS records,
                       count(*) FILTER (WHERE kind = 'objective') AS objectives,
                       count(*) FILTER (WHERE kind = 'risk') AS risks,
                       count(*) FILTER (WHERE kind = 'register') AS registers,
                       count(*) FILTER (WHERE kind = 'audit') AS audits,
                       count(*) FILTER (WHERE kind = 'finding') AS findings
                  FROM evidence e
                 GROUP BY e.company_id, e.clause_id
            )
            SELECT a.company_id * 100000 + c.id AS id,
                   a.company_id, c.id AS clause_id, c.code AS clause_code,
                   c.sequence AS clause_sequence, c.parent_id AS parent_clause_id,
                   coalesce(n.documents, 0) AS document_count,
                   coalesce(n.procedures, 0) AS procedure_count,
                   coalesce(n.records, 0) AS record_count,
                   coalesce(n.objectives, 0) AS objective_count,
                   coalesce(n.risks, 0) AS risk_count,
                   coalesce(n.registers, 0) AS register_count,
                   coalesce(n.documents + n.procedures + n.records + n.objectives
                            + n.risks + n.registers, 0) AS evidence_count,
                   coalesce(n.audits, 0) AS audit_count,
                   coalesce(n.findings, 0) AS finding_count,
                   x.id IS NOT NULL AS excluded,
                   CASE
                       WHEN x.id IS NULL
                        AND coalesce(n.documents + n.procedures + n.records
                                     + n.objectives + n.risks + n.registers, 0) = 0
                           THEN 1
                       ELSE 0
                   END AS uncovered_count,
                   CASE
                       WHEN x.id IS NOT NULL THEN 'excluded'
                       WHEN coalesce(n.documents + n.procedures + n.records
                                     + n.objectives + n.risks + n.registers, 0) > 0
                           THEN 'covered'
                       ELSE 'gap'
                   END AS state
              FROM agencies a
              CROSS JOIN clauses c
              LEFT JOIN counts n
                ON n.company_id = a.company_id AND n.clause_id = c.id
              LEFT JOIN qms_clause_exclusion x
                ON x.company_id = a.company_id AND x.clause_id = c.id AND x.active
            )
            """
        )

    def _qms_open(self, model, domain, name):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "list,form",
            "domain": domain,
        }

    def action_open_documents(self):
        self.ensure_one()
        return self._qms_open(
            "qms.document",
            [
                ("company_id", "=", self.company_id.id),
                ("qms_clause_ids", "in", self.clause_id.ids),
            ],
            self.clause_id.display_name,
        )

    def action_open_procedures(self):
        self.ensure_one()
        return self._qms_open(
            "qms.procedure",
            [
                ("company_id", "=", self.company_id.id),
                ("qms_clause_ids", "in", self.clause_id.ids),
            ],
            self.clause_id.display_name,
        )

    def action_open_findings(self):
        self.ensure_one()
        return self._qms_open(
            "qms.audit.finding",
            [
                ("company_id", "=", self.company_id.id),
                ("clause_id", "=", self.clause_id.id),
            ],
            self.clause_id.display_name,
        )

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import TransactionCase

from .common import AuditCase


class TestClauseCoverage(AuditCase):
    """The coverage matrix: each requirement of TCVN ISO 9001:2015 per agency,
    what addresses it, what audits found, and the gaps."""

    def _matrix(self, agency, user=None):
        Coverage = self.env["qms.clause.coverage"].with_user(user or self.iso_a)
        Coverage.invalidate_model()
        return {
            row.clause_id.code: row
            for row in Coverage.search([("company_id", "=", agency.id)])
        }

    def _clause(self, code):
        return self.env.ref(f"qms_audit.clause_{code.replace('.', '_')}")

    def test_matrix_shows_gaps_until_something_addresses_the_clause(self):
        leaves = self.env["qms.iso.clause"].search(
            [("child_ids", "=", False), ("standard", "=", "TCVN ISO 9001:2015")]
        )
        self.assertEqual(len(leaves), 28, "clauses 4.1 to 10.3")
        matrix = self._matrix(self.agency_a)
        self.assertEqual(len(matrix), 28)
        self.assertEqual({r.state for r in matrix.values()}, {"gap"})
        self.assertTrue(self._clause("8.3").excludable)
        self.assertIn("exclude", self._clause("8.3").guidance)

        # A document on control of documents (7.5), an objective (6.2), a risk
        # (6.1), the register (4.1), an exclusion (8.3).
        document = self.env["qms.document"].create(
            {
                "name": "Sổ tay chất lượng",
                "code": "STCL",
                "type_id": self.env.ref("qms_public_admin.document_type_manual").id,
                "company_id": self.agency_a.id,
                "qms_clause_ids": [(6, 0, self._clause("7.5").ids)],
            }
        )
        self.env["mgmtsystem.objective"].create(
            {
                "name": "95 % hồ sơ trả đúng hạn",
                "company_id": self.agency_a.id,
                "year": 2026,
                "qms_clause_ids": [(6, 0, self._clause("6.2").ids)],
            }
        )
        self.env["qms.risk"].create(
            {
                "name": "Thất lạc hồ sơ",
                "company_id": self.agency_a.id,
                "likelihood_id": self.env.ref("qms_public_admin.risk_likelihood_3").id,
                "impact_id": self.env.ref("qms_public_admin.risk_impact_4").id,
                "qms_clause_ids": [(6, 0, self._clause("6.1").ids)],
            }
        )
        self.env["qms.context.issue"].create(
            {"name": "Chuyển đổi số", "company_id": self.agency_a.id}
        )
        self.env["qms.clause.exclusion"].with_user(self.iso_a).create(
            {
                "clause_id": self._clause("8.3").id,
                "justification": "UBND xã thực hiện TTHC do pháp luật quy định, "
                "không thiết kế dịch vụ mới.",
            }
        )
        # A procedure not yet in effect does not count.
        self.procedure_a.qms_clause_ids = self._clause("8.5")
        matrix = self._matrix(self.agency_a)
        self.assertEqual(matrix["7.5"].document_count, 1)
        self.assertEqual(matrix["7.5"].state, "covered")
        self.assertEqual(matrix["6.2"].objective_count, 1)
        self.assertEqual(matrix["6.1"].risk_count, 1)
        self.assertEqual(
            (matrix["4.1"].register_count, matrix["4.1"].state), (1, "covered")
        )
        self.assertEqual(matrix["8.3"].state, "excluded")
        self.assertEqual(
            (matrix["8.5"].procedure_count, matrix["8.5"].state), (0, "gap")
        )
        self.assertEqual(
            [matrix[c].uncovered_count for c in ("8.5", "7.5", "8.3")], [1, 0, 0]
        )
        states = [r.state for r in matrix.values()]
        self.assertEqual(
            (states.count("covered"), states.count("excluded"), states.count("gap")),
            (4, 1, 23),
        )
        # An audit finding on 8.5 is counted, yet does not address the clause.
        audit = self._audit_in_progress()
        self._finding(audit)
        matrix = self._matrix(self.agency_a)
        self.assertEqual(
            (matrix["8.5"].audit_count, matrix["8.5"].finding_count), (1, 1)
        )
        self.assertEqual(matrix["8.5"].state, "gap")
        action = matrix["8.5"].action_open_findings()
        self.assertEqual(
            self.env["qms.audit.finding"].search_count(action["domain"]), 1
        )
        # Archiving the document reopens the gap.
        document.active = False
        self.assertEqual(self._matrix(self.agency_a)["7.5"].state, "gap")
        # Agency B is untouched, and its officer does not see A's rows.
        self.assertEqual(
            {r.state for r in self._matrix(self.agency_b, self.iso_b).values()},
            {"gap"},
        )
        self.assertFalse(self._matrix(self.agency_a, self.iso_b))
        with self.assertRaises(AccessError):
            matrix["7.5"].with_user(self.iso_b).read(["state"])

    def test_only_excludable_clauses_are_excluded(self):
        with self.assertRaisesRegex(ValidationError, "cannot be excluded"):
            self.env["qms.clause.exclusion"].with_user(self.iso_a).create(
                {
                    "clause_id": self._clause("8.5").id,
                    "justification": "Không áp dụng",
                }
            )


class TestDemoCoverage(TransactionCase):
    def test_department_of_justice_matrix(self):
        """The demo's Department of Justice: 8.3 excluded with its reason, the
        clauses its documents, procedures and registers address covered, the
        rest listed as gaps."""
        justice = self.env.ref("qms_public_admin.agency_dept_justice")
        rows = self.env["qms.clause.coverage"].search([("company_id", "=", justice.id)])
        by_code = {row.clause_id.code: row for row in rows}
        self.assertEqual(by_code["8.3"].state, "excluded")
        for code in ("4.1", "4.2", "5.2", "6.1", "6.2", "7.2", "7.5", "8.5", "9.3"):
            self.assertEqual(by_code[code].state, "covered", code)
        self.assertIn("gap", rows.mapped("state"))

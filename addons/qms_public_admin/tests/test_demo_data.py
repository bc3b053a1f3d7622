# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoCatalogue(TransactionCase):
    """The demo ward and department each run at least ten real procedures."""

    def setUp(self):
        super().setUp()
        if not self.env.ref("qms_public_admin.tthc_birth", raise_if_not_found=False):
            self.skipTest("installed without demo data")

    def _effective(self, agency_xmlid):
        agency = self.env.ref(agency_xmlid)
        return self.env["qms.procedure"].search(
            [
                ("company_id", "=", agency.id),
                ("effective_version_id", "!=", False),
                ("kind", "=", "operational"),
            ]
        )

    def test_ten_procedures_with_effective_versions(self):
        for xmlid in (
            "qms_public_admin.agency_commune_hac_thanh",
            "qms_public_admin.agency_dept_justice",
        ):
            procedures = self._effective(xmlid)
            self.assertGreaterEqual(len(procedures.tthc_id), 10, xmlid)
            for version in procedures.effective_version_id:
                self.assertTrue(version.step_ids, version.display_name)
                self.assertTrue(version.tthc_case_id.tthc_id.legal_basis_ids)
                # Approved through tier validation by the quality representative.
                self.assertEqual(version.validation_status, "validated")
                self.assertTrue(
                    version.approved_by_id.has_group("qms_public_admin.group_qms_qmr")
                )
                # Steps add up within the legal deadline.
                self.assertLessEqual(version.total_hours, version.legal_hours + 1e-6)
                self.assertGreater(version.total_hours, 0)

    def test_a_year_of_the_quality_system(self):
        """Sở Tư pháp's 2026: register, roles and gaps, plan, inspections with
        their fixes, messages, and the template its ward adopted."""
        ref = self.env.ref
        justice = ref("qms_public_admin.agency_dept_justice")
        self.assertEqual(
            self.env["qms.context.issue"].search_count(
                [("company_id", "=", justice.id)]
            ),
            6,
        )
        gaps = self.env["qms.competence.gap"].search([("company_id", "=", justice.id)])
        self.assertEqual(
            sorted(gaps.mapped(lambda g: (g.user_id.login, g.reason))),
            [("long.giamdoc", "missing"), ("thanh.qmr", "expired")],
        )
        plan = ref("qms_public_admin.plan_justice_2026")
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.approved_by_id, ref("qms_public_admin.user_qmr"))
        for xmlid, fixes in (
            ("qms_public_admin.inspection_justice_self", 1),
            ("qms_public_admin.inspection_justice_dost", 2),
        ):
            inspection = ref(xmlid)
            self.assertEqual(
                (inspection.state, inspection.action_count), ("done", fixes)
            )
            self.assertEqual(
                set(inspection.line_ids.action_id.mapped("qms_origin")), {"inspection"}
            )
        sent = self.env["qms.communication"].search(
            [("company_id", "=", justice.id), ("state", "=", "sent")]
        )
        self.assertEqual(len(sent), 3)
        self.assertTrue(all(sent.mapped("recipient_count")))
        variant = ref("qms_public_admin.procedure_hac_thanh_documents")
        self.assertEqual(
            variant.template_id, ref("qms_public_admin.procedure_template_documents")
        )
        self.assertTrue(variant.review_needed, "the template's version 2 flagged it")
        self.assertEqual(
            variant.template_version_id,
            ref("qms_public_admin.procedure_template_documents_v1"),
        )
        self.assertTrue(
            ref("qms_public_admin.procedure_birth_v2").forms_differ,
            "the ward's own book is not an official form",
        )

    def test_real_deadlines(self):
        ref = self.env.ref
        birth = ref("qms_public_admin.tthc_birth")
        self.assertEqual(birth.code, "1.001193")
        self.assertTrue(birth.is_same_day)
        self.assertEqual(ref("qms_public_admin.tthc_hkd").legal_deadline, 3)
        nationality = ref("qms_public_admin.tthc_nationality")
        self.assertEqual(nationality.case_ids.mapped("legal_deadline"), [20.0, 55.0])
        # Each case of a multi-case procedure has its own ISO procedure.
        self.assertEqual(
            len(self.env["qms.procedure"].search([("tthc_id", "=", nationality.id)])),
            2,
        )

    def test_superseded_history_and_pending_review(self):
        v1 = self.env.ref("qms_public_admin.procedure_birth_v1")
        v2 = self.env.ref("qms_public_admin.procedure_birth_v2")
        self.assertEqual(v1.state, "superseded")
        self.assertEqual(v2.state, "effective")
        self.assertEqual(v2.procedure_id.effective_version_id, v2)
        self.assertIn("4.5 → 5.0", v2.changes_html)
        pending = self.env.ref("qms_public_admin.procedure_lawfirm_representative_v1")
        self.assertEqual(pending.state, "to_review")
        self.assertEqual(pending.validation_status, "pending")

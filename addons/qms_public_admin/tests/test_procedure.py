# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user
from odoo.tools import mute_logger

from .common import QmsCase


class TestProcedure(QmsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.qmr_a = new_test_user(
            cls.env,
            login="qmr_a",
            groups="base.group_user,qms_public_admin.group_qms_qmr",
            company_id=cls.agency_a.id,
            company_ids=[(6, 0, cls.agency_a.ids)],
        )
        cls.iso_b = new_test_user(
            cls.env,
            login="iso_b",
            groups="base.group_user,qms_public_admin.group_qms_iso_officer",
            company_id=cls.agency_b.id,
            company_ids=[(6, 0, cls.agency_b.ids)],
        )
        Unit = cls.env["hr.department"]
        cls.desk = Unit.create(
            {"name": "Bộ phận Một cửa", "company_id": cls.agency_a.id}
        )
        cls.justice = Unit.create(
            {"name": "Tư pháp - Hộ tịch", "company_id": cls.agency_a.id}
        )
        cls.leaders = Unit.create(
            {"name": "Lãnh đạo UBND", "company_id": cls.agency_a.id}
        )
        cls.law = cls.env["qms.legal.document"].create(
            {"name": "960/2014/QH13", "title": "Luật Hộ tịch", "doc_type": "law"}
        )
        cls.decree = cls.env["qms.legal.document"].create(
            {
                "name": "923/2015/NĐ-CP",
                "title": "Nghị định Hộ tịch",
                "doc_type": "decree",
            }
        )
        cls.tthc = cls.env["qms.tthc"].create(
            {
                "code": "9.888001",
                "name": "Đăng ký nhận cha, mẹ, con",
                "legal_deadline": 3,
                "legal_basis_ids": [(6, 0, cls.law.ids)],
            }
        )
        cls.procedure = (
            cls.env["qms.procedure"]
            .with_user(cls.iso_a)
            .create(
                {
                    "code": "QT-HT-09",
                    "name": "Quy trình đăng ký nhận cha, mẹ, con",
                    "company_id": cls.agency_a.id,
                    "tthc_case_id": cls.tthc.case_ids.id,
                }
            )
        )

    def _draft(self, procedure=None, steps=None):
        procedure = procedure or self.procedure
        action = procedure.with_user(self.iso_a).action_new_draft()
        version = self.env["qms.procedure.version"].browse(action["res_id"])
        steps = steps or [
            ("Tiếp nhận hồ sơ", self.desk, 4, "hour"),
            ("Thẩm định hồ sơ", self.justice, 1, "day"),
            ("Ký duyệt", self.leaders, 1, "day"),
            ("Trả kết quả", self.desk, 4, "hour"),
        ]
        version.with_user(self.iso_a).write(
            {
                "purpose": "<p>Quy định trình tự đăng ký nhận cha, mẹ, con.</p>",
                "legal_basis_ids": [(6, 0, (self.law | self.decree).ids)],
                "step_ids": [
                    (
                        0,
                        0,
                        {
                            "sequence": i,
                            "name": name,
                            "unit_id": unit.id,
                            "duration": duration,
                            "duration_uom": uom,
                        },
                    )
                    for i, (name, unit, duration, uom) in enumerate(steps)
                ],
            }
        )
        return version

    def _approve(self, version):
        version.with_user(self.iso_a).action_submit_review()
        version.with_user(self.qmr_a).validate_tier()
        version.with_user(self.iso_a).action_approve()
        version.with_user(self.qmr_a).action_make_effective()

    def test_lifecycle_with_tier_validation(self):
        version = self._draft()
        version.change_summary = "Ban hành lần đầu."
        self.assertEqual(version.version, 1)
        self.assertEqual(version.total_hours, 24)  # 4 h + 8 h + 8 h + 4 h
        self.assertEqual(version.legal_hours, 24)
        version.with_user(self.iso_a).action_submit_review()
        self.assertEqual(version.state, "to_review")
        self.assertTrue(version.review_ids, "the QMR tier was requested")
        # Nobody approves before the quality representative validates, and
        # the form offers the ISO officer no Approve button meanwhile.
        with self.assertRaises(ValidationError):
            version.with_user(self.iso_a).action_approve()
        self.assertFalse(version.with_user(self.iso_a).qms_can_approve_directly)
        self.assertEqual(version.validation_status, "pending")
        version.with_user(self.qmr_a).validate_tier()
        version.with_user(self.iso_a).action_approve()
        self.assertEqual(version.state, "approved")
        self.assertEqual(version.approved_by_id, self.qmr_a)
        self.assertTrue(version.approved_on)
        version.with_user(self.qmr_a).action_make_effective()
        self.assertEqual(self.procedure.effective_version_id, version)
        self.assertEqual(version.effective_date, version._qms_today())

        # A new version copies the effective one; putting it into effect supersedes.
        action = version.with_user(self.iso_a).action_new_version()
        v2 = self.env["qms.procedure.version"].browse(action["res_id"])
        self.assertEqual(
            (v2.version, v2.state, v2.previous_version_id), (2, "draft", version)
        )
        self.assertEqual(len(v2.step_ids), 4)
        # It says what it changes itself: the first version's note stays there.
        self.assertTrue(version.change_summary)
        self.assertFalse(v2.change_summary)
        v2.step_ids.filtered(lambda s: s.name == "Thẩm định hồ sơ").with_user(
            self.iso_a
        ).duration = 0.5
        self.assertIn("Thẩm định hồ sơ", v2.changes_html)
        self._approve(v2)
        self.assertEqual(version.state, "superseded")
        self.assertEqual(self.procedure.effective_version_id, v2)
        self.assertEqual(
            len(self.procedure.version_ids.filtered(lambda v: v.state == "effective")),
            1,
        )

    def test_effective_versions_are_immutable(self):
        version = self._draft()
        self._approve(version)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            version.with_user(self.iso_a).write({"purpose": "<p>Sửa</p>"})
        with self.assertRaises(UserError):
            version.step_ids[0].with_user(self.iso_a).write({"duration": 1})
        with self.assertRaises(UserError):
            version.step_ids[0].with_user(self.iso_a).unlink()
        with self.assertRaises(UserError):
            version.with_user(self.qmr_a).unlink()
        with self.assertRaises(UserError):
            self.procedure.with_user(self.qmr_a).unlink()
        with self.assertRaises(UserError):
            version.with_user(self.qmr_a).write({"state": "draft"})
        with self.assertRaises(UserError):
            version.with_user(self.iso_a).action_new_version()
            version.with_user(self.iso_a).action_new_version()

    def test_step_times_cannot_exceed_the_legal_deadline(self):
        with self.assertRaisesRegex(ValidationError, "25 working hours.*24 working"):
            self._draft(
                steps=[
                    ("Tiếp nhận", self.desk, 1, "hour"),
                    ("Thẩm định", self.justice, 3, "day"),
                ]
            )

    def test_bad_steps(self):
        version = self._draft(steps=[("Tiếp nhận", self.desk, 4, "hour")])
        with self.assertRaisesRegex(ValidationError, "more than zero"):
            version.write(
                {
                    "step_ids": [
                        (0, 0, {"name": "Sai", "unit_id": self.desk.id, "duration": 0})
                    ]
                }
            )
        with self.assertRaisesRegex(ValidationError, "no performer"):
            version.write({"step_ids": [(0, 0, {"name": "Không ai", "duration": 1})]})
        empty = self.env["qms.procedure"].create(
            {
                "code": "QT-X",
                "name": "Trống",
                "company_id": self.agency_a.id,
                "kind": "system",
            }
        )
        draft = self.env["qms.procedure.version"].browse(
            empty.action_new_draft()["res_id"]
        )
        with self.assertRaisesRegex(UserError, "no step"):
            draft.action_submit_review()

    def test_codes_are_unique_per_agency(self):
        self.env["qms.procedure"].create(
            {
                "code": "QT-HT-09",
                "name": "Cùng mã, xã B",
                "company_id": self.agency_b.id,
            }
        )
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["qms.procedure"].create(
                {"code": "QT-HT-09", "name": "Trùng", "company_id": self.agency_a.id}
            )

    def test_agencies_do_not_see_each_other(self):
        self.assertFalse(
            self.env["qms.procedure"]
            .with_user(self.iso_b)
            .search([("id", "=", self.procedure.id)])
        )
        with self.assertRaises(AccessError):
            self.procedure.with_user(self.iso_b).read(["name"])
        seen = (
            self.env["qms.procedure"]
            .with_user(self.inspector)
            .search([("id", "=", self.procedure.id)])
        )
        self.assertEqual(seen, self.procedure)
        with self.assertRaises(AccessError):
            self.procedure.with_user(self.inspector).write({"name": "x"})

    def test_legal_change_flags_and_clears(self):
        version = self._draft()
        self._approve(version)
        self.assertFalse(self.procedure.review_needed)
        # A new decree amends the one cited by the effective version.
        self.env["qms.legal.document"].create(
            {
                "name": "87/2020/NĐ-CP",
                "title": "Sửa đổi Nghị định Hộ tịch",
                "doc_type": "decree",
                "amends_ids": [(6, 0, self.decree.ids)],
            }
        )
        self.assertEqual(self.decree.state, "partly_amended")
        self.assertTrue(self.procedure.review_needed)
        self.assertIn("923/2015/NĐ-CP", self.procedure.review_reason)
        activity = self.procedure.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("qms_public_admin.mail_activity_legal_review")
            )
        )
        self.assertEqual(activity.user_id, self.iso_a)
        self.assertEqual(
            activity.date_deadline,
            self.procedure._qms_today() + timedelta(days=30),
        )
        self.assertIn(
            self.procedure,
            self.env["qms.procedure"].search([("review_needed", "=", True)]),
        )
        # The officer records that no change is needed.
        wizard = (
            self.env["qms.legal.review.close"]
            .with_user(self.iso_a)
            .create(
                {
                    "res_model": "qms.procedure",
                    "res_ids": str(self.procedure.id),
                    "note": "Sửa đổi không ảnh hưởng đến quy trình.",
                }
            )
        )
        wizard.action_confirm()
        self.assertFalse(self.procedure.review_needed)
        self.assertFalse(self.procedure.activity_ids)
        # Replacing the law flags it again; a new effective version clears it.
        self.env["qms.legal.document"].create(
            {
                "name": "99/2026/QH15",
                "title": "Luật Hộ tịch (sửa đổi)",
                "doc_type": "law",
                "replaces_ids": [(6, 0, self.law.ids)],
            }
        )
        self.assertEqual(self.law.state, "replaced")
        self.assertTrue(self.procedure.review_needed)
        v2 = self.env["qms.procedure.version"].browse(
            version.with_user(self.iso_a).action_new_version()["res_id"]
        )
        self._approve(v2)
        self.assertFalse(self.procedure.review_needed)

    def test_draft_procedures_are_flagged_too(self):
        self._draft()  # never approved: only a draft cites the decree
        self.decree.state = "replaced"
        self.assertTrue(self.procedure.review_needed)

    def test_expiry_cron_flags(self):
        version = self._draft()
        self._approve(version)
        self.decree.date_expiry = date.today() - timedelta(days=1)
        self.env["qms.legal.document"]._cron_expire_documents()
        self.assertEqual(self.decree.state, "expired")
        self.assertTrue(self.procedure.review_needed)
        self.assertEqual(self.procedure.review_waiting_days, 0)

    def test_flowchart_and_pdf(self):
        version = self._draft()
        self.assertIn("<svg", version.flowchart_svg)
        self.assertIn("Tư pháp - Hộ tịch", version.flowchart_svg)
        self._approve(version)
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "qms_public_admin.action_report_qms_procedure", version.ids
            )
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "qms_public_admin.action_report_qms_procedure", version.ids
            )[0]
            .decode()
        )
        self.assertIn("QT-HT-09", html)
        self.assertIn("Thẩm định hồ sơ", html)
        self.assertIn(self.qmr_a.name, html)

    def test_dashboards_show_what_waits_for_each_role(self):
        """The quality representative lands on what waits for her approval;
        the ISO officer on the state of the system; the DOST inspector on the
        agencies."""
        Dashboard = self.env["qms.dashboard"]
        version = self._draft()
        version.with_user(self.iso_a).action_submit_review()

        def sections(user):
            data = Dashboard.with_user(user).with_company(user.company_id)
            return {s["key"]: s for s in data.qms_dashboard_data(app="iso")["sections"]}

        qmr = self.env["qms.dashboard"].with_user(self.qmr_a).qms_dashboard_data()
        self.assertEqual(qmr["sections"][0]["key"], "approvals")
        rows = qmr["sections"][0]["tables"][0]["rows"]
        self.assertEqual(rows[0]["cells"][0], version.display_name)
        self.assertEqual(rows[0]["action"]["res_id"], version.id)
        iso = sections(self.iso_a)
        self.assertNotIn("approvals", iso)
        cards = {c["label"]: c for c in iso["iso"]["cards"]}
        preparing = cards["Procedure Versions in Preparation"]
        self.assertEqual(
            preparing["value"],
            self.env["qms.procedure.version"]
            .with_user(self.iso_a)
            .search_count(preparing["action"]["domain"]),
        )
        self.assertGreaterEqual(preparing["value"], 1)
        version.with_user(self.qmr_a).validate_tier()
        self.assertNotIn("approvals", sections(self.qmr_a))
        self.assertIn("dost", sections(self.inspector))
        self.assertNotIn("iso", sections(self.inspector))

    def test_printed_procedure_says_things_once_and_in_the_law_s_unit(self):
        version = self._draft()
        version.references = (
            f"<ul><li>{self.law.display_name}</li><li>  {self.decree.display_name}"
            "</li><li>TCVN ISO 9001:2015</li></ul>"
        )
        # The legal bases are printed from their list: only the rest is added.
        self.assertEqual(version._qms_other_references(), ["TCVN ISO 9001:2015"])
        legal, steps = version._qms_deadline_texts()
        case = version.tthc_case_id
        self.assertEqual(case.deadline_uom, "day")
        self.assertTrue(legal.startswith(f"{case.legal_deadline:g} "), legal)
        self.assertTrue(steps.startswith("3 "), steps)  # 4 h + 1 d + 1 d + 4 h
        pdf, _kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "qms_public_admin.action_report_qms_procedure", version.ids
            )
        )
        self.assertTrue(pdf.startswith(b"%PDF"))

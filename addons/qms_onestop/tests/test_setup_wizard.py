# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSetupWizard(TransactionCase):
    """From an empty agency to its first received dossier through the set-up
    wizard: the path a non-developer administrator follows."""

    def _wizard(self, **values):
        # As the administrator in the web client (not the superuser): record
        # rules apply, and only the administrator's own agency is active.
        admin = self.env.ref("base.user_admin")
        wizard = self.env["qms.setup.wizard"].with_user(admin)
        with Form(
            wizard.with_context(allowed_company_ids=admin.company_id.ids)
        ) as form:
            form.name = values.get("name", "UBND xã Đông Tiến")
            form.agency_level = "commune"
            form.agency_code = values.get("code", "000.09.30.H56")
            form.unit_names = (
                "Bộ phận Một cửa\nCông chức Tư pháp - Hộ tịch\nLãnh đạo UBND xã"
            )
            for name, login, role in values.get(
                "users",
                [
                    ("Trần Thị Hoa", "hoa.qmr.dt", "qmr"),
                    ("Lê Văn Nam", "nam.iso.dt", "iso_officer"),
                    ("Phạm Thu Hà", "ha.motcua.dt", "desk"),
                    ("Đỗ Minh Tuấn", "tuan.hotich.dt", "processor"),
                    ("Nguyễn Văn Bình", "binh.chutich.dt", "approver"),
                ],
            ):
                with form.user_ids.new() as line:
                    line.name = name
                    line.login = login
                    line.role = role
        return form.record

    def test_from_nothing_to_the_first_dossier(self):
        wizard = self._wizard()
        commune_tthc = self.env["qms.tthc"].search([("level_ids.code", "=", "commune")])
        self.assertTrue(commune_tthc, "the demo catalogue has commune procedures")
        self.assertEqual(wizard.tthc_count, len(commune_tthc))
        action = wizard.action_set_up()
        agency = self.env["res.company"].browse(action["res_id"])
        self.assertEqual(agency.name, "UBND xã Đông Tiến")
        self.assertEqual(agency.qms_agency_level, "commune")
        self.assertEqual(agency.qms_agency_code, "000.09.30.H56")
        units = self.env["hr.department"].search([("company_id", "=", agency.id)])
        self.assertEqual(
            set(units.mapped("name")),
            {"Bộ phận Một cửa", "Công chức Tư pháp - Hộ tịch", "Lãnh đạo UBND xã"},
        )
        users = {
            u.login: u for u in self.env["res.users"].search([("login", "like", ".dt")])
        }
        self.assertTrue(users["hoa.qmr.dt"].has_group("qms_public_admin.group_qms_qmr"))
        self.assertTrue(
            users["ha.motcua.dt"].has_group("qms_onestop.group_onestop_desk")
        )
        self.assertTrue(
            users["binh.chutich.dt"].has_group("qms_onestop.group_onestop_approver")
        )
        self.assertEqual(users["ha.motcua.dt"].company_id, agency)
        # Each lands on the dashboard of its role, not on an empty inbox.
        self.assertEqual(
            users["ha.motcua.dt"].action_id.id,
            self.env.ref("qms_onestop.action_onestop_dashboard").id,
        )
        self.assertEqual(
            users["nam.iso.dt"].action_id.id,
            self.env.ref("qms_public_admin.action_qms_dashboard").id,
        )
        # The catalogue of its level, starter documents, a procedure per TTHC.
        self.assertEqual(
            commune_tthc, commune_tthc.filtered(lambda t: agency in t.company_ids)
        )
        documents = self.env["qms.document"].search([("company_id", "=", agency.id)])
        self.assertEqual(sorted(documents.mapped("code")), ["CS-01", "MT-01", "ST-01"])
        versions = self.env["qms.procedure.version"].search(
            [("company_id", "=", agency.id)]
        )
        self.assertEqual(len(versions), len(commune_tthc.filtered("case_ids")))
        self.assertEqual(set(versions.mapped("state")), {"to_review"})
        for version in versions:
            self.assertEqual(len(version.step_ids), 4)
            self.assertLessEqual(version.total_hours, version.legal_hours + 1e-6)
            self.assertEqual(version.step_ids[0].unit_id.name, "Bộ phận Một cửa")
            self.assertEqual(version.step_ids[2].unit_id.name, "Lãnh đạo UBND xã")
        # The quality representative approves one; the desk receives a dossier.
        qmr = users["hoa.qmr.dt"]
        version = versions.sorted(lambda v: v.procedure_id.code)[0]
        as_qmr = version.with_user(qmr).with_company(agency)
        self.assertIn(qmr, version.review_ids.reviewer_ids)
        as_qmr.validate_tier()
        as_qmr.action_approve()
        as_qmr.action_make_effective()
        self.assertEqual(version.state, "effective")
        desk = users["ha.motcua.dt"]
        dossier = (
            self.env["qms.onestop.dossier"]
            .with_user(desk)
            .with_company(agency)
            .create(
                {
                    "tthc_id": version.procedure_id.tthc_id.id,
                    "tthc_case_id": version.tthc_case_id.id,
                    "applicant_name": "Hoàng Văn Lợi",
                    "applicant_id_number": "038095004321",
                    "company_id": agency.id,
                    "receiving_company_id": agency.id,
                }
            )
        )
        dossier.component_ids.filtered(lambda c: c.requirement == "mandatory").write(
            {"provided": True}
        )
        dossier.action_receive()
        self.assertEqual(dossier.state, "in_progress")
        self.assertTrue(dossier.name.startswith("000.09.30.H56-"))
        self.assertEqual(dossier.current_line_id.unit_id.name, "Bộ phận Một cửa")

    def test_bad_input_is_refused_and_nothing_is_written(self):
        companies = self.env["res.company"].search_count([])
        taken = self._wizard(users=[("Ai Đó", "admin", "qmr")])
        with self.assertRaises(ValidationError):
            taken.action_set_up()
        twice = self._wizard(users=[("A", "same.dt", "qmr"), ("B", "same.dt", "desk")])
        with self.assertRaises(ValidationError):
            twice.action_set_up()
        code = self.env["res.company"].search(
            [("qms_agency_code", "!=", False)], limit=1
        )
        same_code = self._wizard(code=code.qms_agency_code)
        with self.assertRaises(ValidationError):
            same_code.action_set_up()
        no_qmr = self._wizard(users=[("Phạm Thu Hà", "ha2.dt", "desk")])
        with self.assertRaises(ValidationError):
            no_qmr.action_set_up()
        self.assertEqual(self.env["res.company"].search_count([]), companies)
        officer = self.env["res.users"].search([("login", "=", "huong.iso")], limit=1)
        wizard = self._wizard(users=[("Trần Thị Hoa", "hoa3.dt", "qmr")])
        with self.assertRaises(UserError):
            wizard.with_user(officer).action_set_up()

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.qms_public_admin.tests.tour_case import QmsTourCase
from odoo.tests import tagged

DOSSIERS = "/odoo/action-qms_onestop.action_qms_onestop_dossier"


@tagged("post_install", "-at_install")
class TestOnestopTours(QmsTourCase):
    def test_desk_to_leader(self):
        """A birth registration at phường Hạc Thành, in Chromium: the desk
        officer receives it with the applicant's data typed in and hands it
        off; the processing officer asks for a supplement (the clock stops);
        the leader approves a notice drafted on it."""
        Dossier = self.env["qms.onestop.dossier"]
        self.run_tour("qms_onestop_receive_dossier", "trang.motcua", DOSSIERS)
        dossier = Dossier.search([("applicant_name", "=", "Nguyễn Thị Mai")])
        self.assertEqual(len(dossier), 1)
        self.assertEqual(dossier.state, "in_progress")
        self.assertEqual(dossier.applicant_id_number, "038190012345")
        self.assertEqual(dossier.received_by_id.login, "trang.motcua")
        self.assertTrue(dossier.appointment_at)

        url = f"{DOSSIERS}/{dossier.id}"
        self.run_tour("qms_onestop_hand_off", "trang.motcua", url)
        officer = dossier.current_line_id.user_id
        self.assertTrue(officer)
        self.assertNotEqual(officer.login, "trang.motcua")
        self.assertIn("chuyển thẩm định", dossier.log_ids.sorted("id")[-1].note or "")

        self.run_tour("qms_onestop_request_supplement", self._login(officer), url)
        self.assertEqual(dossier.state, "waiting_supplement")
        self.assertEqual(dossier.supplement_ids.state, "issued")
        self.assertTrue(dossier.pause_ids.filtered(lambda p: not p.end_at))

        notice = (
            self.env["qms.onestop.notice"]
            .with_user(officer)
            .create(
                {
                    "dossier_id": dossier.id,
                    "kind": "refusal",
                    "stage": "processing",
                    "reason": "Người yêu cầu không phải cha, mẹ hoặc người thân thích "
                    "của trẻ theo quy định.",
                }
            )
        )
        notice.action_submit()
        leader = self.env["res.users"].search([("login", "=", "vinh.lanhdao")])
        self.assertIn(leader, notice.reviewer_ids)
        url = f"/odoo/action-qms_onestop.action_qms_onestop_notice/{notice.id}"
        self.run_tour("qms_onestop_approve_notice", "vinh.lanhdao", url)
        self.assertEqual(notice.state, "approved")
        self.assertEqual(notice.approved_by_id, leader)

    def _login(self, user):
        self.tour_user(user.login)
        return user.login

    def test_each_desk_role_lands_on_its_dashboard(self):
        for login in ("trang.motcua", "anh.thuly", "vinh.lanhdao"):
            user = self.tour_user(login)
            self.assertEqual(
                user.action_id.id,
                self.env.ref("qms_onestop.action_onestop_dashboard").id,
                login,
            )
            self.run_tour(
                "qms_dashboard_landing", login, "/odoo", shot_suffix=f"-{login}"
            )

    def test_set_up_an_agency(self):
        """The administrator sets up a commune with the wizard in Chromium."""
        self.run_tour(
            "qms_setup_agency",
            "admin",
            "/odoo/action-qms_public_admin.action_qms_setup_wizard",
        )
        agency = self.env["res.company"].search([("name", "=", "UBND xã Đông Tiến")])
        self.assertEqual(agency.qms_agency_code, "000.09.30.H56")
        desk = self.env["res.users"].search([("login", "=", "ha.motcua.dt")])
        self.assertTrue(desk.has_group("qms_onestop.group_onestop_desk"))
        self.assertTrue(
            self.env["qms.procedure.version"].search_count(
                [("company_id", "=", agency.id), ("state", "=", "to_review")]
            )
        )

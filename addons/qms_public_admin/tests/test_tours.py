# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .tour_case import QmsTourCase


@tagged("post_install", "-at_install")
class TestProcedureTours(QmsTourCase):
    def test_publish_a_procedure_version(self):
        """huong.iso starts version 2 of a procedure in effect and sends it
        for review (no approve button for her); thanh.qmr agrees, approves
        and puts it into effect."""
        iso = self.tour_user("huong.iso")
        Version = self.env["qms.procedure.version"]
        busy = Version.search(
            [("state", "in", ("draft", "to_review", "approved"))]
        ).procedure_id
        current = Version.search(
            [
                ("state", "=", "effective"),
                ("company_id", "=", iso.company_id.id),
                ("procedure_id", "not in", busy.ids),
            ],
            limit=1,
        )
        self.assertTrue(current, "the demo has a procedure in effect at Sở Tư pháp")
        url = f"/odoo/action-qms_public_admin.action_qms_procedure_version/{current.id}"
        self.run_tour("qms_procedure_new_version", "huong.iso", url)
        new = current.procedure_id.version_ids - current
        self.assertEqual(new.state, "to_review")
        self.assertIn("Rút ngắn", new.change_summary)
        url = f"/odoo/action-qms_public_admin.action_qms_procedure_version/{new.id}"
        self.run_tour("qms_procedure_publish", "thanh.qmr", url)
        self.assertEqual(new.state, "effective")
        self.assertEqual(current.state, "superseded")
        self.assertEqual(new.approved_by_id.login, "thanh.qmr")

    def test_each_role_lands_on_its_dashboard(self):
        """The ISO officer, the quality representative and the DOST inspector
        open Odoo on their dashboard; a number opens its records."""
        for login in ("huong.iso", "thanh.qmr", "bao.dost"):
            user = self.tour_user(login)
            self.assertEqual(
                user.action_id.id,
                self.env.ref("qms_public_admin.action_qms_dashboard").id,
                login,
            )
            self.run_tour(
                "qms_dashboard_landing", login, "/odoo", shot_suffix=f"-{login}"
            )

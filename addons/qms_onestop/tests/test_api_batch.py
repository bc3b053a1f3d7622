# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A batch larger than the synchronous limit is filed in the background
(queue_job) and polled with ``batch_status``; figures recounted likewise."""

from odoo.addons.queue_job.tests.common import trap_jobs
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from ..lib import api_schema as schema
from .test_api import ApiCase


@tagged("post_install", "-at_install")
class TestApiBackgroundBatch(ApiCase):
    def setUp(self):
        super().setUp()
        param = self.env["ir.config_parameter"].sudo()
        param.set_param("qms_onestop.api_max_batch", "3")
        param.set_param("qms_onestop.api_max_async_batch", "8")
        self.api = self.env["qms.onestop.api"].with_user(self.integ)

    def test_large_batch_is_filed_in_the_background(self):
        items = [self.payload(f"BG-{n}") for n in range(7)]
        items[4] = self.payload("BG-4", procedure="1.999999")  # unknown procedure
        with trap_jobs() as trap:
            answer = self.api.receive_dossiers(items)
            # 7 dossiers in parts of 3: three jobs, nothing filed yet.
            trap.assert_jobs_count(3)
            self.assertEqual(
                (answer["state"], answer["total"], answer["parts"]), ("queued", 7, 3)
            )
            status = self.api.batch_status(answer["job"])
            self.assertEqual((status["done"], status["results"]), (0, []))
            self.assertFalse(self.dossier_count())
            trap.perform_enqueued_jobs()
        status = self.api.batch_status(answer["job"])
        self.assertEqual(
            (status["state"], status["done"], status["failed"]), ("done", 7, 1)
        )
        self.assertEqual([r["index"] for r in status["results"]], list(range(7)))
        self.assertEqual(
            [r["ok"] for r in status["results"]], [True] * 4 + [False] + [True] * 2
        )
        self.assertEqual(status["results"][4]["error"]["code"], schema.UNKNOWN)
        self.assertIn("1.999999", status["results"][4]["error"]["message"])
        self.assertEqual(self.dossier_count(), 6)
        code = status["results"][0]["code"]
        self.assertEqual(self.api.dossier_status([code])[0]["state"], "in_progress")
        self.assertEqual(self.dossier(code).received_by_id, self.integ)

    def test_batch_status_is_the_sender_s_own(self):
        with trap_jobs():
            answer = self.api.receive_dossiers(
                [self.payload(f"OWN-{n}") for n in range(4)]
            )
        other = new_test_user(
            self.env,
            login="portal_api_other",
            groups="base.group_user,qms_public_admin.group_qms_integration",
            company_id=self.agency_a.id,
            company_ids=[(6, 0, self.agency_a.ids)],
        )
        with self.assertRaisesRegex(Exception, r"^\[QMS-404\]"):
            self.env["qms.onestop.api"].with_user(other).batch_status(answer["job"])
        with self.assertRaisesRegex(Exception, r"^\[QMS-404\]"):
            self.api.batch_status("0" * 24)

    def test_too_large_a_batch_is_refused(self):
        with trap_jobs() as trap:
            with self.assertRaisesRegex(Exception, r"^\[QMS-413\]"):
                self.api.receive_dossiers([self.payload(f"MAX-{n}") for n in range(9)])
            trap.assert_jobs_count(0)
        self.assertFalse(
            self.env["qms.background.task"].search([("user_id", "=", self.integ.id)])
        )

    def test_large_catalogue_synchronised_in_the_background(self):
        def proc(n, **values):
            return dict(
                {
                    "code": f"9.9997{n:02d}",
                    "name": f"Thủ tục đồng bộ thử nghiệm {n}",
                    "sector": "Hộ tịch",
                    "agencies": ["000.00.99.H99"],
                    "cases": [{"name": "Thông thường", "deadline": 5}],
                },
                **values,
            )

        catalogue = [proc(n) for n in range(5)]
        catalogue[2] = proc(2, agencies=["000.00.55.H99"])  # unknown agency
        with trap_jobs() as trap:
            answer = self.api.sync_procedures(catalogue)
            trap.assert_jobs_count(2)
            trap.perform_enqueued_jobs()
        status = self.api.batch_status(answer["job"])
        self.assertEqual(
            (status["state"], status["done"], status["failed"]), ("done", 5, 1)
        )
        self.assertEqual(
            [(r["ok"], r.get("code")) for r in status["results"]],
            [(True, "9.999700"), (True, "9.999701"), (False, None)]
            + [(True, "9.999703"), (True, "9.999704")],
        )
        self.assertEqual(
            self.env["qms.tthc"].search_count([("code", "=like", "9.9997%")]), 4
        )

    def test_figures_recounted_in_the_background(self):
        Month = self.env["qms.onestop.kpi.month"]
        with self.assertRaises(AccessError):
            Month.with_user(self.integ).action_rebuild_background()
        with trap_jobs() as trap:
            action = Month.action_rebuild_background()
            trap.perform_enqueued_jobs()
        task = self.env["qms.background.task"].browse(action["res_id"])
        self.assertEqual(task.kind, "kpi_rebuild")
        self.assertEqual(task.total, self.env["res.company"].search_count([]))
        self.assertEqual((task.done, task.state), (task.total, "done"))

    def dossier_count(self):
        return self.env["qms.onestop.dossier"].search_count(
            [("external_code", "=like", "BG-%")]
        )

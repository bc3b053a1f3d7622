# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Long work through the job queue: a large catalogue import and a round of
annual reports run in parts, with their progress on the task staff land on."""

import base64

from odoo.addons.queue_job.tests.common import trap_jobs
from odoo.exceptions import AccessError

from .common import QmsSystemCase


def catalogue(count):
    rows = [
        "Mã thủ tục;Tên thủ tục;Lĩnh vực;Cấp thực hiện;Thời hạn giải quyết;"
        "Căn cứ pháp lý"
    ]
    rows += [
        f"9.88{n:04d};Thủ tục thử số {n};Hộ tịch (thử);Cấp Xã;"
        f"{3 + n % 5:02d} ngày làm việc;Luật Hộ tịch 60/2014/QH13"
        for n in range(count)
    ]
    return "\n".join(rows).encode()


class TestBackgroundTasks(QmsSystemCase):
    def setUp(self):
        super().setUp()
        self.env["ir.config_parameter"].sudo().set_param(
            "qms_public_admin.import_chunk_rows", "10"
        )

    def _import(self, count, user=None):
        wizard = (
            self.env["qms.tthc.import"]
            .with_user(user or self.qmr_a)
            .create({"file": base64.b64encode(catalogue(count)), "filename": "dvc.csv"})
        )
        return wizard.action_import()

    def test_small_import_stays_synchronous(self):
        with trap_jobs() as trap:
            action = self._import(10)
            trap.assert_jobs_count(0)
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(
            self.env["qms.tthc"].search_count([("code", "=like", "9.88%")]), 10
        )

    def test_large_import_runs_in_parts_with_progress(self):
        with trap_jobs() as trap:
            action = self._import(25)
            # 25 rows in parts of 10: three jobs, nothing imported yet.
            trap.assert_jobs_count(3)
            task = self.env["qms.background.task"].browse(action["res_id"])
            self.assertEqual(action["res_model"], "qms.background.task")
            self.assertEqual((task.total, task.done, task.state), (25, 0, "queued"))
            self.assertEqual(task.user_id, self.qmr_a)
            self.assertFalse(
                self.env["qms.tthc"].search_count([("code", "=like", "9.88%")])
            )
            trap.perform_enqueued_jobs()
        task.invalidate_recordset()
        self.assertEqual((task.done, task.progress, task.state), (25, 100.0, "done"))
        self.assertEqual(task.line_ids.mapped("count"), [10, 10, 5])
        self.assertIn("10 procedure(s) created", task.line_ids[0].message)
        self.assertEqual(
            self.env["qms.tthc"].search_count([("code", "=like", "9.88%")]), 25
        )
        # A part run twice (a retry) updates, never duplicates.
        task._qms_job_catalogue(
            [
                {
                    "code": "9.880000",
                    "name": "Thủ tục thử số 0 (sửa)",
                    "sector": "Hộ tịch (thử)",
                    "levels": ["commune"],
                    "legal": [],
                    "online_level": "none",
                    "result_type": "",
                    "legal_deadline": 3,
                    "deadline_uom": "day",
                    "is_same_day": False,
                }
            ],
            0,
        )
        self.assertEqual(
            self.env["qms.tthc"].search_count([("code", "=like", "9.88%")]), 25
        )

    def test_tasks_are_the_agency_s_own(self):
        with trap_jobs() as trap:
            action = self._import(25)
            trap.perform_enqueued_jobs()
        Task = self.env["qms.background.task"]
        self.assertIn(action["res_id"], Task.with_user(self.staff_a).search([]).ids)
        self.assertNotIn(action["res_id"], Task.with_user(self.iso_b).search([]).ids)
        # Nobody writes a task or its outcome by hand.
        with self.assertRaises(AccessError):
            Task.with_user(self.qmr_a).create(
                {"name": "Giả", "kind": "catalogue_import", "total": 1}
            )
        lines = Task.browse(action["res_id"]).with_user(self.qmr_a).line_ids
        self.assertEqual(len(lines), 3)
        with self.assertRaises(AccessError):
            lines.write({"ok": False})

    def test_annual_reports_generated_in_background(self):
        Report = self.env["qms.dost.report"]
        reports = Report.create(
            [
                {"company_id": self.agency_a.id, "year": 2026},
                {"company_id": self.agency_b.id, "year": 2026},
            ]
        )
        # A user who may read the report but not generate it: refused at once.
        with trap_jobs() as trap:
            with self.assertRaises(AccessError):
                reports[0].with_user(self.staff_a).action_generate_background()
            trap.assert_jobs_count(0)
        with trap_jobs() as trap:
            action = reports.action_generate_background()
            trap.assert_jobs_count(2)
            # One of them is generated and submitted by hand meanwhile.
            reports[1].action_generate()
            reports[1]._qms_transition({"state": "submitted"})
            trap.perform_enqueued_jobs()
        task = self.env["qms.background.task"].browse(action["res_id"])
        self.assertTrue(reports[0].line_ids)
        self.assertEqual((task.done, task.failed_items, task.state), (2, 1, "done"))
        refused = task.line_ids.filtered(lambda x: not x.ok)
        self.assertIn("submitted report", refused.message)

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.queue_job.tests.common import trap_jobs

from .common import OnestopCase


class TestCrons(OnestopCase):
    """The hourly watch: a record that fails (here: agency B has no approving
    leader for its stop notice) is skipped and the others are done; run again,
    it adds no second notice or reminder."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tthc.company_ids |= cls.agency_b
        cls.proc_b = cls._officer(
            "proc_b", "group_onestop_processor", cls.agency_b, cls.desk_b_unit
        )
        procedure_b = cls.env["qms.procedure"].create(
            {
                "code": "QT-TN-B",
                "name": "Quy trình thử nghiệm B",
                "company_id": cls.agency_b.id,
                "tthc_case_id": cls.case.id,
            }
        )
        cls._effective_version(
            procedure_b,
            [
                ("Tiếp nhận hồ sơ", cls.desk_b_unit, 2, "hour"),
                ("Thẩm định hồ sơ", cls.desk_b_unit, 1, "day"),
                ("Trả kết quả", cls.desk_b_unit, 2, "hour"),
            ],
        )

    def _request(self, dossier, local):
        officer = dossier.current_line_id.user_id
        slip = (
            self.env["qms.onestop.supplement"]
            .with_user(officer)
            .create(
                {
                    "dossier_id": dossier.id,
                    "stage": "processing",
                    "items": "Bổ sung bản sao Giấy khai sinh.",
                }
            )
        )
        with self.at(local):
            slip.action_issue()
        return slip

    def test_failing_record_does_not_stop_the_batch(self):
        self.case.supplement_days = 2
        dossier_a = self._received("2026-03-02 09:00")
        dossier_b = self._received(
            "2026-03-02 09:00", user=self.desk_b, receiving_company_id=self.agency_b.id
        )
        self.assertEqual(dossier_b.company_id, self.agency_b)
        self._handoff(dossier_a, "2026-03-02 10:00")
        self._handoff(dossier_b, "2026-03-02 10:00")
        slip_a = self._request(dossier_a, "2026-03-02 14:00")
        slip_b = self._request(dossier_b, "2026-03-02 14:00")
        # Agency B loses its only approving leader: its stop notice cannot be
        # submitted.
        self.approver_b.groups_id -= self.env.ref("qms_onestop.group_onestop_approver")
        self.approver_b.action_archive()
        keep = self.desk_b | self.proc_b | self.approver_b
        others = (
            self.env["res.users"]
            .with_context(active_test=False)
            .search(
                [("company_ids", "in", self.agency_b.ids), ("id", "not in", keep.ids)]
            )
        )
        for user in others.filtered(lambda u: u.company_id != self.agency_b):
            user.company_ids -= self.agency_b
        watch = self.env["qms.onestop.dossier"]._cron_onestop_watch
        with self.at("2026-03-05 08:00"):
            watch()
        self.assertEqual(slip_a.state, "expired")
        self.assertEqual(dossier_a.notice_ids.mapped("kind"), ["stop"])
        self.assertEqual(slip_b.state, "issued", "rolled back, tried next time")
        self.assertFalse(dossier_b.notice_ids)
        activities = self.env["mail.activity"].search_count([])
        notices = self.env["qms.onestop.notice"].search_count([])
        # Run again (a retried or overlapping cron): nothing twice.
        with self.at("2026-03-05 09:00"):
            watch()
        self.assertEqual(len(dossier_a.notice_ids), 1)
        self.assertEqual(slip_b.state, "issued")
        self.assertEqual(self.env["mail.activity"].search_count([]), activities)
        self.assertEqual(self.env["qms.onestop.notice"].search_count([]), notices)
        # Once B has a leader again, the next run settles it.
        self.approver_b.action_unarchive()
        self.approver_b.groups_id |= self.env.ref("qms_onestop.group_onestop_approver")
        self.assertFalse(others & self.approver_b)
        with self.at("2026-03-05 10:00"):
            watch()
        self.assertEqual(slip_b.state, "expired")
        self.assertEqual(dossier_b.notice_ids.mapped("kind"), ["stop"])

    def test_province_watch_runs_an_agency_per_job(self):
        """Above ``watch_agencies_per_run`` agencies, the cron only enqueues
        one job per agency; the jobs do what the cron did."""
        self.case.supplement_days = 2
        dossier_a = self._received("2026-03-02 09:00")
        dossier_b = self._received(
            "2026-03-02 09:00", user=self.desk_b, receiving_company_id=self.agency_b.id
        )
        self._handoff(dossier_a, "2026-03-02 10:00")
        self._handoff(dossier_b, "2026-03-02 10:00")
        slip_a = self._request(dossier_a, "2026-03-02 14:00")
        slip_b = self._request(dossier_b, "2026-03-02 14:00")
        self.env["ir.config_parameter"].sudo().set_param(
            "qms_onestop.watch_agencies_per_run", "1"
        )
        with trap_jobs() as trap, self.at("2026-03-05 08:00"):
            self.env["qms.onestop.dossier"]._cron_onestop_watch()
            jobs = [
                job for job in trap.enqueued_jobs if job.method_name == "_qms_watch"
            ]
            # One job per agency with open dossiers (the demo's included).
            self.assertLessEqual(
                {self.agency_a, self.agency_b}, {job.args[0] for job in jobs}
            )
            self.assertEqual(len(jobs), len({job.args[0] for job in jobs}))
            self.assertEqual(slip_a.state, "issued", "nothing done by the cron")
            trap.perform_enqueued_jobs()
        self.assertEqual((slip_a.state, slip_b.state), ("expired", "expired"))
        self.assertEqual(dossier_a.notice_ids.mapped("kind"), ["stop"])
        self.assertEqual(dossier_b.notice_ids.mapped("kind"), ["stop"])

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError

from .common import OnestopCase, utc


class TestClockStop(OnestopCase):
    def _request(self, dossier, local, items="Bổ sung bản sao Giấy khai sinh."):
        officer = dossier.current_line_id.user_id
        slip = (
            self.env["qms.onestop.supplement"]
            .with_user(officer)
            .create({"dossier_id": dossier.id, "stage": "processing", "items": items})
        )
        with self.at(local):
            slip.action_issue()
        return slip

    def _supplied(self, slip, local):
        with self.at(local):
            self.as_(self.desk_a, slip).action_supplied()

    def test_restart_mode_and_the_once_rule(self):
        self.case.supplement_days = 5
        dossier = self._received("2026-03-02 09:00")
        self._handoff(dossier, "2026-03-02 10:00")
        slip = self._request(dossier, "2026-03-02 14:00")
        self.assertEqual(dossier.state, "waiting_supplement")
        self.assertEqual(slip.state, "issued")
        # Five working days to supply, counted from the next working day.
        self.assertEqual(slip.deadline_at, utc("2026-03-09 17:00"))
        pause = dossier.pause_ids
        self.assertEqual(pause.start_at, utc("2026-03-02 14:00"))
        self.assertFalse(pause.end_at)
        # Waiting for the applicant is not overdue, whatever the date.
        with self.at("2026-03-06 16:00"):
            self.assertFalse(
                self.env["qms.onestop.dossier"].search(
                    [("is_overdue", "=", True), ("id", "=", dossier.id)]
                )
            )
        # Nothing moves while the clock is stopped.
        with self.at("2026-03-03 09:00"), self.assertRaises(UserError):
            self._request(dossier, "2026-03-03 09:00")
        self._supplied(slip, "2026-03-04 10:00")
        self.assertEqual(dossier.state, "in_progress")
        self.assertEqual(pause.end_at, utc("2026-03-04 10:00"))
        # Restart: the full 3 days again from the supplement, Monday 9 March.
        self.assertEqual(dossier.due_at, utc("2026-03-09 17:00"))
        self.assertEqual(dossier.appointment_at, dossier.due_at)
        self.assertIn("supplement_received", dossier.log_ids.mapped("action"))
        # The law allows one request during processing.
        with self.assertRaises(UserError):
            self._request(dossier, "2026-03-04 14:00")
        self.assertEqual(dossier.state, "in_progress")
        self.assertEqual(len(dossier.pause_ids), 1)
        # Result on Friday: early against the recomputed due date, and the
        # stopped time is not counted as processing time.
        self._to_result(dossier, ["2026-03-05 09:00", "2026-03-06 09:00"])
        self.assertEqual(dossier.timeliness, "early")
        # Mon 09:00-14:00 (3.5 h) + Wed 10:00-Fri 09:00 (5.5 + 8 + 1.5 h) = 18.5 h
        self.assertAlmostEqual(dossier.processing_days, 2.31, places=2)

    def test_pause_mode_resumes_the_remaining_time(self):
        self.case.supplement_clock_mode = "pause"
        dossier = self._received("2026-03-02 09:00")  # due Thu 5 March 17:00
        self._handoff(dossier, "2026-03-02 10:00")
        slip = self._request(dossier, "2026-03-04 14:00")  # 11 h remain
        self.assertFalse(slip.deadline_at, "no limit to supply unless configured")
        self._supplied(slip, "2026-03-05 10:00")
        # 11 working hours from Thursday 10:00 end on Friday 14:30; a limit in
        # days ends at the close of that day.
        self.assertEqual(dossier.due_at, utc("2026-03-06 17:00"))

    def test_not_supplied_in_time_stops_processing(self):
        self.case.supplement_days = 2
        dossier = self._received("2026-03-02 09:00")
        self._handoff(dossier, "2026-03-02 10:00")
        slip = self._request(dossier, "2026-03-02 14:00")
        self.assertEqual(slip.deadline_at, utc("2026-03-04 17:00"))
        with self.at("2026-03-04 16:00"):
            self.env["qms.onestop.dossier"]._cron_onestop_watch()
        self.assertEqual(slip.state, "issued")
        with self.at("2026-03-05 08:00"):
            self.env["qms.onestop.dossier"]._cron_onestop_watch()
        self.assertEqual(slip.state, "expired")
        notice = dossier.notice_ids
        self.assertEqual(notice.kind, "stop")
        self.assertEqual(notice.state, "draft")
        # The job runs each request in a savepoint: flushed, the leader's review
        # is already due ("pending", not just "waiting" for its turn).
        self.assertEqual(notice.validation_status, "pending")
        self.assertIn(self.approver_a, notice.reviewer_ids)
        with self.at("2026-03-05 09:00"):
            self.as_(self.approver_a, notice).validate_tier()
        self.assertEqual(notice.state, "approved")
        with self.at("2026-03-05 09:30"):
            self.as_(self.desk_a, notice).action_issue()
        self.assertEqual(dossier.state, "stopped")
        self.assertFalse(dossier.timeliness, "stopped, not late")
        self.assertEqual(dossier.pause_ids.end_at, utc("2026-03-05 09:30"))
        self.assertEqual(
            dossier.log_ids.mapped("action")[-4:],
            ["notice_submit", "notice_approve", "notice_issue", "stop"],
        )

    def test_the_dialog_states_the_rule_and_issues_in_one_step(self):
        """The dossier's Supplementation Slip button opens a dialog that says
        the rule before anything is written, and issues and prints in one
        step: the clock stops at once."""
        from odoo.tests import Form

        self.case.supplement_days = 5
        dossier = self._received("2026-03-02 09:00")
        self._handoff(dossier, "2026-03-02 10:00")
        officer = dossier.current_line_id.user_id
        action = self.as_(officer, dossier).action_guidance()
        view = self.env.ref("qms_onestop.qms_onestop_supplement_view_form_dialog")
        self.assertEqual(action["views"], [(view.id, "form")])
        self.assertEqual(action["target"], "new")
        Slip = self.env["qms.onestop.supplement"].with_user(officer)
        with Form(Slip.with_context(**action["context"]), view=view) as form:
            self.assertIn("1", form.rule_note)
            self.assertIn("5", form.rule_note)
            self.assertFalse(form.limit_reached)
            form.items = "Bổ sung bản sao Giấy khai sinh."
        slip = form.record
        with self.at("2026-03-02 14:00"):
            report = slip.action_issue_and_print()
        self.assertEqual(report["report_name"], "qms_onestop.report_supplement")
        self.assertEqual(slip.state, "issued")
        self.assertEqual(dossier.state, "waiting_supplement")
        self.assertEqual(dossier.pause_ids.start_at, utc("2026-03-02 14:00"))
        self._supplied(slip, "2026-03-03 10:00")
        # The one request allowed is used: the next dialog says so and offers
        # no Issue button.
        with Form(Slip.with_context(**action["context"]), view=view) as form:
            self.assertTrue(form.limit_reached)
            self.assertIn("limit is reached", form.rule_note)
            form.items = "Lần hai"
        with self.at("2026-03-03 11:00"), self.assertRaises(UserError):
            form.record.action_issue_and_print()

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import HANDOVER, OnestopCase, utc


class TestProcessing(OnestopCase):
    def test_steps_handoffs_result_and_return(self):
        dossier = self._received("2026-03-02 09:00")
        intake = dossier.current_line_id
        # Someone else cannot hand off the desk officer's step.
        with self.at("2026-03-02 09:30"), self.assertRaises(AccessError):
            self.as_(self.proc_a, dossier).action_handoff(intake.id)
        self._handoff(dossier, "2026-03-02 10:00", note="Hồ sơ hợp lệ")
        self.assertEqual(intake.state, "done")
        self.assertEqual(intake.timeliness, "on_time")  # due 11:00 the same day
        self.assertAlmostEqual(intake.spent_hours, 1.0)
        appraisal = dossier.current_line_id
        self.assertEqual(appraisal.step_id, self.steps[1])
        self.assertIn(appraisal.user_id, self.proc_a | self.proc2_a)
        # One working day from 10:00 Monday: 10:00 Tuesday.
        self.assertEqual(appraisal.due_at, utc("2026-03-03 10:00"))
        log = dossier.log_ids[-1]
        self.assertEqual(log.action, "handoff")
        self.assertEqual(log.from_user_id, self.desk_a)
        self.assertEqual(log.to_user_id, appraisal.user_id)
        self.assertEqual(log.from_unit_id, self.desk_unit)
        self.assertEqual(log.to_unit_id, self.office_unit)
        self.assertEqual(log.step_timeliness, "on_time")

        # A stale screen (the step already moved on) gets a clear error.
        with self.at("2026-03-02 10:05"), self.assertRaises(UserError):
            self.as_(self.desk_a, dossier).action_handoff(intake.id)
        # Going back needs a reason and a step already passed.
        officer = appraisal.user_id
        with self.at("2026-03-02 14:00"), self.assertRaises(ValidationError):
            self.as_(officer, dossier).action_send_back(self.steps[0].id, "")
        with self.at("2026-03-02 14:00"), self.assertRaises(ValidationError):
            self.as_(officer, dossier).action_send_back(self.steps[2].id, "Thiếu")
        with self.at("2026-03-02 14:00"):
            self.as_(officer, dossier).action_send_back(
                self.steps[0].id, "Cần đối chiếu bản chính"
            )
        self.assertEqual(appraisal.state, "returned")
        self.assertEqual(dossier.current_line_id.step_id, self.steps[0])
        self.assertEqual(
            dossier.current_line_id.user_id, self.desk_a, "back to its officer"
        )
        self.assertEqual(dossier.log_ids[-1].reason, "Cần đối chiếu bản chính")
        self._handoff(dossier, "2026-03-02 15:00", to=officer)
        self.assertEqual(dossier.current_line_id.user_id, officer)
        # An officer who may not perform the step is refused.
        with self.at("2026-03-03 09:00"), self.assertRaises(ValidationError):
            self.as_(officer, dossier).action_handoff(
                dossier.current_line_id.id, self.desk_a.id
            )
        self._handoff(dossier, "2026-03-03 09:00")
        self.assertEqual(dossier.current_line_id.user_id, self.approver_a)
        # Handing to the return step: the result is ready.
        self._handoff(dossier, "2026-03-03 11:00")
        self.assertEqual(dossier.state, "result_ready")
        self.assertEqual(dossier.completed_at, utc("2026-03-03 11:00"))
        self.assertEqual(dossier.timeliness, "early")
        self.assertEqual(dossier.on_time_pct, 100)
        # Mon 09:00-17:00 (6.5 h, lunch 11:30-13:00) + Tue 07:30-11:00 (3.5 h):
        # 10 h = 1.25 days.
        self.assertAlmostEqual(dossier.processing_days, 1.25, places=2)
        self.assertEqual(dossier.current_line_id.user_id, self.desk_a)
        with self.at("2026-03-03 14:00"):
            self.as_(self.desk_a, dossier).action_return_result(
                "Nguyễn Văn An", "desk", "Đã ký nhận", HANDOVER
            )
        self.assertEqual(dossier.state, "returned")
        self.assertEqual(dossier.returned_at, utc("2026-03-03 14:00"))
        with self.at("2026-03-03 14:05"), self.assertRaises(UserError):
            self.as_(self.desk_a, dossier).action_return_result(
                "Nguyễn Văn An", handover=HANDOVER
            )
        self.assertEqual(
            dossier.log_ids.mapped("action"),
            [
                "receive",
                "handoff",
                "send_back",
                "handoff",
                "handoff",
                "handoff",
                "result_ready",
                "return",
            ],
        )
        # The log is the process control sheet: nobody edits or deletes it.
        with self.assertRaises(UserError):
            dossier.log_ids[0].write({"reason": "sửa"})
        with self.assertRaises(UserError):
            dossier.log_ids[0].sudo().unlink()
        with self.assertRaises(AccessError):
            self.env["qms.onestop.dossier.log"].with_user(self.supervisor_a).create(
                {
                    "dossier_id": dossier.id,
                    "action": "handoff",
                    "date": utc("2026-03-03 15:00"),
                    "user_id": self.supervisor_a.id,
                }
            )

    def test_assignment_rules(self):
        # Least loaded: the officer with fewer open steps gets the next one.
        first = self._received("2026-03-02 08:00")
        self._handoff(first, "2026-03-02 08:30")
        busy = first.current_line_id.user_id
        second = self._received("2026-03-02 09:00")
        self._handoff(second, "2026-03-02 09:30")
        self.assertNotEqual(second.current_line_id.user_id, busy)
        # Round robin: the officer served longest ago.
        self.agency_a.qms_onestop_assignment = "round_robin"
        third = self._received("2026-03-02 10:00")
        self._handoff(third, "2026-03-02 10:30")
        self.assertEqual(third.current_line_id.user_id, busy)
        # A supervisor reassigns with a reason; others may not.
        other = (self.proc_a | self.proc2_a) - busy
        with self.assertRaises(AccessError):
            self.as_(self.proc_a, third).action_reassign(other.id, "Nghỉ phép")
        with self.at("2026-03-02 11:00"):
            self.as_(self.supervisor_a, third).action_reassign(other.id, "Nghỉ phép")
        self.assertEqual(third.current_line_id.user_id, other)
        self.assertEqual(third.log_ids[-1].action, "reassign")
        with self.assertRaises(ValidationError):
            self.as_(self.supervisor_a, third).action_reassign(self.desk_a.id, "Thử")

    def test_withdrawal_and_lateness_override(self):
        dossier = self._received("2026-03-02 09:00")
        with self.at("2026-03-02 10:00"):
            self.as_(self.desk_a, dossier).action_withdraw("Người nộp xin rút hồ sơ")
        self.assertEqual(dossier.state, "withdrawn")
        self.assertFalse(dossier.timeliness)
        self.assertFalse(
            dossier.line_ids.filtered(lambda ln: ln.state in ("open", "pending"))
        )

        late = self._received("2026-03-02 09:00")
        self._to_result(
            late, ["2026-03-02 10:00", "2026-03-05 16:00", "2026-03-06 09:00"]
        )
        self.assertEqual(late.timeliness, "late")
        with self.assertRaises(AccessError):
            self.as_(self.desk_a, late).action_override(
                timeliness="on_time", reason="x"
            )
        with self.assertRaises(ValidationError):
            self.as_(self.supervisor_a, late).action_override(timeliness="on_time")
        with self.at("2026-03-06 10:00"):
            self.as_(self.supervisor_a, late).action_override(
                timeliness="on_time", reason="Lỗi đồng bộ, đã trả đúng hẹn"
            )
        self.assertEqual(late.timeliness_override, "on_time")
        self.assertEqual(late.timeliness, "late", "statistics keep the computed status")
        self.assertEqual(late.on_time_pct, 0)
        self.assertEqual(late.log_ids[-1].action, "override_timeliness")
        self.assertEqual(late.log_ids[-1].user_id, self.supervisor_a)

    def test_stuck_dossiers_and_due_steps(self):
        dossier = self._received("2026-03-02 09:00")
        # 8 working hours without action: flagged, supervisors told.
        with self.at("2026-03-03 08:00"):
            self.env["qms.onestop.dossier"]._cron_onestop_watch()
        self.assertFalse(dossier.is_stuck, "only 4.5 working hours so far")
        with self.at("2026-03-03 10:00"):
            self.env["qms.onestop.dossier"]._cron_onestop_watch()
        self.assertTrue(dossier.is_stuck)
        stuck_type = self.env.ref("qms_onestop.mail_activity_dossier_stuck")
        activities = dossier.activity_ids.filtered(
            lambda a: a.activity_type_id == stuck_type
        )
        self.assertIn(self.supervisor_a, activities.user_id)
        risk = self.env["qms.onestop.dossier"].search(
            [("is_stuck", "=", True), ("id", "=", dossier.id)]
        )
        self.assertEqual(risk, dossier)
        # The intake step was due at 11:00 Monday: its officer is reminded.
        due_type = self.env.ref("qms_onestop.mail_activity_step_due")
        reminders = dossier.activity_ids.filtered(
            lambda a: a.activity_type_id == due_type
        )
        self.assertEqual(reminders.user_id, self.desk_a)
        # Acting clears the flag; reminders are not duplicated.
        self._handoff(dossier, "2026-03-03 10:30")
        self.assertFalse(dossier.is_stuck)
        with self.at("2026-03-03 11:00"):
            self.env["qms.onestop.dossier"]._cron_onestop_watch()
        reminders = dossier.activity_ids.filtered(
            lambda a: a.activity_type_id == due_type
        )
        self.assertEqual(len(reminders.filtered(lambda a: a.user_id == self.desk_a)), 1)
        # Overdue now: the legal due date has passed while in progress.
        with self.at("2026-03-06 09:00"):
            overdue = self.env["qms.onestop.dossier"].search(
                [("is_overdue", "=", True), ("id", "=", dossier.id)]
            )
        self.assertEqual(overdue, dossier)

    def test_moving_buttons_only_for_the_step_s_officer(self):
        """Once the desk officer handed the dossier on, the form no longer
        offers her Hand Off, Send Back or Result Ready."""
        dossier = self._received()
        desk = dossier.current_line_id.user_id
        self.assertTrue(self.as_(desk, dossier).can_move)
        self._handoff(dossier, "2026-03-02 10:00")
        officer = dossier.current_line_id.user_id
        self.assertNotEqual(officer, desk)
        dossier.invalidate_recordset(["can_move"])
        self.assertFalse(self.as_(desk, dossier).can_move)
        self.assertTrue(self.as_(officer, dossier).can_move)

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import QmsSystemCase


class TestImprovementAction(QmsSystemCase):
    def _verify(self, action, user, result="effective", **vals):
        return (
            self.env["qms.action.verification"]
            .with_user(user)
            .create(
                dict(
                    {
                        "action_id": action.id,
                        "result": result,
                        "evidence": "Kiểm tra 20 hồ sơ tháng 10: sổ ghi đầy đủ.",
                    },
                    **vals,
                )
            )
        )

    def test_lifecycle_with_reopening(self):
        action = self._action(date_deadline=False)
        self.assertEqual(action.qms_state, "draft")
        self.assertEqual(action.qms_origin, "other")
        with self.assertRaisesRegex(UserError, "committed deadline"):
            action.with_user(self.staff_a).action_qms_open()
        action.with_user(self.staff_a).date_deadline = date.today() + timedelta(days=5)
        action.with_user(self.staff_a).action_qms_open()
        self.assertEqual(action.qms_state, "open")
        self.assertTrue(action.date_open)
        # A corrective action is done only once its root cause is recorded.
        with self.assertRaisesRegex(UserError, "root cause"):
            action.with_user(self.staff_a).action_qms_done()
        action.with_user(self.staff_a).write(
            {"qms_root_cause": "Không phân công người cập nhật sổ."}
        )
        action.with_user(self.staff_a).action_qms_done()
        self.assertEqual(action.qms_state, "done")
        self.assertEqual(action.qms_done_date, action._qms_today())
        # The responsible cannot verify their own action; a plain user neither.
        with self.assertRaisesRegex(UserError, "responsible"):
            action.with_user(self.staff_a).action_qms_verify()
        with self.assertRaisesRegex(UserError, "ISO officer"):
            action.with_user(self.staff2_a).action_qms_verify()
        self.assertEqual(
            action.with_user(self.iso_a).action_qms_verify()["res_model"],
            "qms.action.verification",
        )
        # Not effective: a new deadline is needed, and it reopens the action.
        with self.assertRaisesRegex(ValidationError, "new committed"):
            self._verify(action, self.iso_a, "not_effective")
        self._verify(
            action,
            self.iso_a,
            "not_effective",
            new_deadline=date.today() + timedelta(days=20),
        )
        self.assertEqual(action.qms_state, "open")
        self.assertEqual(action.qms_reopen_count, 1)
        self.assertEqual(action.date_deadline, date.today() + timedelta(days=20))
        self.assertFalse(action.qms_done_date)
        action.with_user(self.staff_a).action_qms_done()
        verification = self._verify(action, self.qmr_a)
        self.assertEqual(action.qms_state, "verified")
        self.assertTrue(action.stage_id.is_ending)
        self.assertTrue(action.date_closed)
        self.assertEqual(action.qms_verified_by_id, self.qmr_a)
        action.invalidate_recordset()
        self.assertEqual(
            action.qms_verification_ids.mapped("result"), ["effective", "not_effective"]
        )
        # Verifications are records: never changed nor deleted.
        with self.assertRaises(UserError):
            verification.with_user(self.qmr_a).write({"evidence": "khác"})
        with self.assertRaises(UserError):
            verification.with_user(self.qmr_a).unlink()
        # Verifying twice is refused.
        with self.assertRaisesRegex(UserError, "marked done"):
            self._verify(action, self.qmr_a)

    def test_stage_moves_outside_the_buttons(self):
        action = self._action()
        Stage = self.env["mgmtsystem.action"]
        # Dragging a draft card to In Progress opens it (as OCA's nonconformity
        # does when its plan is accepted).
        action.with_user(self.iso_a).stage_id = Stage._qms_stage("open")
        self.assertEqual(action.qms_state, "open")
        with self.assertRaisesRegex(UserError, "buttons"):
            action.with_user(self.iso_a).stage_id = Stage._qms_stage("verified")
        self.assertEqual(action.qms_state, "open")

    def test_deadline_not_in_the_past_and_day_counters(self):
        with self.assertRaisesRegex(ValidationError, "past"):
            self._action(date_deadline=date.today() - timedelta(days=1))
        action = self._action()
        with self.assertRaisesRegex(ValidationError, "past"):
            action.with_user(self.iso_a).date_deadline = date.today() - timedelta(
                days=3
            )
        action.action_qms_open()
        action.invalidate_recordset()
        self.assertGreaterEqual(action.number_of_days_to_open, 0)

    def test_overdue_reminders_and_escalation(self):
        with freeze_time("2026-03-02 08:00:00"):
            action = self._action(date_deadline=date(2026, 3, 10))
            action.action_qms_open()
        Action = self.env["mgmtsystem.action"]
        overdue_type = self.env.ref("qms_public_admin.mail_activity_action_overdue")
        escalation = self.env.ref("qms_public_admin.mail_activity_action_escalation")

        def activities(kind):
            return action.activity_ids.filtered(lambda a: a.activity_type_id == kind)

        with freeze_time("2026-03-10 09:00:00"):
            Action._cron_qms_overdue_actions()
            self.assertFalse(action.qms_overdue)
            self.assertFalse(activities(overdue_type))
        with freeze_time("2026-03-11 09:00:00"):
            self.assertIn(action, Action.search([("qms_overdue", "=", True)]))
            Action._cron_qms_overdue_actions()
            self.assertEqual(activities(overdue_type).user_id, self.staff_a)
            self.assertFalse(activities(escalation))
            # Running twice the same day does not pile up reminders.
            Action._cron_qms_overdue_actions()
            self.assertEqual(len(activities(overdue_type)), 1)
        with freeze_time("2026-03-13 09:00:00"):
            # Three days overdue: escalated to the quality representative.
            Action._cron_qms_overdue_actions()
            self.assertEqual(activities(escalation).user_id, self.qmr_a)
            self.assertEqual(action.qms_escalated_on, date(2026, 3, 13))
            self.assertIn(self.qmr_a.partner_id, action.message_partner_ids)
            Action._cron_qms_overdue_actions()
            self.assertEqual(len(activities(escalation)), 1)
        with freeze_time("2026-03-18 09:00:00"):
            # A week after the first reminder, a second one.
            Action._cron_qms_overdue_actions()
            self.assertEqual(len(activities(overdue_type)), 2)
            # Done: the reminders are closed and nothing more is sent.
            action.write({"qms_root_cause": "Thiếu người."})
            action.with_user(self.staff_a).action_qms_done()
            self.assertFalse(activities(overdue_type) | activities(escalation))
            self.assertEqual(Action._cron_qms_overdue_actions(), 0)

    def test_escalation_without_named_representative(self):
        self.system_a.qms_qmr_id = False
        with freeze_time("2026-03-02 08:00:00"):
            action = self._action(date_deadline=date(2026, 3, 3))
            action.action_qms_open()
        with freeze_time("2026-03-20 08:00:00"):
            self.env["mgmtsystem.action"]._cron_qms_overdue_actions()
        escalated = action.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("qms_public_admin.mail_activity_action_escalation")
            )
        )
        # The agency's users of the quality representative group receive it.
        self.assertIn(self.qmr_a, escalated.user_id)
        self.assertNotIn(self.iso_b, escalated.user_id)

    def test_responsible_officer_cannot_verify_own_action(self):
        action = self._action(user_id=self.iso_a.id, type_action="improvement")
        action.action_qms_open()
        action.with_user(self.iso_a).action_qms_done()
        with self.assertRaisesRegex(UserError, "responsible"):
            self._verify(action, self.iso_a)
        self.assertEqual(action.qms_state, "done")

    def test_access(self):
        action = self._action()
        Action = self.env["mgmtsystem.action"]
        self.assertFalse(Action.with_user(self.iso_b).search([("id", "=", action.id)]))
        with self.assertRaises(AccessError):
            action.with_user(self.iso_b).read(["name"])
        # Staff edit the actions they are responsible for, not the others'.
        action.with_user(self.staff_a).qms_root_cause = "Nguyên nhân"
        with self.assertRaises(AccessError):
            action.with_user(self.staff2_a).write({"qms_root_cause": "x"})
        self.assertEqual(action.with_user(self.inspector).name, action.name)
        with self.assertRaises(AccessError):
            action.with_user(self.inspector).write({"name": "x"})
        with self.assertRaisesRegex(UserError, "ISO officer"):
            action.with_user(self.staff_a).action_qms_cancel()
        action.with_user(self.iso_a).action_qms_cancel()
        self.assertEqual(action.qms_state, "cancel")

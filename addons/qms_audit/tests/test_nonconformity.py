# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError, ValidationError

from .common import AuditCase


class TestNonconformityLoop(AuditCase):
    """Finding → nonconformity → the unit's plan → accepted by the lead auditor
    → actions done → verified by the auditor → closed → the audit closes."""

    def setUp(self):
        super().setUp()
        self.audit = self._audit_in_progress()
        self.finding = self._finding(self.audit)
        self._report(self.audit)
        self.nc = self.finding.nonconformity_id

    def _answer(self, user=None, deadline_days=20):
        user = user or self.staff_a
        self.nc.with_user(user).write(
            {
                "analysis": "Cán bộ một cửa chưa theo dõi ngày hẹn trả trên phần mềm",
                "qms_correction": "Đã gửi văn bản xin lỗi, hẹn lại ngày trả",
            }
        )
        return self._action(
            user=user,
            name="Bật cảnh báo hồ sơ sắp đến hạn; tập huấn cán bộ một cửa",
            nonconformity_ids=[(6, 0, self.nc.ids)],
            date_deadline=self.today + timedelta(days=deadline_days),
        )

    def test_the_unit_answers_and_the_lead_auditor_accepts(self):
        with self.assertRaisesRegex(UserError, "root cause analysis"):
            self.nc.with_user(self.staff_a).action_qms_submit_plan()
        action = self._answer()
        self.assertEqual(action.qms_audit_id, self.audit)
        # Someone outside the unit cannot submit; the responsible can.
        with self.assertRaisesRegex(UserError, "responsible in the unit"):
            self.nc.with_user(self.staff2_a).action_qms_submit_plan()
        self.nc.with_user(self.staff_a).action_qms_submit_plan()
        self.assertEqual(self.nc.state, "pending")
        self.assertEqual(action.qms_origin, "nonconformity")
        self.assertEqual(action.qms_department_id, self.unit_a)
        self.assertTrue(action.qms_root_cause, "root cause copied onto the action")
        review = self.nc.activity_ids.filtered(
            lambda a: (
                a.activity_type_id == self.env.ref("qms_audit.mail_activity_nc_review")
            )
        )
        self.assertEqual(review.user_id, self.lead_user_b)
        # Only the lead auditor of the audit accepts.
        with self.assertRaisesRegex(UserError, "lead auditor"):
            self.nc.with_user(self.auditor_user_a).action_qms_accept()
        with self.assertRaisesRegex(UserError, "lead auditor"):
            self.nc.with_user(self.iso_a).action_qms_accept()
        self.nc.with_user(self.lead_user_b).action_qms_accept()
        self.assertEqual(self.nc.state, "open")
        self.assertEqual(action.qms_state, "open", "accepting opens the actions")
        self.assertEqual(self.nc.qms_committed_deadline, action.date_deadline)
        self.assertEqual(self.nc.qms_accepted_by_id, self.lead_user_b)

        # Done, then verified: the responsible never verifies their own action.
        action.with_user(self.staff_a).action_qms_done()
        with self.assertRaisesRegex(UserError, "cannot verify"):
            action.with_user(self.staff_a).action_qms_verify()
        # Not effective: the action reopens with a new deadline, the NC stays open.
        Verification = self.env["qms.action.verification"]
        Verification.with_user(self.auditor_user_a).create(
            {
                "action_id": action.id,
                "result": "not_effective",
                "evidence": "Tháng 4 vẫn còn 02 hồ sơ quá hạn không có thư xin lỗi",
                "new_deadline": self.today + timedelta(days=30),
            }
        )
        self.assertEqual(action.qms_state, "open")
        self.assertEqual(action.qms_reopen_count, 1)
        self.assertEqual(self.nc.state, "open")
        action.with_user(self.staff_a).action_qms_done()
        # The lead auditor of another agency verifies it effective: the NC closes.
        Verification.with_user(self.lead_user_b).create(
            {
                "action_id": action.id,
                "result": "effective",
                "evidence": "Kiểm tra 30 hồ sơ tháng 5: không còn hồ sơ quá hạn",
            }
        )
        self.assertEqual(action.qms_state, "verified")
        self.assertEqual(action.qms_verified_by_id, self.lead_user_b)
        self.assertEqual(self.nc.state, "done")
        self.assertIn("30 hồ sơ", self.nc.evaluation_comments)
        self.assertTrue(self.nc.qms_closed_on_time)
        self.assertTrue(self.nc.closing_date)
        # Now the audit can close.
        self.audit.with_user(self.lead_user_b).action_close()
        self.assertEqual(self.audit.state, "closed")

    def test_the_lead_auditor_returns_an_insufficient_plan(self):
        self._answer()
        self.nc.with_user(self.staff_a).action_qms_submit_plan()
        with self.assertRaisesRegex(UserError, "why the plan is returned"):
            self.nc.with_user(self.lead_user_b).action_qms_return()
        self.nc.with_user(
            self.lead_user_b
        ).qms_auditor_comment = (
            "Nguyên nhân chưa đến gốc: vì sao cán bộ không theo dõi?"
        )
        self.nc.with_user(self.lead_user_b).action_qms_return()
        self.assertEqual(self.nc.state, "analysis")
        self.assertEqual(self.nc.qms_return_count, 1)
        self.assertIn(
            self.staff_a,
            self.nc.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id
                    == self.env.ref("qms_audit.mail_activity_nc_response")
                )
            ).user_id,
        )

    def test_bad_plans_are_refused_with_nothing_written(self):
        action = self._answer()
        # A committed deadline cannot be set in the past.
        with self.assertRaisesRegex(ValidationError, "in the past"):
            action.with_user(self.staff_a).write(
                {"date_deadline": self.today - timedelta(days=1)}
            )
        with freeze_time(self.today + timedelta(days=25)):
            # The deadline passed before the plan was submitted.
            with self.assertRaisesRegex(ValidationError, "committed deadline"):
                self.nc.with_user(self.staff_a).action_qms_submit_plan()
        self.assertEqual(self.nc.state, "analysis")
        # Stages move only through the buttons.
        with self.assertRaisesRegex(UserError, "buttons"):
            self.nc.with_user(self.iso_a).write(
                {"stage_id": self.env.ref("mgmtsystem_nonconformity.stage_done").id}
            )
        # The audit does not close while its nonconformity is open.
        with self.assertRaisesRegex(UserError, "nonconformities are open"):
            self.audit.with_user(self.lead_user_b).action_close()

    def test_closing_needs_every_action_verified(self):
        action = self._answer()
        self.nc.with_user(self.staff_a).action_qms_submit_plan()
        self.nc.with_user(self.lead_user_b).action_qms_accept()
        action.with_user(self.staff_a).action_qms_done()
        with self.assertRaisesRegex(UserError, "verified effective"):
            self.nc.with_user(self.lead_user_b).action_qms_close()
        self.assertEqual(self.nc.state, "open")

    def test_overdue_actions_and_late_answers_are_chased(self):
        # The unit does not answer in time: reminded once.
        with freeze_time(self.today + timedelta(days=11)):
            self.assertTrue(self.nc.qms_overdue)
            NC = self.env["mgmtsystem.nonconformity"]
            NC._cron_qms_late_answers()
            self.assertEqual(self.nc.qms_response_notified_on, fields.Date.today())
            self.assertEqual(NC._cron_qms_late_answers(), 0, "reminded once")
        response = self.env.ref("qms_audit.mail_activity_nc_response")
        self.assertEqual(
            len(
                self.nc.activity_ids.filtered(lambda a: a.activity_type_id == response)
            ),
            2,
        )
        action = self._answer(deadline_days=5)
        self.nc.with_user(self.staff_a).action_qms_submit_plan()
        self.nc.with_user(self.lead_user_b).action_qms_accept()
        # The action runs late: its responsible is reminded, the QMR escalated to.
        with freeze_time(self.today + timedelta(days=9)):
            self.assertTrue(self.nc.qms_overdue)
            self.env["mgmtsystem.action"]._cron_qms_overdue_actions()
            self.assertEqual(action.activity_ids.user_id, self.staff_a | self.qmr_a)
            self.assertTrue(action.qms_escalated_on)

    def test_an_improvement_action_for_an_opportunity(self):
        audit = self._audit_in_progress()
        finding = self._finding(audit, grade="ofi", description="Số hóa sổ hộ tịch")
        self._report(audit)
        self.assertFalse(finding.nonconformity_id, "no nonconformity for an OFI")
        window = finding.with_user(self.iso_a).action_create_action()
        context = {
            key.removeprefix("default_"): value
            for key, value in window["context"].items()
        }
        action = (
            self.env["mgmtsystem.action"]
            .with_user(self.iso_a)
            .create(dict(context, date_deadline=self.today + timedelta(days=60)))
        )
        self.assertEqual(finding.action_id, action)
        self.assertEqual(action.qms_audit_id, audit)
        self.assertEqual(action.qms_origin, "audit")
        self.assertEqual(action.type_action, "improvement")


class TestNonconformityOutsideAudits(AuditCase):
    def test_an_internal_nonconformity_without_partner(self):
        nc = (
            self.env["mgmtsystem.nonconformity"]
            .with_user(self.iso_a)
            .create(
                {
                    "name": "Hồ sơ trả kết quả sai mẫu",
                    "description": "Giấy khai sinh in sai mẫu ban hành",
                    "company_id": self.agency_a.id,
                    "responsible_user_id": self.staff_a.id,
                    "manager_user_id": self.iso_a.id,
                    "origin_ids": [
                        (
                            6,
                            0,
                            self.env.ref(
                                "mgmtsystem_nonconformity.nc_origin_process"
                            ).ids,
                        )
                    ],
                    "qms_department_id": self.unit_a.id,
                }
            )
        )
        self.assertFalse(nc.partner_id)
        self.assertEqual(nc.state, "draft")
        nc.with_user(self.staff_a).action_qms_analyse()
        self.assertEqual(nc.state, "analysis")
        nc.with_user(self.staff_a).write(
            {"analysis": "Mẫu cũ chưa thu hồi", "qms_correction": "In lại"}
        )
        self._action(user=self.staff_a, nonconformity_ids=[(6, 0, nc.ids)])
        nc.with_user(self.staff_a).action_qms_submit_plan()
        # Outside audits an ISO officer accepts.
        with self.assertRaisesRegex(UserError, "lead auditor"):
            nc.with_user(self.staff2_a).action_qms_accept()
        nc.with_user(self.iso_a).action_qms_accept()
        self.assertEqual(nc.state, "open")

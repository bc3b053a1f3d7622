# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import OnestopCase, utc


class TestNotices(OnestopCase):
    def _notice(self, dossier, kind, user=None, **vals):
        values = {
            "dossier_id": dossier.id,
            "kind": kind,
            "stage": "processing",
            "reason": "Hồ sơ không đủ điều kiện theo quy định.",
        }
        values.update(vals)
        return (
            self.env["qms.onestop.notice"]
            .with_user(user or dossier.current_line_id.user_id)
            .create(values)
        )

    def test_refusal_needs_the_leaders_approval(self):
        dossier = self._received("2026-03-02 09:00")
        self._handoff(dossier, "2026-03-02 10:00")
        with self.at("2026-03-02 14:00"):
            notice = self._notice(dossier, "refusal")
        with self.at("2026-03-02 14:05"), self.assertRaises(UserError):
            notice.action_issue()
        with self.at("2026-03-02 14:10"):
            notice.action_submit()
        self.assertEqual(notice.validation_status, "waiting")
        # Only leaders of the agency handling the dossier review it.
        self.assertIn(self.approver_a, notice.reviewer_ids)
        self.assertNotIn(self.approver_b, notice.reviewer_ids)
        with self.assertRaises(AccessError):
            self.as_(self.approver_b, notice).read(["state"])
        # A submitted notice is frozen.
        with self.assertRaises(UserError):
            notice.write({"reason": "Lý do khác"})
        with self.at("2026-03-02 15:00"):
            self.as_(self.approver_a, notice).validate_tier()
        self.assertEqual(notice.state, "approved")
        self.assertEqual(notice.approved_by_id, self.approver_a)
        with self.at("2026-03-02 15:30"):
            notice.action_issue()
        self.assertEqual(dossier.state, "refused")
        self.assertEqual(dossier.refused_stage, "processing")
        self.assertEqual(dossier.timeliness, "early", "refused with reasons in time")
        self.assertEqual(
            dossier.log_ids.mapped("action")[-5:],
            [
                "notice_draft",
                "notice_submit",
                "notice_approve",
                "notice_issue",
                "refuse",
            ],
        )
        with self.assertRaises(UserError):
            notice.action_issue()

    def test_rejected_draft_goes_back_to_the_unit(self):
        dossier = self._received("2026-03-02 09:00")
        self._handoff(dossier, "2026-03-02 10:00")
        notice = self._notice(dossier, "stop")
        notice.action_submit()
        self.as_(self.approver_a, notice).reject_tier()
        self.assertEqual(notice.validation_status, "rejected")
        self.assertEqual(dossier.log_ids[-1].action, "notice_reject")
        with self.assertRaises(UserError):
            notice.action_submit()
        notice.action_redraft()
        notice.write({"reason": "Người nộp đề nghị dừng giải quyết."})
        notice.action_submit()
        self.assertEqual(notice.validation_status, "waiting")

    def test_apology_keeps_the_dossier_late(self):
        dossier = self._received("2026-03-02 09:00")  # due Thu 5 March 17:00
        self._to_result(dossier, ["2026-03-02 10:00"])
        with self.assertRaises(ValidationError):
            self._notice(
                dossier,
                "apology",
                new_appointment_at=utc("2026-03-05 10:00"),
                reason="Chờ xác minh",
            )
        with self.assertRaises(ValidationError):
            self._notice(dossier, "apology", reason="Chờ xác minh")
        with self.at("2026-03-05 14:00"):
            apology = self._notice(
                dossier,
                "apology",
                new_appointment_at=utc("2026-03-10 17:00"),
                reason="Phải xác minh thông tin tại cơ quan khác.",
            )
            apology.action_submit()
            self.as_(self.approver_a, apology).validate_tier()
            apology.action_issue()
        self.assertTrue(dossier.apologized)
        self.assertEqual(dossier.appointment_at, utc("2026-03-10 17:00"))
        self.assertEqual(dossier.due_at, utc("2026-03-05 17:00"), "legal due unchanged")
        self.assertFalse(apology.issued_after_due)
        self._to_result(dossier, ["2026-03-09 09:00", "2026-03-09 10:00"])
        self.assertEqual(
            dossier.timeliness, "late", "an apology does not cure lateness"
        )

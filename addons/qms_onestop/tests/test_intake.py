# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import HANDOVER, OnestopCase, utc


class TestIntake(OnestopCase):
    def test_receipt_gives_code_snapshot_and_appointment(self):
        dossier = self._draft()
        self.assertEqual(dossier.state, "draft")
        self.assertEqual(len(dossier.component_ids), 3, "components from the TTHC")
        self.assertEqual(dossier.fee_total, 50000)
        self.assertEqual(dossier.company_id, self.agency_a, "competent agency found")
        with self.at("2026-03-02 09:00"):
            dossier.action_receive()
        self.assertEqual(dossier.state, "in_progress")
        # <agency code>-<yymmdd>-<daily counter>
        self.assertEqual(dossier.name, "000.00.99.H99-260302-0001")
        self.assertEqual(dossier.procedure_version_id, self.version)
        self.assertEqual(dossier.received_by_id, self.desk_a)
        self.assertEqual(dossier.received_at, utc("2026-03-02 09:00"))
        # 3 working days counted from the next working day: Thursday 17:00.
        self.assertEqual(dossier.due_at, utc("2026-03-05 17:00"))
        self.assertEqual(dossier.appointment_at, dossier.due_at)
        self.assertTrue(dossier.applicant_partner_id)
        self.assertEqual(dossier.applicant_partner_id.company_id, self.agency_a)
        # The steps of the version became lines; the receiver holds the first.
        self.assertEqual(dossier.line_ids.mapped("name"), self.steps.mapped("name"))
        first = dossier.current_line_id
        self.assertEqual(first.step_id, self.steps[0])
        self.assertEqual(first.user_id, self.desk_a)
        self.assertEqual(first.due_at, utc("2026-03-02 11:00"))
        self.assertEqual(dossier.log_ids.mapped("action"), ["receive"])

        second = self._received("2026-03-02 15:00")
        self.assertEqual(second.name, "000.00.99.H99-260302-0002")
        third = self._received("2026-03-03 08:00")
        self.assertEqual(third.name, "000.00.99.H99-260303-0001", "daily reset")

        # A later version never changes a running dossier.
        v2 = self._effective_version(
            self.procedure, [("Một bước", self.desk_unit, 2, "hour")]
        )
        self.version.invalidate_recordset()
        self.assertEqual(self.procedure.effective_version_id, v2)
        self.assertEqual(dossier.procedure_version_id, self.version)
        self.assertEqual(len(dossier.line_ids), 4)
        fourth = self._received("2026-03-03 09:00")
        self.assertEqual(fourth.procedure_version_id, v2)

    def test_outside_hours_counts_from_next_opening(self):
        dossier = self._received("2026-03-06 19:30")  # Friday evening, online
        self.assertEqual(dossier.clock_start_at, utc("2026-03-09 07:30"))
        # Counted from Monday 07:30: due Thursday 12 March at closing.
        self.assertEqual(dossier.due_at, utc("2026-03-12 17:00"))

    def test_bad_intake_writes_nothing(self):
        # No procedure in effect at the competent agency.
        other = self.env["qms.tthc"].create(
            {
                "code": "9.999002",
                "name": "Thủ tục chưa có quy trình",
                "legal_deadline": 5,
            }
        )
        dossier = self._draft(tthc_id=other.id, tthc_case_id=other.case_ids.id)
        with self.at("2026-03-02 09:00"), self.assertRaises(UserError):
            dossier.action_receive()
        self.assertEqual(dossier.state, "draft")
        self.assertFalse(dossier.name)
        self.assertFalse(dossier.line_ids)

        # A mandatory component missing, without an explicit decision.
        dossier = self._draft()
        dossier.component_ids[1].provided = False
        with self.at("2026-03-02 09:00"), self.assertRaises(ValidationError):
            dossier.action_receive()
        dossier.accepted_incomplete = True
        with self.at("2026-03-02 09:00"), self.assertRaises(ValidationError):
            dossier.action_receive()  # no reason given
        self.assertEqual(dossier.state, "draft")
        dossier.incomplete_reason = "Người nộp cam kết bổ sung bản sao CCCD"
        with self.at("2026-03-02 09:00"):
            dossier.action_receive()
        self.assertEqual(dossier.state, "in_progress")

        # Only desk officers receive; a received dossier is frozen and kept.
        dossier2 = self._draft()
        with self.assertRaises(AccessError):
            self.as_(self.iso_a, dossier2).action_receive()
        with self.assertRaises(UserError):
            dossier.write({"applicant_name": "Người khác"})
        with self.assertRaises(UserError):
            dossier.component_ids[0].provided = False
        with self.assertRaises(UserError):
            dossier.unlink()
        with self.assertRaises(UserError):
            dossier.action_receive()

    def test_desk_guidance_and_refusal(self):
        dossier = self._draft()
        dossier.component_ids[1].provided = False
        action = dossier.action_guidance()
        self.assertEqual(action["context"]["default_stage"], "desk")
        slip = (
            self.env["qms.onestop.supplement"]
            .with_user(self.desk_a)
            .with_context(**action["context"])
            .create({"items": "Bổ sung bản sao giấy tờ tùy thân."})
        )
        self.assertEqual(slip.component_ids, dossier.component_ids[1])
        slip.action_issue()
        self.assertEqual(slip.state, "issued")
        self.assertEqual(dossier.state, "draft", "no clock before receipt")

        refusal = (
            self.env["qms.onestop.notice"]
            .with_user(self.desk_a)
            .create(
                {
                    "dossier_id": dossier.id,
                    "kind": "refusal",
                    "stage": "desk",
                    "reason": "Thủ tục không thuộc thẩm quyền giải quyết.",
                }
            )
        )
        with self.at("2026-03-02 10:00"):
            refusal.action_issue()
        self.assertEqual(dossier.state, "refused")
        self.assertEqual(dossier.refused_stage, "desk")
        self.assertTrue(dossier.name.startswith("000.00.99.H99-260302-"))
        self.assertFalse(dossier.timeliness, "a desk refusal is not a handled dossier")

    def test_routing_to_the_competent_agency(self):
        """Filed at agency B's desk for a procedure of agency A (Decree
        118/2025): B keeps it in its book and returns the result, A processes."""
        dossier = self._draft(user=self.desk_b, receiving_company_id=self.agency_b.id)
        self.assertEqual(dossier.company_id, self.agency_a)
        self.assertEqual(dossier.receiving_company_id, self.agency_b)
        with self.at("2026-03-02 09:00"):
            dossier.action_receive()
        self.assertTrue(dossier.name.startswith("000.00.98.H99-260302-"))
        self.assertEqual(dossier.current_line_id.user_id, self.desk_b)
        self.assertEqual(dossier.current_line_id.company_id, self.agency_b)
        self._handoff(dossier, "2026-03-02 10:00")
        self.assertIn(dossier.current_line_id.user_id, self.proc_a | self.proc2_a)
        self.assertEqual(dossier.current_line_id.company_id, self.agency_a)
        self._to_result(dossier, ["2026-03-03 09:00", "2026-03-03 11:00"])
        self.assertEqual(dossier.state, "result_ready")
        self.assertEqual(dossier.current_line_id.user_id, self.desk_b)
        with self.at("2026-03-03 14:00"):
            self.as_(self.desk_b, dossier).action_return_result(
                "Nguyễn Văn An", "desk", handover=HANDOVER
            )
        self.assertEqual(dossier.state, "returned")

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError, ValidationError

from .common import OnestopCase, utc


class TestTransfer(OnestopCase):
    """Agency A sends part of a dossier to agency B (same database): B settles
    it on its own 1-day procedure and share, A goes on when the result is back.
    Calendar: 07:30-11:30, 13:00-17:00 (8 working hours a day)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.office_b = cls.env["hr.department"].create(
            {"name": "Công an xã B", "company_id": cls.agency_b.id}
        )
        cls.proc_b = cls._officer(
            "proc_b", "group_onestop_processor", cls.agency_b, cls.office_b
        )
        cls.tthc_b = cls.env["qms.tthc"].create(
            {
                "code": "9.999002",
                "name": "Đăng ký thường trú (liên thông)",
                "legal_deadline": 2,
                "deadline_uom": "day",
                "company_ids": [(6, 0, cls.agency_b.ids)],
            }
        )
        procedure_b = cls.env["qms.procedure"].create(
            {
                "code": "QT-B-01",
                "name": "Quy trình đăng ký thường trú",
                "company_id": cls.agency_b.id,
                "tthc_case_id": cls.tthc_b.case_ids.id,
            }
        )
        cls._effective_version(
            procedure_b,
            [
                ("Tiếp nhận hồ sơ liên thông", cls.desk_b_unit, 1, "hour"),
                ("Giải quyết", cls.office_b, 4, "hour"),
                ("Trả kết quả về cơ quan gửi", cls.desk_b_unit, 1, "hour"),
            ],
        )

    def _sent(self, days=1.0, local="2026-03-02 10:00"):
        dossier = self._received("2026-03-02 09:00")
        dossier.component_ids[:1].attachment_ids = [
            (0, 0, {"name": "to-khai.pdf", "raw": b"%PDF-1.4 test"})
        ]
        self._handoff(dossier, "2026-03-02 09:30")
        transfer = (
            self.env["qms.onestop.transfer"]
            .with_user(dossier.current_line_id.user_id)
            .create(
                {
                    "dossier_id": dossier.id,
                    "to_company_id": self.agency_b.id,
                    "tthc_id": self.tthc_b.id,
                    "tthc_case_id": self.tthc_b.case_ids.id,
                    "allotted_days": days,
                    "request": "Đăng ký thường trú cho trẻ",
                }
            )
        )
        with self.at(local):
            transfer.action_send()
        return dossier, transfer, transfer.sudo().child_dossier_id

    def _settle_at_b(self, child, times):
        for local in times:
            user = child.current_line_id.user_id
            with self.at(local):
                self.env["qms.onestop.dossier"].with_user(user).browse(
                    child.id
                ).action_handoff(child.current_line_id.id)

    def test_send_process_and_return(self):
        dossier, transfer, child = self._sent()
        self.assertEqual(dossier.state, "waiting_interagency")
        self.assertEqual(transfer.state, "sent")
        self.assertTrue(transfer.name.startswith(dossier.name))
        # B has a dossier of its own: its code, its procedure, A's share of time.
        self.assertEqual(child.company_id, self.agency_b)
        self.assertEqual(child.receiving_company_id, self.agency_b)
        self.assertEqual(child.channel, "interagency")
        self.assertTrue(child.name.startswith("000.00.98.H99-260302-"))
        self.assertEqual(child.origin_code, dossier.name)
        self.assertEqual(child.due_at, utc("2026-03-03 17:00"))
        self.assertEqual(transfer.due_at, child.due_at)
        self.assertEqual(transfer.remote_code, child.name)
        self.assertEqual(child.current_line_id.user_id, self.desk_b)
        self.assertEqual(child.sudo().phone_raw, "0912345678")
        self.assertIn(
            "to-khai.pdf",
            child.env["ir.attachment"]
            .sudo()
            .search(
                [("res_model", "=", "qms.onestop.dossier"), ("res_id", "=", child.id)]
            )
            .mapped("name"),
        )
        # Each agency sees its own dossier; both see the transfer.
        self.assertFalse(
            self.env["qms.onestop.dossier"]
            .with_user(self.proc_a)
            .search([("name", "=", child.name)])
        )
        self.assertEqual(
            self.env["qms.onestop.dossier"]
            .with_user(self.desk_b)
            .search([("name", "=", child.name)]),
            child,
        )
        self.assertEqual(self.as_(self.desk_b, transfer).remote_code, child.name)
        # A cannot move the dossier while B has it.
        with self.assertRaises(UserError):
            self.as_(dossier.current_line_id.user_id, dossier).action_handoff(
                dossier.current_line_id.id
            )
        line_due = dossier.current_line_id.due_at
        # B settles its part: intake, then the result goes back to A by itself.
        self._settle_at_b(child, ["2026-03-02 13:00"])
        self.assertEqual(transfer.remote_step, "Giải quyết")
        child.sudo().result_number = "55/TT"
        self._settle_at_b(child, ["2026-03-02 16:30"])
        self.assertEqual(child.state, "returned")
        self.assertEqual(child.return_method, "interagency")
        self.assertEqual(child.returned_to, self.agency_a.name)
        self.assertEqual(child.timeliness, "early")
        self.assertEqual(transfer.state, "returned")
        self.assertEqual(transfer.result_number, "55/TT")
        self.assertEqual(transfer.timeliness, "early")
        # 10:00-11:30 and 13:00-16:30 at B: 5 working hours.
        self.assertAlmostEqual(transfer.spent_days, 0.62, places=2)
        self.assertEqual(dossier.state, "in_progress")
        self.assertEqual(dossier.pause_ids.reason, "interagency")
        self.assertEqual(dossier.pause_ids.end_at, utc("2026-03-02 16:30"))
        # The step that waited gets back the 5 hours.
        self.assertGreater(dossier.current_line_id.due_at, line_due)
        actions = dossier.log_ids.mapped("action")
        self.assertEqual(actions[-3:], ["handoff", "transfer_send", "transfer_result"])
        # A finishes: its processing time excludes the 5 hours spent at B.
        self._to_result(dossier, ["2026-03-03 08:00", "2026-03-03 09:30"])
        self.assertEqual(dossier.state, "result_ready")
        self.assertAlmostEqual(dossier.interagency_days, 0.62, places=2)
        # 09:00 Mon to 09:30 Tue = 8.5 working hours, minus 5 at B.
        self.assertAlmostEqual(dossier.processing_days, 0.44, places=2)
        # The national vocabulary while the part was away.
        Dossier = self.env["qms.onestop.dossier"]
        self.assertEqual(
            self.env["qms.onestop.status.map"]._qms_national_status(
                Dossier.new({"state": "waiting_interagency"})
            ),
            "interoperating",
        )

    def test_late_share_and_refusal_there(self):
        dossier, transfer, child = self._sent(days=0.5)
        self.assertEqual(child.due_at, utc("2026-03-02 15:30"))
        self._settle_at_b(child, ["2026-03-02 13:00"])
        with self.at("2026-03-02 16:00"):
            child.sudo()._qms_close(
                "refused",
                "Không đủ điều kiện đăng ký thường trú",
                "refuse",
                "processing",
            )
        self.assertEqual(transfer.state, "refused")
        self.assertEqual(transfer.timeliness, "late")
        self.assertIn("thường trú", transfer.result_note)
        self.assertEqual(dossier.state, "in_progress")
        self.assertIn("did not settle", dossier.log_ids[-1].note)
        # B's late share counts against B, in B's statistics.
        self.assertEqual(child.timeliness, "late")
        self.assertEqual(child.company_id, self.agency_b)

    def test_withdrawal_calls_the_part_back(self):
        dossier, transfer, child = self._sent()
        with self.at("2026-03-02 11:00"):
            self.as_(self.desk_a, dossier).action_withdraw("Người dân rút hồ sơ")
        self.assertEqual(dossier.state, "withdrawn")
        self.assertEqual(transfer.state, "cancelled")
        self.assertEqual(child.state, "withdrawn")
        self.assertIn("Called back", child.closing_reason)
        self.assertEqual(dossier.log_ids[-1].action, "transfer_cancel")

    def test_share_must_fit_and_checks(self):
        dossier = self._received("2026-03-02 09:00")
        self._handoff(dossier, "2026-03-02 09:30")
        officer = dossier.current_line_id.user_id
        Transfer = self.env["qms.onestop.transfer"].with_user(officer)
        values = {
            "dossier_id": dossier.id,
            "to_company_id": self.agency_b.id,
            "tthc_id": self.tthc_b.id,
            "tthc_case_id": self.tthc_b.case_ids.id,
            "allotted_days": 5,
            "request": "Đăng ký thường trú",
        }
        too_long = Transfer.create(values)
        with self.at("2026-03-02 10:00"), self.assertRaises(ValidationError):
            too_long.action_send()
        own = Transfer.create(
            dict(values, to_company_id=self.agency_a.id, allotted_days=1)
        )
        with self.at("2026-03-02 10:00"), self.assertRaises(ValidationError):
            own.action_send()
        # Only the officer of the current step (or a supervisor) sends it.
        other = Transfer.create(dict(values, allotted_days=1))
        with self.at("2026-03-02 10:00"), self.assertRaises(UserError):
            self.as_((self.proc_a | self.proc2_a) - officer, other).action_send()
        self.assertEqual(dossier.state, "in_progress")
        self.assertFalse(
            self.env["qms.onestop.dossier"]
            .sudo()
            .search([("company_id", "=", self.agency_b.id)])
        )
        with self.at("2026-03-02 10:00"):
            other.action_send()
        with self.assertRaises(UserError):
            other.write({"allotted_days": 2})

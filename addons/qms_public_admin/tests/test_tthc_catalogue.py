# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tools import mute_logger

from .common import QmsCase


class TestTthcCatalogue(QmsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sector = cls.env["qms.tthc.sector"].create(
            {"name": "Hộ tịch", "code": "HT-TEST"}
        )
        cls.civil_status_law = cls.env["qms.legal.document"].create(
            {"name": "960/2014/QH13", "title": "Luật Hộ tịch", "doc_type": "law"}
        )

    def _tthc(self, **values):
        base = {
            "code": "9.999001",
            "name": "Đăng ký nhận cha, mẹ, con",
            "sector_id": self.sector.id,
            "legal_deadline": 3,
            "legal_basis_ids": [(6, 0, self.civil_status_law.ids)],
        }
        base.update(values)
        return self.env["qms.tthc"].create(base)

    def test_one_case_stays_simple(self):
        tthc = self._tthc()
        self.assertEqual(len(tthc.case_ids), 1)
        self.assertEqual(tthc.case_ids.legal_deadline, 3)
        self.assertEqual(tthc.legal_deadline, 3)
        self.assertEqual(tthc.deadline_uom, "day")
        tthc.legal_deadline = 5
        self.assertEqual(tthc.case_ids.legal_deadline, 5)
        self.assertEqual(tthc.display_name, "[9.999001] Đăng ký nhận cha, mẹ, con")

    def test_cases_have_their_own_deadline(self):
        tthc = self._tthc(
            code="9.999002",
            name="Đăng ký kết hôn",
            legal_deadline=0,
            is_same_day=True,
        )
        tthc.write(
            {
                "case_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Cần xác minh",
                            "legal_deadline": 5,
                            "deadline_uom": "day",
                        },
                    )
                ]
            }
        )
        same_day, verify = tthc.case_ids.sorted("id")
        self.assertTrue(same_day.is_same_day)
        self.assertEqual(verify.legal_deadline, 5)
        # The case gives the arguments of the working-day engine.
        received = datetime(2026, 11, 23, 2, 0)  # 09:00 in Hà Nội
        due = self.agency_a.qms_deadline(received, *verify.qms_deadline_args())
        self.assertEqual(due, datetime(2026, 12, 1, 10, 0))  # 24 Nov is off
        self.assertEqual(
            self.agency_a.qms_deadline(received, *same_day.qms_deadline_args()),
            datetime(2026, 11, 23, 10, 0),
        )

    def test_components_and_fees_per_case(self):
        tthc = self._tthc(code="9.999003")
        case = tthc.case_ids
        tthc.write(
            {
                "component_ids": [
                    (0, 0, {"name": "Tờ khai", "paper_kind": "original"}),
                    (
                        0,
                        0,
                        {
                            "name": "Giấy tờ chứng minh quan hệ",
                            "paper_kind": "certified_copy",
                            "requirement": "conditional",
                            "condition": "Khi có",
                            "case_id": case.id,
                        },
                    ),
                ],
                "fee_ids": [(0, 0, {"name": "Lệ phí hộ tịch", "amount": 15000})],
            }
        )
        self.assertEqual(len(tthc.component_ids), 2)
        self.assertEqual(case.component_ids.name, "Giấy tờ chứng minh quan hệ")
        self.assertEqual(tthc.fee_ids.currency_id, self.env.ref("base.VND"))

    def test_bad_input(self):
        with self.assertRaisesRegex(ValidationError, "has no legal deadline"):
            self.env["qms.tthc"].create({"code": "9.999010", "name": "Không thời hạn"})
        with self.assertRaisesRegex(ValidationError, "has no legal deadline"):
            self._tthc(code="9.999011", legal_deadline=0)
        with self.assertRaises(ValidationError):
            self._tthc(code="9.999012", legal_deadline=-2)
        tthc = self._tthc(code="9.999013")
        with self.assertRaises(ValidationError):
            tthc.write({"component_ids": [(0, 0, {"name": "Tờ khai", "copies": 0})]})
        with self.assertRaises(ValidationError):
            tthc.write(
                {
                    "component_ids": [
                        (0, 0, {"name": "Giấy tờ", "requirement": "conditional"})
                    ]
                }
            )
        with self.assertRaises(ValidationError):
            tthc.write({"fee_ids": [(0, 0, {"name": "Phí", "amount": -1})]})
        other = self._tthc(code="9.999014")
        with self.assertRaises(ValidationError):
            tthc.write(
                {
                    "fee_ids": [
                        (
                            0,
                            0,
                            {"name": "Phí", "amount": 1, "case_id": other.case_ids.id},
                        )
                    ]
                }
            )
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self._tthc(code="9.999013")

    def test_catalogue_is_shared_and_read_only_for_officers(self):
        tthc = self._tthc(code="9.999020", company_ids=[(6, 0, self.agency_b.ids)])
        # Public catalogue: an officer of another agency reads it, cannot edit it.
        self.assertEqual(tthc.with_user(self.iso_a).name, tthc.name)
        with self.assertRaises(AccessError):
            tthc.with_user(self.iso_a).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.env["qms.tthc"].with_user(self.inspector).create(
                {"code": "9.999021", "name": "x", "legal_deadline": 1}
            )

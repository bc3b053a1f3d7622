# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io

import openpyxl

from odoo.exceptions import UserError

from .common import QmsCase

CSV = "\n".join(
    [
        "Mã thủ tục;Tên thủ tục;Lĩnh vực;Cấp thực hiện;Thời hạn giải quyết;"
        "Căn cứ pháp lý;Mức độ DVC",
        "9.777001;Thủ tục đăng ký khai sinh;Hộ tịch (thử);Cấp Xã;Trong ngày;"
        "Luật Hộ tịch 60/2014/QH13;Toàn trình",
        "9.777002;Thủ tục đăng ký nhận cha, mẹ, con;Hộ tịch (thử);Cấp Xã;"
        "03 ngày làm việc;Nghị định 123/2015/NĐ-CP;Một phần",
        "",
    ]
)


class TestTthcImport(QmsCase):
    def _import(self, content, filename="tthc.csv"):
        wizard = self.env["qms.tthc.import"].create(
            {"file": base64.b64encode(content), "filename": filename}
        )
        wizard.action_import()
        return wizard

    def test_import_is_idempotent(self):
        wizard = self._import(CSV.encode())
        self.assertEqual((wizard.created_count, wizard.updated_count), (2, 0))
        birth = self.env["qms.tthc"].search([("code", "=", "9.777001")])
        self.assertTrue(birth.is_same_day)
        self.assertEqual(birth.online_level, "full")
        self.assertEqual(birth.level_ids.code, "commune")
        self.assertEqual(birth.sector_id.name, "Hộ tịch (thử)")
        self.assertIn("60/2014/QH13", birth.legal_basis_ids.mapped("name"))
        parent = self.env["qms.tthc"].search([("code", "=", "9.777002")])
        self.assertEqual((parent.legal_deadline, parent.deadline_uom), (3, "day"))
        # Re-import with a changed name and deadline: updated, not duplicated.
        again = self._import(
            CSV.replace("03 ngày làm việc", "05 ngày làm việc")
            .replace("nhận cha, mẹ, con", "nhận cha, mẹ, con (sửa)")
            .encode()
        )
        self.assertEqual((again.created_count, again.updated_count), (0, 2))
        self.assertEqual(
            self.env["qms.tthc"].search_count([("code", "like", "9.7770")]), 2
        )
        self.assertEqual(parent.legal_deadline, 5)
        self.assertTrue(parent.name.endswith("(sửa)"))
        self.assertEqual(len(parent.case_ids), 1)
        self.assertEqual(
            self.env["qms.legal.document"].search_count(
                [("name", "=", "60/2014/QH13")]
            ),
            1,
        )

    def test_bad_rows_write_nothing(self):
        bad = CSV + "9.77700;Sai mã;;;3 ngày;;\n9.777003;Không rõ thời hạn;;;tùy;;\n"
        with self.assertRaises(UserError) as error:
            self._import(bad.encode())
        message = str(error.exception)
        self.assertIn("Row 4", message)
        self.assertIn("Row 5", message)
        self.assertIn("cannot be read", message)
        self.assertFalse(self.env["qms.tthc"].search([("code", "like", "9.7770")]))
        with self.assertRaises(UserError):
            self._import("Tên thủ tục\nA\n".encode())
        with self.assertRaises(UserError):
            self._import(b"\xff\xfe\x00bad", "x.csv")

    def test_import_xlsx(self):
        book = openpyxl.Workbook()
        sheet = book.active
        for line in CSV.strip().splitlines():
            sheet.append(line.split(";"))
        buffer = io.BytesIO()
        book.save(buffer)
        wizard = self._import(buffer.getvalue(), "tthc.xlsx")
        self.assertEqual(wizard.created_count, 2)

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from datetime import date, timedelta

import openpyxl
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import QmsSystemCase


class TestQmsSetup(QmsSystemCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Procedure = cls.env["qms.procedure"]
        cls.procedures = Procedure
        for code in ("QT-01", "QT-02", "QT-03"):
            procedure = Procedure.create(
                {
                    "code": code,
                    "name": f"Quy trình {code}",
                    "company_id": cls.agency_a.id,
                }
            )
            cls._make_effective(procedure)
            cls.procedures |= procedure

    @classmethod
    def _make_effective(cls, procedure):
        version = cls.env["qms.procedure.version"].create(
            {"procedure_id": procedure.id}
        )
        version._qms_transition({"state": "effective"})

    def test_one_system_per_agency(self):
        with self.assertRaisesRegex(ValidationError, "already has"):
            self.env["mgmtsystem.system"].create(
                {"name": "Thứ hai", "company_id": self.agency_a.id}
            )

    def test_steering_committee_history(self):
        Committee = self.env["qms.steering.committee"].with_user(self.iso_a)
        first = Committee.create(
            {
                "system_id": self.system_a.id,
                "decision_number": "12/QĐ-UBND",
                "decision_date": date(2024, 3, 1),
                "valid_from": date(2024, 3, 1),
                "member_ids": [
                    (0, 0, {"user_id": self.qmr_a.id, "role": "deputy"}),
                    (0, 0, {"name": "Nguyễn Văn Thư", "role": "secretary"}),
                ],
            }
        )
        with self.assertRaisesRegex(UserError, "head"):
            first.action_activate()
        first.write(
            {"member_ids": [(0, 0, {"user_id": self.head_a.id, "role": "head"})]}
        )
        first.action_activate()
        self.assertEqual(self.system_a.qms_committee_id, first)
        self.assertEqual(
            first.member_ids.filtered(lambda m: m.role == "deputy").name,
            self.qmr_a.name,
        )
        # In office: the decision and the members are fixed.
        with self.assertRaises(UserError):
            first.write({"decision_number": "13/QĐ-UBND"})
        with self.assertRaises(UserError):
            first.member_ids[0].write({"role": "member"})
        # A new decision copies the members; taking office retires the old one.
        second = Committee.browse(
            self.system_a.with_user(self.iso_a).action_new_committee()["res_id"]
        )
        self.assertEqual(second.state, "draft")
        self.assertEqual(len(second.member_ids), 3)
        with self.assertRaisesRegex(UserError, "number and date"):
            second.action_activate()
        second.write(
            {
                "decision_number": "88/QĐ-UBND",
                "decision_date": date(2026, 7, 1),
                "valid_from": date(2026, 7, 1),
            }
        )
        second.action_activate()
        self.assertEqual(first.state, "superseded")
        self.assertEqual(first.valid_to, date(2026, 6, 30))
        self.assertEqual(self.system_a.qms_committee_id, second)
        with self.assertRaises(UserError):
            first.unlink()

    def test_announcement_and_scope_change(self):
        self.assertEqual(self.system_a.qms_announcement_status, "none")
        action = self.system_a.with_user(self.iso_a).action_new_announcement()
        announcement = self.env["qms.announcement"].browse(action["res_id"])
        self.assertEqual(announcement.announcement_type, "initial")
        self.assertEqual(announcement.procedure_ids, self.procedures)
        self.assertEqual(announcement.signed_by_id, self.head_a)
        self.assertEqual(self.system_a.qms_announcement_status, "draft")
        with self.assertRaisesRegex(UserError, "decision number"):
            announcement.with_user(self.qmr_a).action_announce()
        announcement.with_user(self.iso_a).write(
            {"name": "25/QĐ-UBND", "date": date(2026, 2, 1)}
        )
        announcement.with_user(self.qmr_a).action_announce()
        self.assertEqual(self.system_a.qms_announcement_status, "announced")
        # Frozen, except the report to DOST.
        with self.assertRaises(UserError):
            announcement.with_user(self.qmr_a).write({"name": "26/QĐ-UBND"})
        with self.assertRaises(UserError):
            announcement.with_user(self.qmr_a).write({"state": "draft"})
        announcement.with_user(self.iso_a).action_report_dost()
        self.assertEqual(announcement.dost_reported_on, announcement._qms_today())
        # A new procedure in effect changes the scope: re-announce.
        new = self.env["qms.procedure"].create(
            {"code": "QT-04", "name": "Chứng thực", "company_id": self.agency_a.id}
        )
        self._make_effective(new)
        self.system_a.invalidate_recordset()
        self.assertEqual(self.system_a.qms_announcement_status, "re_announce")
        self.assertEqual(self.system_a.qms_scope_added_ids, new)
        status = self.env["qms.agency.status"].search(
            [("company_id", "=", self.agency_a.id)]
        )
        self.assertEqual(status.announcement_status, "re_announce")
        self.assertTrue(status.dost_reported)
        again = self.env["qms.announcement"].browse(
            self.system_a.action_new_announcement()["res_id"]
        )
        self.assertEqual(again.announcement_type, "re_announce")
        again.write(
            {"name": "70/QĐ-UBND", "date": date(2026, 9, 1), "reason": "Thêm QT-04"}
        )
        again.with_user(self.qmr_a).action_announce()
        self.assertEqual(announcement.state, "superseded")
        self.assertEqual(again.previous_id, announcement)
        self.system_a.invalidate_recordset()
        self.assertEqual(self.system_a.qms_announcement_status, "announced")
        status.invalidate_recordset()
        self.assertEqual(status.announcement_status, "announced")
        self.assertEqual(status.procedure_count, 4)
        # Other agencies do not see it.
        with self.assertRaises(AccessError):
            again.with_user(self.iso_b).read(["name"])

    def test_dashboard_across_agencies(self):
        action = self._action(date_deadline=date.today() + timedelta(days=2))
        action.action_qms_open()
        action.sudo().date_deadline = date.today() - timedelta(days=4)
        self._action().action_qms_open()
        Status = self.env["qms.agency.status"]
        row = Status.search([("company_id", "=", self.agency_a.id)])
        self.assertEqual(row.open_action_count, 2)
        self.assertEqual(row.overdue_action_count, 1)
        self.assertEqual(row.announcement_status, "none")
        self.assertFalse(row.last_review_date)
        self.assertFalse(row.last_audit_date)
        # The inspector sees both agencies; an agency only itself.
        seen = Status.with_user(self.inspector).search([]).company_id
        self.assertTrue((self.agency_a | self.agency_b) <= seen)
        self.assertEqual(
            Status.with_user(self.iso_b).search([]).company_id, self.agency_b
        )

    def test_annual_report(self):
        announcement = self.env["qms.announcement"].browse(
            self.system_a.action_new_announcement()["res_id"]
        )
        announcement.write({"name": "25/QĐ-UBND", "date": date(2026, 2, 1)})
        announcement.action_announce()
        self._action(type_action="improvement").action_qms_open()
        Report = self.env["qms.dost.report"].with_user(self.iso_a)
        report = Report.create({"company_id": self.agency_a.id, "year": 2026})
        self.assertEqual(report.due_date, date(2026, 12, 15))
        self.assertEqual(report.signed_by_id, self.head_a)
        with self.assertRaisesRegex(UserError, "Generate"):
            report.with_user(self.qmr_a).action_submit()
        report.action_generate()
        figures = {(x.section, x.name): x.value for x in report.line_ids}
        self.assertEqual(
            figures[("announcement", "Procedures in the announced scope")], "3"
        )
        self.assertEqual(figures[("documents", "ISO procedures in effect")], "3")
        self.assertEqual(figures[("actions", "Actions opened in the year")], "1")
        self.assertEqual(figures[("reviews", "Management reviews held")], "0")
        report.difficulties = "<p>Cán bộ ISO kiêm nhiệm.</p>"
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.iso_a)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("qms_public_admin.action_report_dost_report", report.ids)
        )
        self.assertTrue(pdf.startswith(b"%PDF"))
        xlsx, kind = (
            self.env["ir.actions.report"]
            .with_user(self.iso_a)
            ._render("qms_public_admin.action_report_dost_report_xlsx", report.ids)
        )
        self.assertEqual(kind, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).active
        rows = [tuple(c.value for c in row) for row in sheet.iter_rows(min_row=6)]
        self.assertIn("ISO procedures in effect", [r[2] for r in rows])
        self.assertEqual(len(rows), len(report.line_ids))
        report.with_user(self.qmr_a).action_submit()
        self.assertEqual(report.state, "submitted")
        with self.assertRaises(UserError):
            report.write({"difficulties": "<p>khác</p>"})
        with self.assertRaises(UserError):
            report.action_generate()
        report.write({"dispatch_number": "145/UBND-VP"})
        with self.assertRaises(UserError):
            report.line_ids[0].unlink()
        row = self.env["qms.agency.status"].search(
            [("company_id", "=", self.agency_a.id)]
        )
        self.assertEqual(row.last_report_year, 2026)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                Report.create({"company_id": self.agency_a.id, "year": 2026})

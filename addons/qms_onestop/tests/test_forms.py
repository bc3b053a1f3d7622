# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import subprocess
from datetime import date

from odoo.exceptions import ValidationError
from odoo.tools import mute_logger

from .common import OnestopCase


def pdf_text(pdf):
    try:
        result = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-layout", "-", "-"],
            input=pdf,
            capture_output=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):  # poppler missing
        return None
    return result.stdout.decode()


class TestForms(OnestopCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Slips are rendered as agencies print them: in Vietnamese.
        cls.env["res.lang"]._activate_lang("vi_VN")

    def _render(self, xmlid, records, user=None):
        report = self.env["ir.actions.report"].with_user(user or self.desk_a)
        with mute_logger("odoo.addons.base.models.ir_actions_report"):
            content, kind = report.with_context(
                force_report_rendering=True, lang="vi_VN"
            )._render(xmlid, records.ids)
        return content, kind

    def test_form_sets_follow_the_receipt_date(self):
        Form = self.env["qms.onestop.form.template"]
        old = Form._qms_form_for("apology", date(2025, 3, 10))
        new = Form._qms_form_for("apology", date(2026, 3, 10))
        self.assertEqual(old, self.env.ref("qms_onestop.form_2018_apology"))
        self.assertEqual(old.legal_document_id.name, "01/2018/TT-VPCP")
        self.assertEqual(new, self.env.ref("qms_onestop.form_2025_apology"))
        self.assertIn("gia hạn", new.name)
        # The 2018 set had no stop notice: today's form serves.
        self.assertEqual(
            Form._qms_form_for("stop", date(2025, 3, 10), date(2026, 3, 10)),
            self.env.ref("qms_onestop.form_2025_stop"),
        )
        with self.assertRaises(ValidationError):
            Form.create(
                {
                    "code": "receipt",
                    "template_no": "Mẫu số 01",
                    "name": "Giấy tiếp nhận (trùng thời gian)",
                    "legal_document_id": new.legal_document_id.id,
                    "valid_from": date(2026, 1, 1),
                }
            )

    def test_procedure_forms_refer_to_the_slips_in_force(self):
        """An ISO procedure picks the one-stop slips from the official set: a
        slip of the replaced 2018 set, or an attached copy, is listed."""
        action = self.procedure.action_new_draft()
        draft = self.env["qms.procedure.version"].browse(action["res_id"])
        Form = self.env["qms.procedure.form"]
        current = Form.create(
            {
                "version_id": draft.id,
                "name": "Giấy tiếp nhận",
                "source": "slip",
                "slip_template_id": self.env.ref("qms_onestop.form_2025_receipt").id,
            }
        )
        old = Form.create(
            {
                "version_id": draft.id,
                "name": "Giấy tiếp nhận (mẫu cũ)",
                "source": "slip",
                "slip_template_id": self.env.ref("qms_onestop.form_2018_receipt").id,
            }
        )
        copy = Form.create(
            {
                "version_id": draft.id,
                "name": "Phiếu kiểm soát (bản chụp)",
                "source": "slip",
                "slip_template_id": self.env.ref(
                    "qms_onestop.form_2025_control_sheet"
                ).id,
                "file": base64.b64encode(b"%PDF scanned copy"),
            }
        )
        self.assertFalse(current.differs)
        self.assertEqual(old.difference, "The slip chosen is no longer in force")
        self.assertIn("printed by the system", copy.difference)
        self.assertTrue(draft.forms_differ)
        self.assertIn(
            ("slip", "One-stop slip"),
            Form._fields["source"]._description_selection(self.env),
        )

    def test_every_slip_renders(self):
        dossier = self._received()
        content, kind = self._render("qms_onestop.action_report_receipt", dossier)
        self.assertEqual(kind, "pdf")
        text = pdf_text(content)
        if text is not None:
            self.assertIn(dossier.name, text)
            self.assertIn("Mẫu số 01", text)
            self.assertIn("038090001234", text, "the desk prints the full data")
        self._handoff(dossier, "2026-03-02 10:00")
        officer = dossier.current_line_id.user_id
        slip = (
            self.env["qms.onestop.supplement"]
            .with_user(officer)
            .create({"dossier_id": dossier.id, "items": "Bổ sung tờ khai có chữ ký."})
        )
        with self.at("2026-03-02 14:00"):
            slip.action_issue()
        content, _kind = self._render(
            "qms_onestop.action_report_supplement", slip, officer
        )
        text = pdf_text(content)
        if text is not None:
            self.assertIn("Bổ sung tờ khai có chữ ký.", text)
        with self.at("2026-03-03 09:00"):
            self.as_(self.desk_a, slip).action_supplied()
        for kind in ("apology", "refusal", "stop"):
            notice = (
                self.env["qms.onestop.notice"]
                .with_user(officer)
                .create(
                    {
                        "dossier_id": dossier.id,
                        "kind": kind,
                        "reason": f"Lý do {kind}",
                        "new_appointment_at": "2026-03-12 10:00:00"
                        if kind == "apology"
                        else False,
                    }
                )
            )
            content, _kind = self._render(
                f"qms_onestop.action_report_{kind}", notice, officer
            )
            text = pdf_text(content)
            if text is not None:
                self.assertIn(notice._qms_form().template_no, text)
                self.assertIn(f"Lý do {kind}", text)
        content, _kind = self._render(
            "qms_onestop.action_report_control_sheet", dossier
        )
        text = pdf_text(content)
        if text is not None:
            self.assertIn("Desk A", text)
        book = (
            self.env["qms.onestop.book.wizard"]
            .with_user(self.desk_a)
            .create({"date_from": date(2026, 3, 1), "date_to": date(2026, 3, 31)})
        )
        self.assertEqual(len(book._qms_book_rows()), 1)
        content, _kind = self._render("qms_onestop.action_report_tracking_book", book)
        self.assertTrue(content.startswith(b"%PDF"))
        content, kind = self._render(
            "qms_onestop.action_report_tracking_book_xlsx", book
        )
        self.assertEqual(kind, "xlsx")
        self.assertTrue(io.BytesIO(content).read(2) == b"PK")

    def test_slips_are_dated_in_the_agency_s_time(self):
        """A slip issued at 06:30 on 3 March, agency time (23:30 on 2 March in
        UTC), is dated 3 March."""
        dossier = self._received()
        self._handoff(dossier, "2026-03-02 10:00")
        officer = dossier.current_line_id.user_id
        slip = (
            self.env["qms.onestop.supplement"]
            .with_user(officer)
            .create({"dossier_id": dossier.id, "items": "Bổ sung bản sao."})
        )
        with self.at("2026-03-03 06:30"):
            slip.action_issue()
        self.assertEqual(slip.requested_at.day, 2, "stored in UTC")
        html = (
            self.env["ir.actions.report"]
            .with_user(officer)
            ._render_qweb_html("qms_onestop.action_report_supplement", slip.ids)[0]
            .decode()
        )
        self.assertIn("Ngày 03 tháng 03 năm 2026", html)
        self.assertNotIn("Ngày 02 tháng 03 năm 2026", html)
        self.assertEqual(slip.display_name, f"Supplementation Request - {dossier.name}")

    def test_the_receipt_is_logged_in_vietnamese(self):
        """The process control sheet is an official record: its receipt line
        is Vietnamese, with the agency's local time, whoever receives (here an
        English-speaking officer, before the field translations are loaded)."""
        dossier = self._received("2026-03-02 09:00")
        note = dossier.log_ids.filtered(lambda log: log.action == "receive").note
        self.assertIn("Tiếp nhận tại", note)
        self.assertIn("Trực tiếp tại bộ phận một cửa", note)
        self.assertNotIn("In Person", note)
        self.assertIn("/03/2026", note)

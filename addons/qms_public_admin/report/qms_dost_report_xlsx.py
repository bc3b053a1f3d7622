# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class QmsDostReportXlsx(models.AbstractModel):
    """The annual report to DOST as a spreadsheet (report_xlsx): one sheet per
    report, so a DOST officer can paste agencies' figures side by side."""

    _name = "report.qms_public_admin.dost_report_xlsx"
    _description = "Annual QMS Report (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, reports):
        title = workbook.add_format({"bold": True, "font_size": 14})
        bold = workbook.add_format({"bold": True})
        header = workbook.add_format(
            {"bold": True, "border": 1, "bg_color": "#D9E1F2", "text_wrap": True}
        )
        cell = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        for report in reports.with_context(lang=self.env.user.lang):
            sheet = workbook.add_worksheet(
                f"{report.year} {report.company_id.name}"[:31]
            )
            sheet.set_column(0, 0, 6)
            sheet.set_column(1, 1, 34)
            sheet.set_column(2, 2, 50)
            sheet.set_column(3, 3, 20)
            sheet.set_column(4, 4, 36)
            sheet.write(0, 0, report.company_id.name, bold)
            sheet.write(
                1,
                0,
                self.env._(
                    "ANNUAL REPORT ON THE QUALITY MANAGEMENT SYSTEM, YEAR %(year)s",
                    year=report.year,
                ),
                title,
            )
            sheet.write(2, 0, self.env._("To: %(to)s", to=report.addressee or ""))
            labels = [
                self.env._("No."),
                self.env._("Section"),
                self.env._("Item"),
                self.env._("Figure"),
                self.env._("Note"),
            ]
            for col, label in enumerate(labels):
                sheet.write(4, col, label, header)
            sections = dict(
                report.line_ids._fields["section"]._description_selection(self.env)
            )
            for row, line in enumerate(report.line_ids, start=5):
                values = [
                    row - 4,
                    sections.get(line.section, ""),
                    line.name,
                    line.value,
                    line.note,
                ]
                for col, value in enumerate(values):
                    sheet.write(row, col, value, cell)

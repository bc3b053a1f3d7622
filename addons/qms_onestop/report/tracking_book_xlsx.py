# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class TrackingBookXlsx(models.AbstractModel):
    """The tracking book (form 06/07) as a spreadsheet."""

    _name = "report.qms_onestop.tracking_book_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Dossier Tracking Book (XLSX)"

    def generate_xlsx_report(self, workbook, data, wizards):
        for wizard in wizards:
            rows = wizard._qms_book_rows()
            sheet = workbook.add_worksheet(wizard.company_id.name[:31])
            bold = workbook.add_format({"bold": True, "text_wrap": True, "border": 1})
            cell = workbook.add_format({"text_wrap": True, "border": 1})
            form = wizard._qms_form()
            sheet.write(0, 0, f"{form.template_no} - {form.name}", bold)
            sheet.write(1, 0, wizard._qms_period_label())
            headers = wizard._qms_book_headers()
            for col, title in enumerate(headers):
                sheet.write(3, col, title, bold)
                sheet.set_column(col, col, 18)
            for r, row in enumerate(rows, start=4):
                for col, value in enumerate(row):
                    sheet.write(r, col, value, cell)

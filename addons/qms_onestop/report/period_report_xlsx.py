# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class PeriodReportXlsx(models.AbstractModel):
    """The periodic report on procedure handling as a spreadsheet, with the
    same rows and the columns of the form in force."""

    _name = "report.qms_onestop.period_report_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Periodic Report on Procedure Handling (XLSX)"

    def generate_xlsx_report(self, workbook, data, wizards):
        for wizard in wizards:
            figures = wizard._qms_figures()
            columns = figures["columns"]
            sheet = workbook.add_worksheet(wizard._qms_title()[:31])
            bold = workbook.add_format({"bold": True, "text_wrap": True, "border": 1})
            head = workbook.add_format(
                {"bold": True, "text_wrap": True, "border": 1, "align": "center"}
            )
            cell = workbook.add_format({"text_wrap": True, "border": 1})
            sheet.write(0, 0, f"{wizard.form_id.code} - {wizard.form_id.name}", bold)
            sheet.write(1, 0, wizard._qms_title())
            sheet.write(2, 0, ", ".join(wizard.company_ids.mapped("name")))
            sheet.set_column(0, 0, 48)
            sheet.write(4, 0, wizard.env._("Sector, procedure"), head)
            for col, column in enumerate(columns, start=1):
                title = " - ".join(p for p in (column["group"], column["name"]) if p)
                sheet.write(4, col, title, head)
                sheet.set_column(col, col, 12)
            row = 5

            def line(label, values, style, sheet=sheet, columns=columns):
                nonlocal row
                sheet.write(row, 0, label, style)
                for col, column in enumerate(columns, start=1):
                    sheet.write_number(row, col, values[column["figure"]], style)
                row += 1

            for sector in figures["sectors"]:
                line(sector["name"], sector["figures"], bold)
                for proc in sector["procedures"]:
                    line(f"    {proc['name']}", proc["figures"], cell)
            line(wizard.env._("Total"), figures["total"], bold)
            if figures["agencies"]:
                row += 1
                sheet.write(row, 0, wizard.env._("By agency"), bold)
                row += 1
                for agency in figures["agencies"]:
                    line(agency["name"], agency["figures"], cell)
            row += 1
            sheet.write(row, 0, wizard.env._("Reasons for lateness"), bold)
            for reason, count in figures["late_reasons"]:
                row += 1
                sheet.write(row, 0, reason, cell)
                sheet.write_number(row, 1, count, cell)

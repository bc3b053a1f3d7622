# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class QmsDocumentMasterListXlsx(models.AbstractModel):
    """The master list of documents as a spreadsheet (report_xlsx)."""

    _name = "report.qms_public_admin.document_master_list_xlsx"
    _description = "Master List of Documents (XLSX)"
    _inherit = "report.report_xlsx.abstract"

    def generate_xlsx_report(self, workbook, data, wizards):
        title = workbook.add_format({"bold": True, "font_size": 14})
        header = workbook.add_format(
            {"bold": True, "border": 1, "bg_color": "#D9E1F2", "text_wrap": True}
        )
        cell = workbook.add_format({"border": 1, "text_wrap": True, "valign": "top"})
        date = workbook.add_format(
            {"border": 1, "num_format": "dd/mm/yyyy", "valign": "top"}
        )
        columns = [
            (self.env._("No."), 6),
            (self.env._("Type"), 18),
            (self.env._("Code"), 14),
            (self.env._("Title"), 50),
            (self.env._("Version"), 9),
            (self.env._("Published On"), 13),
            (self.env._("Owner Unit"), 28),
            (self.env._("Approved By"), 22),
            (self.env._("Status"), 12),
            (self.env._("Next Review"), 13),
        ]
        for wizard in wizards.with_context(lang=self.env.user.lang):
            sheet = workbook.add_worksheet(
                (wizard.unit_id.name or wizard.company_id.name)[:31]
            )
            sheet.write(0, 0, self.env._("MASTER LIST OF DOCUMENTS"), title)
            sheet.write(1, 0, wizard.company_id.name)
            if wizard.unit_id:
                sheet.write(2, 0, wizard.unit_id.name)
            for col, (label, width) in enumerate(columns):
                sheet.set_column(col, col, width)
                sheet.write(4, col, label, header)
            for row, line in enumerate(wizard._rows(), start=5):
                values = [
                    row - 4,
                    line["type"],
                    line["code"],
                    line["name"],
                    line["version"],
                    line["date"],
                    line["unit"],
                    line["approved_by"],
                    line["state"],
                    line["next_review"],
                ]
                for col, value in enumerate(values):
                    if col in (5, 9):
                        if value:
                            sheet.write_datetime(row, col, value, date)
                        else:
                            sheet.write_blank(row, col, None, cell)
                    else:
                        sheet.write(row, col, value, cell)

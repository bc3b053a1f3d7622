# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import csv
import io

from odoo import fields, models
from odoo.exceptions import UserError

from ..lib import tthc_import


class QmsTthcImport(models.TransientModel):
    """Import the procedure catalogue from a national-database export (CSV/XLSX).

    Idempotent by procedure code: a re-import updates, never duplicates. Every row
    is checked first; when any row is bad, nothing is written and the error lists
    each bad row.
    """

    _name = "qms.tthc.import"
    _description = "Import Administrative Procedures"

    file = fields.Binary(required=True)
    filename = fields.Char()
    created_count = fields.Integer(readonly=True)
    updated_count = fields.Integer(readonly=True)

    def _rows(self):
        data = base64.b64decode(self.file or b"")
        if (self.filename or "").lower().endswith(".xlsx"):
            try:
                import openpyxl
            except ImportError as exc:  # pragma: no cover - Odoo requires openpyxl
                raise UserError(self.env._("Reading XLSX needs openpyxl.")) from exc
            try:
                book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
            except Exception as exc:
                raise UserError(
                    self.env._("This file is not a readable XLSX workbook.")
                ) from exc
            sheet = book.worksheets[0]
            return [
                ["" if c is None else c for c in row]
                for row in sheet.iter_rows(values_only=True)
            ]
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise UserError(self.env._("A CSV file must be encoded in UTF-8.")) from exc
        first_line = text.split("\n", 1)[0]
        delimiter = max(",;\t", key=first_line.count)
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))

    def action_import(self):
        self.ensure_one()
        values, errors = tthc_import.parse_rows(self._rows())
        if errors:
            lines = [
                self.env._(
                    "Row %(row)s: %(error)s", row=row, error=self._message(error)
                )
                for row, error in errors
            ]
            raise UserError(
                self.env._(
                    "Nothing was imported. Correct these rows and import again:\n%s",
                    "\n".join(lines),
                )
            )
        rows = [row for _number, row in values]
        param = self.env["ir.config_parameter"].sudo().get_param
        chunk = max(1, int(param("qms_public_admin.import_chunk_rows", "200")))
        if len(rows) > chunk:
            return self._qms_import_in_background(rows, chunk)
        created, updated = self.env["qms.catalogue.sync"]._qms_import_rows(rows)
        self.write({"created_count": created, "updated_count": updated})
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(created)s procedure(s) created, %(updated)s updated.",
                    created=created,
                    updated=updated,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _qms_import_in_background(self, rows, chunk):
        """A large catalogue: imported in parts of ``chunk`` rows by the job
        queue; the user lands on the task and watches it advance."""
        task = self.env["qms.background.task"]._qms_start(
            self.env._("Import of %(file)s", file=self.filename or "catalogue"),
            "catalogue_import",
            len(rows),
        )
        task._qms_delay_parts("_qms_job_catalogue", rows, chunk)
        return task.action_open()

    def _message(self, error):
        code, params = error
        texts = {
            "empty": self.env._("the file is empty"),
            "missing_columns": self.env._(
                "missing column(s): %(columns)s", columns=params.get("columns")
            ),
            "bad_code": self.env._(
                "procedure code %(code)r is not of the form 1.001234",
                code=params.get("code"),
            ),
            "duplicate_code": self.env._(
                "code %(code)s repeats row %(row)s",
                code=params.get("code"),
                row=params.get("row"),
            ),
            "no_name": self.env._("the procedure has no name"),
            "bad_deadline": self.env._(
                "deadline %(deadline)r cannot be read",
                deadline=params.get("deadline"),
            ),
        }
        return texts.get(code) or tthc_import.message(error)

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
        Sync = self.env["qms.catalogue.sync"]
        Tthc = self.env["qms.tthc"].with_context(active_test=False)
        existing = {
            t.code: t
            for t in Tthc.search([("code", "in", [v["code"] for _n, v in values])])
        }
        levels = {
            lvl.code: lvl
            for lvl in self.env["qms.agency.level"]
            .with_context(active_test=False)
            .search([])
        }
        # A catalogue repeats the same few sectors and laws on thousands of rows:
        # look each up (or create it) once per import.
        sectors, laws = {}, {}
        created = updated = 0
        for _number, row in values:
            vals = {
                "name": row["name"],
                "sector_id": Sync._qms_sector(row["sector"], sectors).id,
                "level_ids": [
                    (6, 0, [levels[c].id for c in row["levels"] if c in levels])
                ],
                "legal_basis_ids": [
                    (6, 0, Sync._qms_legal_documents(row["legal"], laws).ids)
                ],
                "online_level": row["online_level"],
                "result_type": row["result_type"] or False,
                "legal_deadline": row["legal_deadline"],
                "deadline_uom": row["deadline_uom"],
                "is_same_day": row["is_same_day"],
            }
            _tthc, is_new = Sync._qms_upsert_procedure(row["code"], vals, existing)
            created += is_new
            updated += not is_new
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

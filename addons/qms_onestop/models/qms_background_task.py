# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..lib import api_schema as schema


class QmsBackgroundTask(models.Model):
    _inherit = "qms.background.task"

    kind = fields.Selection(
        selection_add=[
            ("dossier_batch", "Dossier Batch"),
            ("catalogue_sync", "Catalogue Synchronisation"),
            ("kpi_rebuild", "Figures Recount"),
        ],
        ondelete={
            "dossier_batch": "cascade",
            "catalogue_sync": "cascade",
            "kpi_rebuild": "cascade",
        },
    )

    def _qms_job_intake(self, items, start):
        """A part of a batch sent to ``receive_dossiers``: each dossier filed
        in its own savepoint as the account that sent it (filing is
        idempotent by source and external code, so a retried part files
        nothing twice)."""
        api = self.env["qms.onestop.api"]
        limits = api._qms_api_limits()
        return self._qms_api_part(
            items,
            start,
            "dossiers",
            lambda value, path: api._qms_filed(
                *api._qms_file(schema.dossier(value, limits, path))
            ),
        )

    def _qms_job_sync_procedures(self, items, start):
        """A part of a catalogue sent to ``sync_procedures`` (idempotent by
        procedure code); the account's group was checked when it was sent."""
        api = self.env["qms.onestop.api"]
        choices = api._qms_api_choices()
        return self._qms_api_part(
            items,
            start,
            "procedures",
            lambda value, path: api._qms_sync_procedure(
                schema.procedure(value, path, choices)
            ),
        )

    def _qms_api_part(self, items, start, field, one):
        """Run a part item by item as the API's batches do and record each
        item's outcome (its code, or its error)."""
        results = self.env["qms.onestop.api"]._qms_batch(
            items, field, one, offset=start
        )
        self._qms_record(
            [
                {
                    "sequence": result["index"],
                    "ok": result["ok"],
                    "ref": result.get("code"),
                    "error_code": result.get("error", {}).get("code"),
                    "message": result.get("error", {}).get("message")
                    or result.get("result"),
                }
                for result in results
            ]
        )
        return {"filed": sum(r["ok"] for r in results), "items": len(results)}

    def _qms_job_kpi_rebuild(self, company_ids, start):
        """A part of a recount of the monthly on-time figures: these
        agencies' rows counted again from their dossiers."""
        companies = self.env["res.company"].browse(company_ids).exists()
        rows = self.env["qms.onestop.kpi.month"]._qms_rebuild(companies)
        self._qms_record(
            [
                {
                    "count": len(company_ids),
                    "ok": True,
                    "sequence": start,
                    "message": self.env._(
                        "%(rows)s month rows for %(agencies)s",
                        rows=rows,
                        agencies=", ".join(companies.mapped("name")),
                    ),
                }
            ]
        )
        return rows

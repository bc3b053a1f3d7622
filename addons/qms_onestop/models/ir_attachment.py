# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import AccessError

# Models whose files are the applicant's (ID card scans, forms, results): each
# record has a ``dossier_id`` or is the dossier.
PERSONAL_FILE_MODELS = (
    "qms.onestop.dossier",
    "qms.onestop.dossier.component",
    "qms.onestop.supplement",
    "qms.onestop.notice",
    "qms.onestop.transfer",
)


class IrAttachment(models.Model):
    """Files of a dossier belong to the dossier's agency and are readable only
    by the officers allowed to see its personal data in full; each full read is
    written to the personal data access log."""

    _inherit = "ir.attachment"

    @api.model
    def _qms_dossier_of(self, res_model, res_id):
        if res_model not in PERSONAL_FILE_MODELS or not res_id:
            return self.env["qms.onestop.dossier"]
        record = self.env[res_model].sudo().browse(res_id).exists()
        return record if res_model == "qms.onestop.dossier" else record.dossier_id

    def _qms_forbidden(self, dossier):
        return AccessError(
            self.env._(
                "The files of dossier %(code)s are personal data: only the "
                "desk and processing officers of the agency handling it "
                "may open them.",
                code=dossier.name or "",
            )
        )

    def _qms_dossiers(self):
        """{attachment id: dossier (sudo)} for the dossier files among these,
        in one query per model."""
        if not self.ids:
            return {}
        self.flush_recordset(["res_model", "res_id"])
        self.env.cr.execute(
            "SELECT id, res_model, res_id FROM ir_attachment "
            "WHERE id IN %s AND res_model IN %s AND res_id IS NOT NULL",
            [tuple(self.ids), PERSONAL_FILE_MODELS],
        )
        rows = self.env.cr.fetchall()
        by_model = {}
        for _att_id, res_model, res_id in rows:
            by_model.setdefault(res_model, set()).add(res_id)
        owners = {}
        for res_model, res_ids in by_model.items():
            for record in self.env[res_model].sudo().browse(res_ids).exists():
                owners[res_model, record.id] = (
                    record if res_model == "qms.onestop.dossier" else record.dossier_id
                )
        Dossier = self.env["qms.onestop.dossier"]
        return {
            att_id: owners.get((res_model, res_id), Dossier)
            for att_id, res_model, res_id in rows
        }

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            dossier = self._qms_dossier_of(vals.get("res_model"), vals.get("res_id"))
            if dossier:
                vals["company_id"] = dossier.company_id.id
        return super().create(vals_list)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or self.env.is_superuser():
            return result
        forbidden = self.browse()
        denied = None
        read = []
        for att_id, dossier in self._qms_dossiers().items():
            if not dossier:
                continue
            if not dossier.with_env(self.env)._qms_personal_allowed():
                forbidden |= self.browse(att_id)
                denied = denied or dossier
            elif operation == "read":
                read.append((dossier.id, att_id))
        if forbidden:
            return forbidden, lambda: self._qms_forbidden(denied)
        if read:
            self.env["qms.onestop.personal.access"]._qms_log_files(read)
        return None

    def check(self, mode, values=None):
        # Odoo's explicit check (writes, deletes, attaching, mail's filters):
        # the same rule as _check_access; reads are logged there and when the
        # bytes are computed.
        result = super().check(mode, values)
        if self.env.is_superuser():
            return result
        dossiers = self._qms_dossiers()
        if values and values.get("res_model") in PERSONAL_FILE_MODELS:
            dossiers[0] = self._qms_dossier_of(
                values["res_model"], values.get("res_id")
            )
        for dossier in dossiers.values():
            if dossier and not dossier.with_env(self.env)._qms_personal_allowed():
                raise self._qms_forbidden(dossier)
        return result

    def _qms_log_content_read(self):
        """The file's bytes are read (the ORM reads them through the computed
        ``raw``/``datas`` without calling ``_check_access``; a download calls
        ``check_access``, logged above)."""
        if self.env.is_superuser():
            return
        read = [
            (dossier.id, att_id)
            for att_id, dossier in self._qms_dossiers().items()
            if dossier
        ]
        if read:
            self.env["qms.onestop.personal.access"]._qms_log_files(read)

    def _compute_raw(self):
        self._qms_log_content_read()
        return super()._compute_raw()

    def _compute_datas(self):
        self._qms_log_content_read()
        return super()._compute_datas()

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset, limit, order)
        if self.env.is_superuser():
            return query
        ids = list(query)
        hidden = {
            att_id
            for att_id, dossier in self.browse(ids)._qms_dossiers().items()
            if dossier and not dossier.with_env(self.env)._qms_personal_allowed()
        }
        if not hidden:
            return query
        return self.browse([i for i in ids if i not in hidden])._as_query(order)

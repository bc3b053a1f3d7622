# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
import hmac
import re
from datetime import timedelta

from odoo import api, fields, models, tools


class QmsOnestopLookup(models.Model):
    """A public status lookup (tra cứu hồ sơ): the applicant gives the dossier
    code and the last digits of the phone or identity number filed with it.
    Each attempt is kept (the address only as a keyed hash) to limit attempts
    per address; a wrong second factor answers exactly like an unknown code."""

    _name = "qms.onestop.lookup"
    _description = "Public Dossier Lookup"
    _order = "id desc"

    ip_hash = fields.Char(required=True, index=True, readonly=True)
    found = fields.Boolean(readonly=True)

    def init(self):
        tools.create_index(
            self.env.cr,
            "qms_onestop_lookup_ip_date_idx",
            self._table,
            ["ip_hash", "create_date"],
        )

    @api.model
    def _qms_settings(self):
        param = self.env["ir.config_parameter"].sudo().get_param
        return (
            int(param("qms_onestop.lookup_max_attempts", "10")),
            int(param("qms_onestop.lookup_window_minutes", "15")),
        )

    @api.model
    def _qms_hash(self, address):
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret")
        return hmac.new(
            (secret or "").encode(), (address or "-").encode(), hashlib.sha256
        ).hexdigest()

    @api.model
    def _qms_lookup(self, code, factor, address):
        """("limited" | "found" | "none", public values)."""
        ip_hash = self._qms_hash(address)
        max_attempts, minutes = self._qms_settings()
        since = fields.Datetime.now() - timedelta(minutes=minutes)
        Lookup = self.sudo()
        if (
            Lookup.search_count(
                [("ip_hash", "=", ip_hash), ("create_date", ">=", since)]
            )
            >= max_attempts
        ):
            return "limited", {}
        dossier = self._qms_match(code, factor)
        Lookup.create({"ip_hash": ip_hash, "found": bool(dossier)})
        if not dossier:
            return "none", {}
        return "found", self._qms_public_values(dossier)

    @api.model
    def _qms_match(self, code, factor):
        code = (code or "").strip()[:64]
        factor = re.sub(r"\D", "", factor or "")
        Dossier = self.env["qms.onestop.dossier"].sudo()
        dossier = Dossier.search([("name", "=", code)], limit=1) if code else Dossier
        if not 4 <= len(factor) <= 6:
            return Dossier
        candidates = [
            re.sub(r"\D", "", value or "")
            for value in (dossier.phone_raw, dossier.id_number_raw)
        ]
        matched = False
        for digits in candidates:
            # Compare in constant time, whether or not the dossier exists.
            tail = digits[-len(factor) :] if len(digits) >= len(factor) else ""
            matched |= hmac.compare_digest(tail.encode(), factor.encode()) and bool(
                tail
            )
        return dossier if matched else Dossier

    @api.model
    def _qms_public_values(self, dossier):
        """What anyone with the code and the digits may see: nothing
        personal."""
        company = dossier.company_id
        states = dict(dossier._fields["state"]._description_selection(self.env))

        def local(moment):
            return moment and company._qms_to_local(moment)

        return {
            "code": dossier.name,
            "procedure": dossier.tthc_id.name,
            "desk": dossier.receiving_company_id.name,
            "state": dossier.state,
            "state_label": states.get(dossier.state),
            "received_at": local(dossier.received_at),
            "appointment_at": local(dossier.appointment_at),
            "returned_at": local(dossier.returned_at),
        }

    @api.autovacuum
    def _gc_lookups(self):
        self.sudo().search(
            [("create_date", "<", fields.Datetime.now() - timedelta(days=1))]
        ).unlink()

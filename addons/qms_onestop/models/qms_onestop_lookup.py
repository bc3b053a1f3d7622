# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
import hmac
import re
from datetime import timedelta

from psycopg2 import errors as pg_errors

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
        # Attempt counters (per address and window, per code and day): one row
        # each, incremented atomically, so concurrent requests cannot all pass
        # the same count. Not an ORM model: nobody reads it but the limiter.
        self.env.cr.execute(
            """CREATE TABLE IF NOT EXISTS qms_onestop_lookup_bucket (
                key varchar NOT NULL,
                window_start timestamp NOT NULL,
                attempts integer NOT NULL DEFAULT 0,
                PRIMARY KEY (key, window_start))"""
        )

    @api.model
    def _qms_settings(self):
        param = self.env["ir.config_parameter"].sudo().get_param
        return {
            "max_attempts": int(param("qms_onestop.lookup_max_attempts", "10")),
            "window": int(param("qms_onestop.lookup_window_minutes", "15")),
            "max_wrong_per_code": int(
                param("qms_onestop.lookup_max_wrong_per_code", "3")
            ),
            "code_window": int(param("qms_onestop.lookup_code_window_hours", "24")),
        }

    @api.model
    def _qms_counts(self, items, attempt=None):
        """For each (key, window in minutes, add): add ``add`` to the attempts
        of ``key`` in its current window and return the count (``add`` 0 only
        reads it); ``attempt`` (address hash, found) records the attempt. One
        transaction of its own on the primary that commits at once, so a
        refused or rolled-back request still counts, and the page itself only
        reads (it is served from the read replica when there is one);
        concurrent increments of the same row are serialised by PostgreSQL
        and retried here."""
        epoch = int(fields.Datetime.now().timestamp())
        for _attempt in range(50):
            with self.env.registry.cursor() as cr:
                try:
                    if attempt:
                        self.with_env(self.env(cr=cr)).sudo().create(
                            {"ip_hash": attempt[0], "found": attempt[1]}
                        )
                    counts = []
                    for key, minutes, add in items:
                        start = epoch - epoch % (minutes * 60)
                        if add:
                            cr.execute(
                                """INSERT INTO qms_onestop_lookup_bucket AS b
                                    (key, window_start, attempts)
                                VALUES (%s, to_timestamp(%s) AT TIME ZONE 'UTC', %s)
                                ON CONFLICT (key, window_start) DO UPDATE
                                SET attempts = b.attempts + EXCLUDED.attempts
                                RETURNING attempts""",
                                [key, start, add],
                            )
                        else:
                            cr.execute(
                                """SELECT attempts FROM qms_onestop_lookup_bucket
                                WHERE key = %s AND window_start =
                                      to_timestamp(%s) AT TIME ZONE 'UTC'""",
                                [key, start],
                            )
                        row = cr.fetchone()
                        counts.append(row[0] if row else 0)
                    return counts
                except (
                    pg_errors.SerializationFailure,
                    pg_errors.UniqueViolation,
                ):
                    cr.rollback()
        return [10**9] * len(items)  # never settled: refuse

    @api.model
    def _qms_hash(self, address):
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret")
        return hmac.new(
            (secret or "").encode(), (address or "-").encode(), hashlib.sha256
        ).hexdigest()

    @api.model
    def _qms_lookup(self, code, factor, address):
        """("limited" | "code_locked" | "found" | "none", public values).

        Two limits, both counted before the answer is known: attempts per
        address and window, and wrong second factors per code and day (for any
        code, existing or not, so a locked code says nothing of its
        existence). With 3 wrong tries a day and 4 digits of either the phone or
        the identity number, a guesser's chance per code and day is at most
        3 x 2 / 10,000 = 0.06 %."""
        settings = self._qms_settings()
        ip_hash = self._qms_hash(address)
        code_key = "code:" + self._qms_hash((code or "").strip()[:64].casefold())
        code_minutes = settings["code_window"] * 60
        attempts, wrong = self._qms_counts(
            [("ip:" + ip_hash, settings["window"], 1), (code_key, code_minutes, 0)]
        )
        if attempts > settings["max_attempts"]:
            return "limited", {}
        if wrong >= settings["max_wrong_per_code"]:
            return "code_locked", {}
        dossier = self._qms_match(code, factor)
        self._qms_counts(
            [] if dossier else [(code_key, code_minutes, 1)],
            attempt=(ip_hash, bool(dossier)),
        )
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
        limit = fields.Datetime.now() - timedelta(days=1)
        self.sudo().search([("create_date", "<", limit)]).unlink()
        self.env.cr.execute(
            "DELETE FROM qms_onestop_lookup_bucket "
            "WHERE window_start < %s - interval '1 day'",
            [limit],
        )

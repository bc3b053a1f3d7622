# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The integration API: what portals, the national portal's connector and other
agencies' systems call over XML-RPC (``execute_kw`` on ``qms.onestop.api``).

Every public method checks that the caller is in the XML-RPC Integration group,
validates every argument (``lib/api_schema``) and answers in plain values. Errors
are Odoo faults whose message starts with a documented code, e.g.
``[QMS-404] Unknown procedure 1.999999.``; an unexpected error is logged with a
reference and never sent as a traceback. A failed call writes nothing; in a batch
each item succeeds or fails alone.
"""

import contextlib
import contextvars
import functools
import inspect
import logging
import uuid

from psycopg2 import errors as pg_errors

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from ..lib import api_schema as schema
from ..lib.states import OPEN_STATES
from .qms_onestop_dossier import DossierBusyError

_logger = logging.getLogger(__name__)

API_VERSION = "1.0"
RETRIED_BY_ODOO = (
    pg_errors.SerializationFailure,
    pg_errors.LockNotAvailable,
    pg_errors.DeadlockDetected,
)


# True while a read-only method runs on the replica with the primary to fall
# back on (a server-side switch: no caller can set it).
_ON_REPLICA = contextvars.ContextVar("qms_api_on_replica", default=False)


class ReplicaBehind(Exception):
    """The replica has not replayed what the call asks for yet (a dossier
    filed a moment ago): the call runs again on the primary."""


class QmsApiError(UserError):
    """A refused call, with its documented code."""


class QmsApiAccessError(AccessError):
    """A call the account may not make (``QMS-403``)."""


def coded(status, text):
    """A fault message: the documented code first."""
    return f"[{status}] {text}"


def integration_method(func=None, *, readonly=False):
    """Public API method: integration accounts only, the caller's context
    dropped (only the language is kept), wrong arguments and every error turned
    into a documented fault.

    ``readonly=True`` marks a method that only reads: it is ``api.readonly``
    (Odoo routes it to the read replica when called through the web client's
    JSON-RPC) and, when called over XML-RPC, whose Odoo always runs on the
    primary, its body runs on a cursor of the replica (``db_replica_host``)
    when one is configured. A read that happens to write is run again on the
    primary, as Odoo's own HTTP layer does."""
    if func is None:
        return functools.partial(integration_method, readonly=readonly)
    signature = inspect.signature(func)

    @functools.wraps(func)
    def wrapper(self, *args, **kwargs):
        asked = self.env.context.get("lang")
        lang = self._qms_api_lang(asked)
        # The caller's context is dropped on purpose (only the language stays).
        self = self.with_context({"lang": lang, "tz": self.env.user.tz})  # pylint: disable=context-overridden
        if asked is not None and not isinstance(asked, str):
            raise QmsApiError(
                coded(
                    schema.BAD_ARGUMENT,
                    self.env._(
                        "The context's lang must be a language code such as vi_VN."
                    ),
                )
            )
        if not self.env.user.has_group("qms_public_admin.group_qms_integration"):
            raise QmsApiAccessError(
                coded(
                    schema.FORBIDDEN,
                    self.env._(
                        "The account %(login)s is not in the XML-RPC Integration "
                        "group.",
                        login=self.env.user.login,
                    ),
                )
            )
        try:
            signature.bind(self, *args, **kwargs)
        except TypeError as exc:
            raise QmsApiError(
                coded(
                    schema.BAD_ARGUMENT,
                    self.env._(
                        "Wrong arguments for %(method)s: %(error)s. Expected: "
                        "%(signature)s.",
                        method=func.__name__,
                        error=exc,
                        signature=str(signature)
                        .replace("(self, ", "(")
                        .replace("(self)", "()"),
                    ),
                )
            ) from None
        try:
            if readonly:
                return self._qms_read_on_replica(func, *args, **kwargs)
            return func(self, *args, **kwargs)
        except RETRIED_BY_ODOO:
            raise  # Odoo retries the whole call
        except Exception as exc:  # pylint: disable=broad-except
            raise self._qms_api_fault(exc) from exc

    wrapper = api.model(wrapper)
    if readonly:
        wrapper = api.readonly(wrapper)
    return wrapper


class QmsOnestopApi(models.AbstractModel):
    _name = "qms.onestop.api"
    _description = "One-stop Integration API"

    def with_context(self, *args, **kwargs):
        # Odoo applies the caller's context before the method runs: a context
        # that is not a structure is refused with a documented fault, not a
        # traceback.
        if args and not isinstance(args[0], dict):
            raise QmsApiError(
                coded(
                    schema.BAD_ARGUMENT,
                    self.env._("The context must be a structure (a dictionary)."),
                )
            )
        return super().with_context(*args, **kwargs)

    @api.model
    def _qms_api_lang(self, asked):
        """The caller's language when it is installed, else the account's."""
        installed = dict(self.env["res.lang"].get_installed())
        if isinstance(asked, str) and asked in installed:
            return asked
        user_lang = self.env.user.lang
        return user_lang if user_lang in installed else "en_US"

    def _qms_read_on_replica(self, func, *args, **kwargs):
        """Run the read-only ``func`` on a cursor of the read replica (the
        primary's when no replica is configured or it cannot be reached: Odoo
        falls back by itself); on the caller's cursor when that is already
        read-only (a JSON-RPC call Odoo routed to the replica)."""
        registry = self.env.registry
        if self.env.cr.readonly or (
            registry._db_readonly is None and registry.test_cr is None
        ):
            return func(self, *args, **kwargs)
        # A call over RPC has written nothing yet; server code that calls
        # this after writing (a test, whose "replica" is a read-only view of
        # its own transaction) flushes first.
        self.env.flush_all()
        token = _ON_REPLICA.set(True)
        try:
            with contextlib.closing(registry.cursor(readonly=True)) as cr:
                # Plain values only (never records): they outlive the cursor.
                return func(self.with_env(self.env(cr=cr)), *args, **kwargs)
        except ReplicaBehind:
            _logger.info(
                "%s: the replica is behind, read on the primary", func.__name__
            )
        except pg_errors.ReadOnlySqlTransaction:
            _logger.warning(
                "%s wrote on a read-only cursor: run again on the primary",
                func.__name__,
                exc_info=True,
            )
        finally:
            _ON_REPLICA.reset(token)
        return func(self, *args, **kwargs)

    # ------------------------------------------------------------ errors
    def _qms_api_text(self, key, params):
        """The message of ``key`` in the caller's language."""
        words = {
            "text": self.env._("text"),
            "a number": self.env._("a number"),
            "a whole number": self.env._("a whole number"),
            "a list": self.env._("a list"),
            "a structure": self.env._("a structure"),
            "true/false": self.env._("true or false"),
            "a date and time": self.env._("a date and time"),
            "a date": self.env._("a date"),
            "base64": self.env._("base64 text"),
        }
        p = dict(params)
        if "expected" in p:
            p["expected"] = words.get(p["expected"], p["expected"])
        texts = {
            "missing": lambda: self.env._("%(field)s is required.", **p),
            "type": lambda: self.env._("%(field)s must be %(expected)s.", **p),
            "too_long": lambda: self.env._(
                "%(field)s is longer than %(max)s characters.", **p
            ),
            "choice": lambda: self.env._("%(field)s must be one of: %(choices)s.", **p),
            "format": lambda: self.env._(
                "%(field)s is not in the expected format (%(example)s).", **p
            ),
            "unknown_keys": lambda: self.env._(
                "%(field)s has unknown keys: %(keys)s.", **p
            ),
            "too_many": lambda: self.env._(
                "%(field)s holds more than %(max)s items.", **p
            ),
            "empty_list": lambda: self.env._(
                "%(field)s must hold at least one item.", **p
            ),
            "base64": lambda: self.env._("%(field)s is not valid base64.", **p),
            "file_size": lambda: self.env._(
                "%(field)s is %(size)s MB; the limit is %(max)s MB.", **p
            ),
            "range": lambda: self.env._(
                "%(field)s must be between %(min)s and %(max)s.", **p
            ),
            "file_type": lambda: self.env._(
                "%(field)s is a %(type)s file, which is not accepted "
                "(accepted: %(allowed)s).",
                **p,
            ),
            "unknown_agency": lambda: self.env._("Unknown agency code %(code)s.", **p),
            "agency_forbidden": lambda: self.env._(
                "This account may not act for agency %(code)s.", **p
            ),
            "unknown_procedure": lambda: self.env._("Unknown procedure %(code)s.", **p),
            "unknown_case": lambda: self.env._(
                "Procedure %(code)s has no case %(case)s (cases: %(cases)s).", **p
            ),
            "unknown_component": lambda: self.env._(
                "%(field)s: %(name)s is not a component of this dossier "
                "(components: %(names)s).",
                **p,
            ),
            "unknown_dossier": lambda: self.env._(
                "Unknown dossier code %(code)s.", **p
            ),
            "no_agency": lambda: self.env._(
                "No agency has an ISO procedure in effect for procedure "
                "%(code)s: the dossier cannot be filed.",
                **p,
            ),
            "reused_code": lambda: self.env._(
                "%(system)s already filed dossier %(code)s, for another desk or "
                "procedure: a source code is used once.",
                **p,
            ),
            "not_waiting": lambda: self.env._(
                "Dossier %(code)s is not waiting for a supplement.", **p
            ),
            "not_open": lambda: self.env._(
                "Dossier %(code)s is %(state)s: it can no longer be withdrawn.", **p
            ),
            "not_returned": lambda: self.env._(
                "Dossier %(code)s is rated once its result is returned.", **p
            ),
            "already_rated": lambda: self.env._(
                "Dossier %(code)s was already rated (%(level)s).", **p
            ),
            "unknown_job": lambda: self.env._("Unknown batch %(job)s.", **p),
            "busy_retry": lambda: self.env._(
                "The same dossier is being filed by another call: retry.", **p
            ),
        }
        text = texts.get(key)
        return text() if text else schema.message(key, params)

    def _qms_api_fault(self, exc):
        """The fault an exception becomes: a documented code and a message in
        the caller's language; unexpected errors are logged with a
        reference."""
        if isinstance(exc, schema.ApiError):
            message = coded(exc.status, self._qms_api_text(exc.key, exc.params))
            if exc.status == schema.FORBIDDEN:
                return QmsApiAccessError(message)
            return QmsApiError(message)
        if isinstance(exc, (QmsApiError, QmsApiAccessError)):
            return exc
        if isinstance(exc, DossierBusyError):
            return QmsApiError(f"[{schema.BUSY}] {exc.args[0]}")
        if isinstance(exc, pg_errors.UniqueViolation):
            return QmsApiError(
                f"[{schema.BUSY}] " + self._qms_api_text("busy_retry", {})
            )
        if isinstance(exc, AccessError):
            return QmsApiAccessError(f"[{schema.FORBIDDEN}] {exc.args[0]}")
        if isinstance(exc, UserError):
            return QmsApiError(f"[{schema.REFUSED}] {exc.args[0]}")
        reference = uuid.uuid4().hex[:12]
        _logger.exception("Integration API error, reference %s", reference)
        return QmsApiError(
            coded(
                schema.INTERNAL,
                self.env._(
                    "Unexpected error; the administrator finds it in the server "
                    "log under reference %(reference)s.",
                    reference=reference,
                ),
            )
        )

    def _qms_batch(self, values, field, one, offset=0):
        """Run ``one(value, path)`` for each item in its own savepoint: a bad
        item is reported and leaves nothing behind, the others go on
        (``offset``: the place of the first item in the caller's list, for a
        part of a batch run in the background)."""
        limit = self._qms_api_limits()["max_batch"]
        results = []
        items = schema.items(values, field, limit, True)
        for index, value in enumerate(items, start=offset):
            path = f"{field}[{index}]"
            try:
                with self.env.cr.savepoint():
                    results.append({"index": index, "ok": True, **one(value, path)})
            except RETRIED_BY_ODOO:
                raise
            except Exception as exc:  # pylint: disable=broad-except
                fault = self._qms_api_fault(exc)
                code, _sep, message = fault.args[0].partition("] ")
                results.append(
                    {
                        "index": index,
                        "ok": False,
                        "error": {"code": code.lstrip("["), "message": message},
                    }
                )
        return results

    # ------------------------------------------------------------ helpers
    def _qms_api_limits(self):
        param = self.env["ir.config_parameter"].sudo().get_param
        return {
            "max_bytes": int(float(param("qms_onestop.api_max_file_mb", "10")) * 2**20),
            "max_files": int(param("qms_onestop.api_max_files", "20")),
            "max_components": 60,
            "max_batch": int(param("qms_onestop.api_max_batch", "50")),
            "max_async_batch": int(param("qms_onestop.api_max_async_batch", "5000")),
            "types": [
                t.strip()
                for t in param(
                    "qms_onestop.api_file_types",
                    "application/pdf,image/jpeg,image/png,"
                    "application/vnd.openxmlformats-officedocument."
                    "wordprocessingml.document",
                ).split(",")
                if t.strip()
            ],
            "choices": self._qms_api_choices(),
        }

    @api.model
    def _qms_api_choices(self):
        """The keys the API accepts for each choice: those of the models'
        fields (a portal may not return a result "to the sending agency": that
        way is for transfers between agencies)."""

        def keys(model, name):
            return tuple(
                key
                for key, _label in self.env[model]
                ._fields[name]
                ._description_selection(self.env)
            )

        return {
            "applicant_type": keys("qms.onestop.dossier", "applicant_type"),
            "return_method": tuple(
                k
                for k in keys("qms.onestop.dossier", "return_method")
                if k != "interagency"
            ),
            "rating_level": keys("qms.onestop.rating", "level"),
            "legal_type": keys("qms.legal.document", "doc_type"),
            "legal_state": keys("qms.legal.document", "state"),
            "deadline_unit": keys("qms.tthc.case", "deadline_uom"),
            "requirement": keys("qms.tthc.component", "requirement"),
            "paper_kind": keys("qms.tthc.component", "paper_kind"),
            "fee_type": keys("qms.tthc.fee", "fee_type"),
            "online_level": keys("qms.tthc", "online_level"),
            "procedure_applicant_type": keys("qms.tthc", "applicant_type"),
            # A handful of channels (e-mail, SMS, those a module adds).
            "notify_channel": tuple(
                self.env["qms.onestop.notify.channel"]
                .sudo()
                .search([], limit=50)
                .mapped("code")
            ),
        }

    def _qms_agency(self, code):
        agency = self.env["res.company"].sudo().search([("qms_agency_code", "=", code)])
        if not agency:
            raise schema.ApiError(schema.UNKNOWN, "unknown_agency", code=code)
        if not self.env.su and agency not in self.env.user.company_ids:
            raise schema.ApiError(schema.FORBIDDEN, "agency_forbidden", code=code)
        return agency

    def _qms_dossier(self, code, field="code"):
        """The dossier of ``code`` as the caller may see it (else unknown)."""
        code = schema.text(
            code,
            field,
            64,
            required=True,
            pattern=schema.DOSSIER_CODE_RE,
            example="000.00.31.H56-260302-0001",
        )
        dossier = self.env["qms.onestop.dossier"].search([("name", "=", code)])
        if not dossier:
            raise schema.ApiError(schema.UNKNOWN, "unknown_dossier", code=code)
        return dossier

    # ================================================================ API
    @integration_method(readonly=True)
    def about(self):
        """Version, error codes, and the agencies this account acts for."""
        limits = self._qms_api_limits()
        return {
            "api": API_VERSION,
            "login": self.env.user.login,
            "agencies": [
                {"code": c.qms_agency_code, "name": c.name}
                for c in self.env.user.company_ids
                if c.qms_agency_code
            ],
            "errors": schema.STATUSES,
            "limits": {k: v for k, v in limits.items() if k != "types"},
            "file_types": limits["types"],
        }

    @integration_method
    def receive_dossier(self, dossier):
        """File a dossier from a portal: it is received at once (code,
        appointment). Filing the same ``source`` + ``external_code`` again
        returns the same dossier with ``duplicate: true``."""
        clean = schema.dossier(dossier, self._qms_api_limits())
        return self._qms_filed(*self._qms_file(clean))

    @integration_method
    def receive_dossiers(self, dossiers):
        """Many dossiers in one call: one result per item, in order. A batch
        larger than ``max_batch`` is filed in the background: the answer is
        ``{"job": reference, "state": "queued", "total": n}`` and
        ``batch_status(reference)`` gives the results as they come."""
        limits = self._qms_api_limits()
        if isinstance(dossiers, list) and len(dossiers) > limits["max_batch"]:
            return self._qms_in_background(
                dossiers,
                "dossiers",
                "dossier_batch",
                "_qms_job_intake",
                self.env._(
                    "%(count)s dossiers from %(login)s",
                    count=len(dossiers),
                    login=self.env.user.login,
                ),
            )
        return self._qms_batch(
            dossiers,
            "dossiers",
            lambda value, path: self._qms_filed(
                *self._qms_file(schema.dossier(value, limits, path))
            ),
        )

    def _qms_in_background(self, values, field, kind, job_method, label):
        """Enqueue a large batch in parts of ``max_batch`` items; each part
        runs ``qms.background.task.<job_method>(items, start)`` as this
        account, item by item as the synchronous call does. The answer is
        the reference to poll ``batch_status`` with."""
        limits = self._qms_api_limits()
        if len(values) > limits["max_async_batch"]:
            raise schema.ApiError(
                schema.TOO_LARGE, "too_many", field=field, max=limits["max_async_batch"]
            )
        task = self.env["qms.background.task"]._qms_start(
            label, kind, len(values), company=self.env.user.company_id
        )
        parts = task._qms_delay_parts(job_method, values, limits["max_batch"])
        return {
            "job": task.reference,
            "state": "queued",
            "total": len(values),
            "parts": parts,
        }

    @integration_method(readonly=True)
    def batch_status(self, job):
        """How far a batch filed in the background got: ``done`` of
        ``total``, and each item's result so far (in order); only the account
        that sent the batch may ask."""
        job = schema.text(job, "job", 64, required=True)
        task = (
            self.env["qms.background.task"]
            .sudo()
            .search([("reference", "=", job), ("user_id", "=", self.env.uid)], limit=1)
        )
        if not task:
            if _ON_REPLICA.get():
                raise ReplicaBehind()  # sent a moment ago, not replayed yet
            raise schema.ApiError(schema.UNKNOWN, "unknown_job", job=job)
        results = []
        for line in task.line_ids.sorted("sequence"):
            if line.ok:
                results.append({"index": line.sequence, "ok": True, "code": line.ref})
            else:
                results.append(
                    {
                        "index": line.sequence,
                        "ok": False,
                        "error": {"code": line.error_code, "message": line.message},
                    }
                )
        return {
            "job": task.reference,
            "state": task.state,
            "total": task.total,
            "done": task.done,
            "failed": task.failed_items,
            "results": results,
        }

    @integration_method(readonly=True)
    def dossier_status(self, codes, with_files=False):
        """Status of one or more dossiers (up to 200 codes); an unknown code
        gets ``{"code": ..., "error": {...}}`` in its place."""
        codes = schema.codes(
            codes,
            "codes",
            schema.DOSSIER_CODE_RE,
            200,
            "000.00.31.H56-260302-0001",
        )
        if not isinstance(with_files, bool):
            raise schema.ApiError(
                schema.BAD_ARGUMENT, "type", field="with_files", expected="true/false"
            )
        found = {
            d.name: d
            for d in self.env["qms.onestop.dossier"].search([("name", "in", codes)])
        }
        if _ON_REPLICA.get() and set(codes) - set(found):
            # Filed a moment ago on the primary, not replayed yet here.
            raise ReplicaBehind()
        rows = self.env["qms.onestop.status.map"]._qms_rows()
        result = []
        for code in codes:
            if code in found:
                result.append(self._qms_status_values(found[code], with_files, rows))
            else:
                result.append(
                    {
                        "code": code,
                        "error": {
                            "code": schema.UNKNOWN,
                            "message": self._qms_api_text(
                                "unknown_dossier", {"code": code}
                            ),
                        },
                    }
                )
        return result

    @integration_method(readonly=True)
    def on_time_figures(self, agencies, month_from, month_to, by=None):
        """On-time figures of the dossiers finished in the months
        [month_from, month_to] (any day of each month) at ``agencies`` (codes
        this account acts for): the total and, with ``by`` (any of
        ``agency``, ``procedure``, ``month``), one group per combination,
        read from the monthly figures (what the leaders' dashboards show)."""
        codes = schema.codes(
            agencies, "agencies", schema.AGENCY_CODE_RE, 500, "000.00.31.H56"
        )
        first = schema.day(month_from, "month_from", required=True)
        last = schema.day(month_to, "month_to", required=True)
        keys = {"agency": "company_id", "procedure": "tthc_id", "month": "month"}
        by = [
            schema.choice(b, f"by[{i}]", tuple(keys), required=True)
            for i, b in enumerate(schema.items(by or [], "by", 3))
        ]
        by = list(dict.fromkeys(by))
        companies = self.env["res.company"]
        for code in codes:
            companies |= self._qms_agency(code)
        Month = self.env["qms.onestop.kpi.month"]
        figures = Month._qms_figures(
            [("company_id", "in", companies.ids)],
            first,
            last,
            by=[keys[b] for b in by],
        )
        agency_codes = {c.id: c.qms_agency_code for c in companies}
        procedures = {}
        if "procedure" in by:
            ids = {key[by.index("procedure")] for key in figures["groups"]}
            procedures = {
                t.id: t.code for t in self.env["qms.tthc"].sudo().browse(list(ids))
            }
        groups = []
        for key, values in sorted(figures["groups"].items()):
            group = dict(values)
            for name, value in zip(by, key, strict=True):
                if name == "agency":
                    group["agency"] = agency_codes.get(value, False)
                elif name == "procedure":
                    group["procedure"] = procedures.get(value, False)
                else:
                    group["month"] = fields.Date.to_string(value)[:7]
            groups.append(group)
        total = {k: v for k, v in figures.items() if k != "groups"}
        return {"total": total, "groups": groups}

    @integration_method(readonly=True)
    def dossier_changes(self, after_id=0, since=None, limit=100):
        """What happened to the caller's dossiers, in the order they were
        committed: one event per move of the process log, with the dossier's
        status after it. Poll with ``after_id`` = the ``last_id`` of the
        previous answer: no event is ever skipped or repeated, on the primary
        or on a replica that lags behind it (see the readme)."""
        after_id = schema.number(after_id, "after_id", 0, 2**63, integer=True) or 0
        since = schema.moment(since, "since")
        limit = schema.number(limit, "limit", 1, 500, integer=True) or 100
        Log = self.env["qms.onestop.dossier.log"]
        query = Log._search(
            [("create_date", ">=", since)] if since else [], limit=limit + 1
        )
        table = SQL.identifier(Log._table)
        # Settled events only: written by transactions that ended before the
        # oldest one still running began (on a replica: as far as it has
        # replayed), so nothing can still appear before them; and this
        # transaction's own. A transaction open for longer than the settle
        # window (anywhere on the database server: an idle session, a long
        # job) holds the feed back no longer than that.
        settle = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("qms_onestop.feed_settle_minutes", "10")
        )
        query.add_where(
            SQL(
                "(%s.txid < txid_snapshot_xmin(txid_current_snapshot()) "
                "OR %s.txid = txid_current_if_assigned() "
                "OR %s.create_date < "
                "(now() AT TIME ZONE 'UTC') - %s * interval '1 minute')",
                table,
                table,
                table,
                max(settle, 0),
            )
        )
        if after_id:
            # The position of ``after_id`` in that order (the log row itself,
            # or the last one before it when the number is not an event's).
            self.env.cr.execute(
                SQL(
                    "SELECT txid FROM %s WHERE id <= %s ORDER BY id DESC LIMIT 1",
                    table,
                    after_id,
                )
            )
            row = self.env.cr.fetchone()
            query.add_where(
                SQL(
                    "(%s.txid, %s.id) > (%s, %s)",
                    table,
                    table,
                    row and row[0] or 0,
                    after_id,
                )
            )
        query.order = SQL("%s.txid, %s.id", table, table)
        logs = Log.browse(query)
        more = len(logs) > limit
        logs = logs[:limit]
        actions = dict(logs._fields["action"]._description_selection(self.env))
        rows = self.env["qms.onestop.status.map"]._qms_rows()
        statuses = {}
        events = []
        for log in logs.sudo():
            dossier = log.dossier_id
            if dossier.id not in statuses:
                statuses[dossier.id] = self._qms_status_values(dossier, rows=rows)
            events.append(
                {
                    "event_id": log.id,
                    "at": self._qms_iso(log.date, dossier.company_id),
                    "recorded_at": fields.Datetime.to_string(log.create_date) + "Z",
                    "action": log.action,
                    "action_label": actions.get(log.action, log.action),
                    "note": log.note or log.reason or False,
                    "dossier": statuses[dossier.id],
                }
            )
        return {
            "events": events,
            "last_id": logs[-1:].id or after_id,
            "more": more,
        }

    @integration_method
    def supplement_dossier(self, code, supplement):
        """The applicant supplied on the portal what the supplementation
        request asked for: files per component; the clock restarts."""
        dossier = self._qms_dossier(code)
        clean = schema.supplement(supplement, self._qms_api_limits())
        request = dossier.sudo().supplement_ids.filtered(
            lambda s: s.state == "issued" and s.stage == "processing"
        )[:1]
        if dossier.state != "waiting_supplement" or not request:
            raise schema.ApiError(schema.CONFLICT, "not_waiting", code=dossier.name)
        self._qms_attach_components(
            dossier.sudo(), clean["components"], "supplement.components"
        )
        if clean["note"]:
            dossier.sudo().message_post(body=clean["note"])
        request.action_supplied()
        return self._qms_status_values(dossier)

    @integration_method
    def withdraw_dossier(self, code, reason):
        """The applicant withdraws the dossier on the portal."""
        dossier = self._qms_dossier(code)
        reason = schema.text(reason, "reason", 2000, required=True)
        if dossier.state not in OPEN_STATES + ("result_ready",):
            states = dict(dossier._fields["state"]._description_selection(self.env))
            raise schema.ApiError(
                schema.CONFLICT,
                "not_open",
                code=dossier.name,
                state=states[dossier.state].lower(),
            )
        dossier.sudo().action_withdraw(reason)
        return self._qms_status_values(dossier)

    @integration_method
    def rate_dossier(self, code, rating):
        """The applicant's satisfaction after the result was returned; given
        once (the same rating again is accepted and changes nothing)."""
        dossier = self._qms_dossier(code)
        clean = schema.rating(rating, choices=self._qms_api_choices())
        if dossier.state != "returned":
            raise schema.ApiError(schema.CONFLICT, "not_returned", code=dossier.name)
        existing = dossier.sudo().rating_level
        if existing:
            if existing != clean["level"]:
                raise schema.ApiError(
                    schema.CONFLICT, "already_rated", code=dossier.name, level=existing
                )
            return self._qms_status_values(dossier)
        dossier.sudo().qms_rate(
            clean["level"],
            clean["comment"],
            clean["source"],
            clean["answers"],
            clean["trips"],
        )
        return self._qms_status_values(dossier)

    @integration_method
    def record_payment(self, code, payment):
        """A payment made through the payment platform or by bank transfer,
        reported by the portal with its transaction reference; a dossier
        waiting for its fees starts processing once they are paid. The same
        reference again is refused."""
        dossier = self._qms_dossier(code)
        clean = schema.payment(payment)
        dossier.sudo().qms_record_payment(
            clean["amount"],
            clean["method"],
            clean["reference"],
            clean["receipt_number"],
            clean["note"],
        )
        return self._qms_status_values(dossier)

    # ------------------------------------------------------------ catalogue
    @integration_method
    def sync_legal_documents(self, documents):
        """Create or update national legal documents by number (idempotent)."""
        return self._qms_batch(
            documents,
            "documents",
            lambda value, path: self._qms_sync_legal(
                schema.legal_document(value, path, self._qms_api_choices())
            ),
        )

    def _qms_sync_legal(self, clean):
        # Integration accounts read the catalogue; they change it only through
        # these checked methods (the wrapper has checked the account's group).
        result = (
            self.env["qms.catalogue.sync"]
            .sudo()
            ._qms_sync_legal_document(
                {
                    "number": clean["number"],
                    "title": clean["title"],
                    "doc_type": clean["type"],
                    "issuing_body": clean["issuing_body"],
                    "date_signed": clean["signed_on"],
                    "date_effective": clean["effective_from"],
                    "date_expiry": clean["effective_until"],
                    "state": clean["state"],
                    "url": clean["url"],
                }
            )
        )
        return {"number": clean["number"], "result": result}

    @integration_method
    def sync_procedures(self, procedures):
        """Create or update administrative procedures by national code, with
        their cases, components, fees, legal bases and performing agencies
        (idempotent: the lists replace what the procedure had). More than
        ``max_batch`` procedures (a whole catalogue) are synchronised in the
        background, as ``receive_dossiers`` does."""
        limit = self._qms_api_limits()["max_batch"]
        if isinstance(procedures, list) and len(procedures) > limit:
            return self._qms_in_background(
                procedures,
                "procedures",
                "catalogue_sync",
                "_qms_job_sync_procedures",
                self.env._(
                    "%(count)s procedures from %(login)s",
                    count=len(procedures),
                    login=self.env.user.login,
                ),
            )
        return self._qms_batch(
            procedures,
            "procedures",
            lambda value, path: self._qms_sync_procedure(
                schema.procedure(value, path, self._qms_api_choices())
            ),
        )

    def _qms_sync_procedure(self, clean):
        # As for legal documents: written through this checked method only.
        agencies = self.env["res.company"]
        for code in clean["agencies"]:
            agency = (
                self.env["res.company"].sudo().search([("qms_agency_code", "=", code)])
            )
            if not agency:
                raise schema.ApiError(schema.UNKNOWN, "unknown_agency", code=code)
            agencies |= agency
        result = (
            self.env["qms.catalogue.sync"].sudo()._qms_sync_procedure(clean, agencies)
        )
        return {"code": clean["code"], "result": result}

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request


class OnestopLookup(http.Controller):
    """The public dossier lookup page (no login)."""

    @http.route(
        "/tra-cuu-ho-so",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        csrf=False,
        sitemap=False,
        # Served from the read replica when there is one: the page only reads;
        # the attempt counters are written on the primary in a transaction
        # of their own (qms.onestop.lookup._qms_counts).
        readonly=True,
    )
    def lookup(self, code=None, digits=None, **_kwargs):
        if request.env["res.lang"]._lang_get("vi_VN"):
            request.update_context(lang="vi_VN")
        values = {"code": (code or "")[:64], "outcome": None, "dossier": {}}
        status = 200
        if request.httprequest.method == "POST":
            outcome, dossier = request.env["qms.onestop.lookup"]._qms_lookup(
                code, digits, request.httprequest.remote_addr
            )
            values.update(outcome=outcome, dossier=dossier)
            if outcome in ("limited", "code_locked"):
                status = 429
        response = request.render("qms_onestop.lookup_page", values)
        response.status_code = status
        response.headers["Cache-Control"] = "no-store"
        return response

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request


class OnestopRating(http.Controller):
    """The public satisfaction page: the one-time link sent with the result
    notification opens it (no login). The token in the link is the only key;
    it is erased once the applicant has rated."""

    @http.route(
        "/danh-gia/<string:token>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        csrf=False,
        sitemap=False,
    )
    def rate(self, token, **post):
        if request.env["res.lang"]._lang_get("vi_VN"):
            request.update_context(lang="vi_VN")
        Dossier = request.env["qms.onestop.dossier"]
        dossier = Dossier._qms_by_rating_token(token)
        values = {"dossier": dossier, "token": token, "outcome": None, "error": None}
        if not dossier:
            values["outcome"] = "unknown"
        else:
            values["criteria"] = dossier._qms_rating_criteria()
            values["levels"] = dossier._qms_rating_levels()
        if dossier and request.httprequest.method == "POST":
            values.update(dossier._qms_rate_from_page(post))
        response = request.render("qms_onestop.rating_page", values)
        response.headers["Cache-Control"] = "no-store"
        return response

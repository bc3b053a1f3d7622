# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib.states import FINISHED_STATES


class QmsOnestopDossier(models.Model):
    """Digitisation of components and results, and the monthly measures of
    the service index (the rates its indicators are scored on)."""

    _inherit = "qms.onestop.dossier"  # pylint: disable=consider-merging-classes-inherited

    digitised = fields.Boolean(
        string="Digitised at Receipt",
        compute="_compute_digitised",
        store=True,
        help="Every component provided was digitised (scanned and marked).",
    )
    reused_data = fields.Boolean(
        string="Reuses Digitised Data",
        compute="_compute_digitised",
        store=True,
        help="A component was taken from data already digitised (the national or "
        "provincial data warehouse, an earlier dossier) instead of paper.",
    )
    ended_at = fields.Datetime(
        compute="_compute_ended_at",
        store=True,
        index=True,
        help="When the dossier left the agency's hands: its result ready, or "
        "closed without one. Periodic reports count what was in hand from it.",
    )
    result_digitised = fields.Boolean(
        help="The paper result was scanned and its file attached.",
    )

    @api.depends("completed_at", "closed_at")
    def _compute_ended_at(self):
        for dossier in self:
            dossier.ended_at = dossier.completed_at or dossier.closed_at

    @api.depends(
        "component_ids.provided", "component_ids.digitised", "component_ids.reused"
    )
    def _compute_digitised(self):
        for dossier in self:
            provided = dossier.component_ids.filtered("provided")
            dossier.digitised = bool(provided) and all(provided.mapped("digitised"))
            dossier.reused_data = any(dossier.component_ids.mapped("reused"))

    @api.constrains("result_digitised", "result_attachment_ids")
    def _check_result_digitised(self):
        for dossier in self:
            if dossier.result_digitised and not dossier.result_attachment_ids:
                raise ValidationError(
                    self.env._("Attach the scanned result before marking it digitised.")
                )

    # ------------------------------------------------------------ measures
    @api.model
    def _qms_index_metric(self, metric, companies, month, end):
        """``{company id: (numerator, denominator)}`` of ``metric`` for the
        local month [month, end) of each agency: one grouped query per time
        zone."""
        by_zone = companies.grouped(lambda company: company._qms_clock().tz.zone)
        result = {}
        for agencies in by_zone.values():
            first = agencies[:1]
            start = first._qms_to_utc(datetime.datetime.combine(month, datetime.time()))
            stop = first._qms_to_utc(datetime.datetime.combine(end, datetime.time()))
            result.update(
                getattr(self.sudo(), f"_qms_metric_{metric}")(agencies, start, stop)
            )
        return result

    def _qms_ratio(self, model, domain, hit):
        """(hits, all) per agency of ``model`` rows matching ``domain``;
        ``hit`` is the extra domain of a hit."""
        Model = self.env[model].sudo()
        total = dict(Model._read_group(domain, ["company_id"], ["__count"]))
        hits = dict(Model._read_group(domain + hit, ["company_id"], ["__count"]))
        return {
            company.id: (hits.get(company, 0), count)
            for company, count in total.items()
        }

    def _qms_received_in(self, companies, start, stop):
        return [
            ("company_id", "in", companies.ids),
            ("received_at", ">=", start),
            ("received_at", "<", stop),
        ]

    def _qms_metric_on_time(self, companies, start, stop):
        return self._qms_ratio(
            "qms.onestop.dossier",
            [
                ("company_id", "in", companies.ids),
                ("completed_at", ">=", start),
                ("completed_at", "<", stop),
                ("timeliness", "!=", False),
            ],
            [("timeliness", "in", ("early", "on_time"))],
        )

    def _qms_metric_online(self, companies, start, stop):
        return self._qms_ratio(
            "qms.onestop.dossier",
            self._qms_received_in(companies, start, stop),
            [("channel", "in", ("online_full", "online_partial"))],
        )

    def _qms_metric_online_payment(self, companies, start, stop):
        return self._qms_ratio(
            "qms.onestop.payment",
            [
                ("company_id", "in", companies.ids),
                ("kind", "=", "payment"),
                ("paid_at", ">=", start),
                ("paid_at", "<", stop),
            ],
            [("method", "=", "online")],
        )

    def _qms_metric_digitised(self, companies, start, stop):
        return self._qms_ratio(
            "qms.onestop.dossier",
            self._qms_received_in(companies, start, stop),
            [("digitised", "=", True)],
        )

    def _qms_metric_reuse(self, companies, start, stop):
        return self._qms_ratio(
            "qms.onestop.dossier",
            self._qms_received_in(companies, start, stop),
            [("reused_data", "=", True)],
        )

    def _qms_metric_e_result(self, companies, start, stop):
        return self._qms_ratio(
            "qms.onestop.dossier",
            [
                ("company_id", "in", companies.ids),
                ("completed_at", ">=", start),
                ("completed_at", "<", stop),
                ("state", "in", FINISHED_STATES),
            ],
            ["|", ("is_electronic_result", "=", True), ("result_digitised", "=", True)],
        )

    def _qms_metric_satisfaction(self, companies, start, stop):
        return self._qms_ratio(
            "qms.onestop.rating",
            [
                ("company_id", "in", companies.ids),
                ("rated_at", ">=", start),
                ("rated_at", "<", stop),
            ],
            [("level", "in", ("very_satisfied", "satisfied"))],
        )

    def _qms_metric_feedback_on_time(self, companies, start, stop):
        return self._qms_ratio(
            "qms.onestop.feedback",
            [
                ("company_id", "in", companies.ids),
                ("state", "=", "answered"),
                ("answered_at", ">=", start),
                ("answered_at", "<", stop),
            ],
            [("answered_on_time", "=", True)],
        )

    def _qms_metric_feedback_accepted(self, companies, start, stop):
        return self._qms_ratio(
            "qms.onestop.feedback",
            [
                ("company_id", "in", companies.ids),
                ("state", "=", "answered"),
                ("answered_at", ">=", start),
                ("answered_at", "<", stop),
            ],
            ["|", ("sender_satisfied", "=", False), ("sender_satisfied", "!=", "no")],
        )

    def _qms_metric_paid(self, companies, start, stop):
        """Dossiers received in the month with fees due: those paid."""
        return self._qms_ratio(
            "qms.onestop.dossier",
            self._qms_received_in(companies, start, stop)
            + [("payment_state", "!=", "none")],
            [("payment_state", "in", ("paid", "refunded"))],
        )

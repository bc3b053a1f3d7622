# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.addons.qms_public_admin.lib import kpi


class QmsProcedure(models.Model):
    """Monitoring of each procedure (ISO 9001 clause 9.1.1): what its dossiers
    measured over the last twelve months, next to the targets of the quality
    objectives that cover it."""

    _inherit = "qms.procedure"

    monitor_html = fields.Html(
        string="Monitoring", compute="_compute_monitor_html", sanitize=False
    )

    # ------------------------------------------------------------ measures
    @api.model
    def _qms_bounds(self, date_from, date_to):
        return (
            datetime.combine(fields.Date.to_date(date_from), time.min),
            datetime.combine(fields.Date.to_date(date_to), time.max),
        )

    @api.model
    def _qms_supplement_rate(self, domain, date_from, date_to):
        """Share (%) of the dossiers received in the period that were asked for
        a supplement; None when none was received."""
        start, end = self._qms_bounds(date_from, date_to)
        Dossier = self.env["qms.onestop.dossier"].sudo()
        domain = list(domain) + [
            ("received_at", ">=", start),
            ("received_at", "<=", end),
        ]
        received = Dossier.search_count(domain)
        asked = Dossier.search_count(domain + [("supplement_ids", "!=", False)])
        return kpi.ratio(asked, received)

    @api.model
    def _qms_complaint_count(self, company, procedure, date_from, date_to):
        start, end = self._qms_bounds(date_from, date_to)
        domain = [
            ("company_id", "=", company.id),
            ("kind", "=", "complaint"),
            ("received_at", ">=", start),
            ("received_at", "<=", end),
        ]
        if procedure:
            domain += [
                "|",
                ("dossier_id.procedure_id", "=", procedure.id),
                "&",
                ("dossier_id", "=", False),
                ("tthc_id", "=", procedure.tthc_id.id or 0),
            ]
        return self.env["qms.onestop.feedback"].sudo().search_count(domain)

    def _qms_measures(self, date_from, date_to):
        """{source: measured value or None} for this procedure."""
        self.ensure_one()
        domain = [("procedure_id", "=", self.id)]
        rows = (
            self.env["qms.onestop.dossier"]
            .sudo()
            ._qms_kpi_rows(domain, date_from, date_to)
        )
        return {
            "dossier_on_time": kpi.ratio(rows["on_time"], rows["finished"]),
            "dossier_supplement": self._qms_supplement_rate(domain, date_from, date_to),
            "feedback_complaints": float(
                self._qms_complaint_count(self.company_id, self, date_from, date_to)
            ),
        }

    def _qms_targets(self):
        """{source: indicator} of the agency's active objectives: an indicator
        of this procedure wins over an agency-wide one."""
        self.ensure_one()
        indicators = (
            self.env["mgmtsystem.indicator"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("objective_id.state", "not in", ("cancelled", "done")),
                    (
                        "qms_data_source",
                        "in",
                        (
                            "dossier_on_time",
                            "dossier_supplement",
                            "feedback_complaints",
                        ),
                    ),
                    "|",
                    ("qms_procedure_id", "=", self.id),
                    ("qms_procedure_id", "=", False),
                ]
            )
        )
        targets = {}
        for indicator in indicators.sorted(lambda i: not i.qms_procedure_id):
            targets.setdefault(indicator.qms_data_source, indicator)
        return targets

    @api.model
    def _qms_judge(self, value, indicator):
        if value is None or not indicator:
            return ""
        if indicator.has_min_target and value < indicator.min_target_value:
            return "below"
        if indicator.has_max_target and value > indicator.max_target_value:
            return "below"
        return "ok"

    def _qms_monitor_rows(self, date_from=None, date_to=None):
        """[(label, measured text, target text, judgement)] over the period
        (the last twelve months by default)."""
        self.ensure_one()
        date_to = date_to or self._qms_today()
        date_from = date_from or date_to - relativedelta(months=12, days=-1)
        measures = self._qms_measures(date_from, date_to)
        targets = self._qms_targets()
        labels = {
            "dossier_on_time": self.env._("Handled early or on time"),
            "dossier_supplement": self.env._("Asked for a supplement"),
            "feedback_complaints": self.env._("Complaints"),
        }
        rows = []
        for source, label in labels.items():
            value = measures[source]
            unit = "" if source == "feedback_complaints" else " %"
            indicator = targets.get(source)
            rows.append(
                (
                    label,
                    "-" if value is None else f"{value:g}{unit}",
                    indicator.qms_target_label if indicator else "",
                    self._qms_judge(value, indicator),
                )
            )
        return rows

    @api.depends("company_id")
    def _compute_monitor_html(self):
        judged = {
            "ok": (self.env._("On target"), "text-success"),
            "below": (self.env._("Off target"), "text-danger fw-bold"),
            "": ("", ""),
        }
        head = Markup(
            "<table class='table table-sm'><thead><tr><th>%s</th><th>%s</th>"
            "<th>%s</th><th></th></tr></thead><tbody>"
        ) % (
            self.env._("Indicator (last twelve months)"),
            self.env._("Measured"),
            self.env._("Target"),
        )
        for procedure in self:
            if procedure.kind != "operational" or not procedure.id:
                procedure.monitor_html = False
                continue
            body = Markup("").join(
                Markup(
                    "<tr><td>%s</td><td>%s</td><td>%s</td><td class='%s'>%s</td></tr>"
                )
                % (label, measured, target, judged[j][1], judged[j][0])
                for label, measured, target, j in procedure._qms_monitor_rows()
            )
            procedure.monitor_html = head + body + Markup("</tbody></table>")

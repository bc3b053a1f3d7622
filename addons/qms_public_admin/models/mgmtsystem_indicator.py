# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lib import kpi

_logger = logging.getLogger(__name__)


class MgmtsystemIndicator(models.Model):
    """An indicator measured by hand or computed from a data source.

    Data sources are an extension point: an addon adds ``(code, label)`` to
    :meth:`_qms_data_source_selection` and implements ``_qms_source_<code>``
    returning the value for a period (or None when there is nothing to count).
    """

    _inherit = "mgmtsystem.indicator"

    # The states of the last measured value, as a fixed list so that their
    # names are translated (the objective module reads them at run time).
    value_state = fields.Selection(
        [
            ("on_target", "On Target"),
            ("below_target", "Below Target"),
            ("above_target", "Above Target"),
            ("no_target", "No Target"),
        ]
    )

    company_id = fields.Many2one(
        related="objective_id.company_id", store=True, string="Agency", index=True
    )
    department_id = fields.Many2one(related="objective_id.department_id", store=True)
    qms_data_source = fields.Selection(
        selection="_qms_data_source_selection",
        string="Data Source",
        default="manual",
        required=True,
        help="Where the measured values come from. Computed values are refreshed "
        "by a daily job and by the Compute Values button.",
    )
    qms_procedure_id = fields.Many2one(
        "qms.procedure",
        string="Only for Procedure",
        index=True,
        help="Measure this procedure only (ISO 9001 clause 9.1.1: each process "
        "monitored against its objective). Empty: the whole agency or unit.",
    )
    qms_measure_unit = fields.Char(string="Measured In", default="%")
    qms_target_label = fields.Char(string="Target", compute="_compute_qms_target_label")

    @api.model
    def _qms_data_source_selection(self):
        return [
            ("manual", self.env._("Entered by hand")),
            (
                "action_on_time",
                self.env._("Improvement actions completed on time (%)"),
            ),
            (
                "procedure_current",
                self.env._("ISO procedures in effect and up to date (%)"),
            ),
            (
                "legal_review_open",
                self.env._("Procedures and documents awaiting legal review (count)"),
            ),
        ]

    @api.depends(
        "has_min_target",
        "min_target_value",
        "has_max_target",
        "max_target_value",
        "qms_measure_unit",
    )
    def _compute_qms_target_label(self):
        for indicator in self:
            unit = indicator.qms_measure_unit or ""
            parts = []
            if indicator.has_min_target:
                parts.append(f"≥ {indicator.min_target_value:g} {unit}".strip())
            if indicator.has_max_target:
                parts.append(f"≤ {indicator.max_target_value:g} {unit}".strip())
            indicator.qms_target_label = ", ".join(parts)

    # ------------------------------------------------------------ data sources
    def _qms_source_value(self, date_from, date_to):
        """Value of this indicator's data source for [date_from, date_to]."""
        self.ensure_one()
        method = getattr(self, f"_qms_source_{self.qms_data_source}", None)
        if method is None:
            raise UserError(
                self.env._(
                    "The data source of %(name)s is not available (is the addon "
                    "providing it installed?).",
                    name=self.name,
                )
            )
        return method(date_from, date_to)

    def _qms_source_domain(self, company_field="company_id", unit_field=None):
        """Records of the objective's agency (and unit, when it has one)."""
        domain = [(company_field, "=", self.company_id.id)]
        if unit_field and self.department_id:
            domain.append((unit_field, "child_of", self.department_id.id))
        return domain

    def _qms_source_action_on_time(self, date_from, date_to):
        actions = (
            self.env["mgmtsystem.action"]
            .sudo()
            .search(
                self._qms_source_domain(unit_field="qms_department_id")
                + [("qms_done_date", ">=", date_from), ("qms_done_date", "<=", date_to)]
            )
        )
        on_time = actions.filtered(
            lambda a: not a.date_deadline or a.qms_done_date <= a.date_deadline
        )
        return kpi.ratio(len(on_time), len(actions))

    def _qms_source_procedure_current(self, date_from, date_to):
        procedures = (
            self.env["qms.procedure"]
            .sudo()
            .search(self._qms_source_domain() + [("kind", "=", "operational")])
        )
        current = procedures.filtered(
            lambda p: p.effective_version_id and not p.review_needed
        )
        return kpi.ratio(len(current), len(procedures))

    def _qms_source_legal_review_open(self, date_from, date_to):
        domain = self._qms_source_domain() + [("review_needed", "=", True)]
        return float(
            self.env["qms.procedure"].sudo().search_count(domain)
            + self.env["qms.document"].sudo().search_count(domain)
        )

    # ------------------------------------------------------------ computing
    def action_compute_values(self):
        """Create or refresh the values of every ended period of the objective."""
        today = self._qms_today()
        Value = self.env["mgmtsystem.indicator.value"]
        for indicator in self.filtered(lambda i: i.qms_data_source != "manual"):
            objective = indicator.objective_id
            if not (objective.date_start and objective.date_end):
                continue
            existing = {v.date: v for v in indicator.value_ids if v.qms_computed}
            for start, end in kpi.periods(
                indicator.frequency, objective.date_start, objective.date_end, today
            ):
                value = indicator._qms_source_value(start, end)
                if value is None:
                    continue
                vals = {"value": value, "qms_computed": True}
                if end in existing:
                    if existing[end].value != value:
                        existing[end].write(vals)
                else:
                    Value.create(
                        dict(
                            vals,
                            indicator_id=indicator.id,
                            date=end,
                            comment=self.env._(
                                "Computed from %(origin)s.",
                                origin=dict(
                                    indicator._fields[
                                        "qms_data_source"
                                    ]._description_selection(self.env)
                                )[indicator.qms_data_source],
                            ),
                        )
                    ).post()
        return True

    @api.model
    def _cron_qms_compute_values(self):
        indicators = self.search(
            [("qms_data_source", "!=", "manual"), ("state", "=", "active")]
        )
        for indicator in indicators:
            try:
                with self.env.cr.savepoint():
                    indicator.action_compute_values()
            except UserError as error:
                _logger.warning("Indicator %s not computed: %s", indicator.id, error)
        return len(indicators)

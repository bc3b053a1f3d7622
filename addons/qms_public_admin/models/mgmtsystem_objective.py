# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib import kpi


class MgmtsystemObjective(models.Model):
    """A quality objective of an agency (or of one of its units) for a year.

    OCA's objective → indicator → value, given the agency, the unit, the year, the
    plan to reach it (improvement actions) and a traffic light.
    """

    _inherit = "mgmtsystem.objective"

    name = fields.Char(tracking=True)
    state = fields.Selection(tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        default=lambda self: self.env.company,
        index=True,
        tracking=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        check_company=True,
        tracking=True,
        help="Empty for an objective of the whole agency.",
    )
    year = fields.Integer(
        default=lambda self: self._qms_today().year,
        index=True,
        tracking=True,
    )
    user_id = fields.Many2one(tracking=True)
    action_ids = fields.One2many(
        "mgmtsystem.action", "qms_objective_id", string="Plan (Actions)"
    )
    action_count = fields.Integer(compute="_compute_qms_status")
    qms_status = fields.Selection(
        [
            ("grey", "Not Measured"),
            ("green", "On Track"),
            ("amber", "At Risk"),
            ("red", "Off Target"),
        ],
        string="Status",
        compute="_compute_qms_status",
        help="Red: an indicator misses its target. Amber: an indicator is not "
        "measured yet or an action of the plan is overdue. Green: all on target.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            year = vals.get("year") or self._qms_today().year
            vals.setdefault("date_start", date(year, 1, 1))
            vals.setdefault("date_end", date(year, 12, 31))
            if not vals.get("system_id"):
                company = vals.get("company_id") or self.env.company.id
                vals["system_id"] = (
                    self.env["res.company"].browse(company)._qms_system().id
                )
        return super().create(vals_list)

    @api.constrains("date_start", "date_end")
    def _check_qms_dates(self):
        for objective in self:
            if (
                objective.date_start
                and objective.date_end
                and objective.date_end < objective.date_start
            ):
                raise ValidationError(
                    self.env._("An objective cannot end before it starts.")
                )

    @api.depends(
        "indicator_ids.value_state",
        "indicator_ids.value_ids",
        "action_ids.date_deadline",
        "action_ids.qms_state",
    )
    def _compute_qms_status(self):
        today = self._qms_today()
        for objective in self:
            results = []
            for indicator in objective.indicator_ids.filtered(
                lambda i: i.state != "cancelled"
            ):
                if not indicator.value_ids.filtered(lambda v: v.state == "posted"):
                    results.append(None)
                else:
                    results.append(indicator.value_state in ("on_target", "no_target"))
            overdue = objective.action_ids.filtered(
                lambda a: (
                    a.qms_state in ("draft", "open")
                    and a.date_deadline
                    and a.date_deadline < today
                )
            )
            objective.qms_status = kpi.traffic_light(results, len(overdue))
            objective.action_count = len(objective.action_ids)

    def action_compute_values(self):
        self.indicator_ids.action_compute_values()
        return True

    def action_new_plan_action(self):
        self.ensure_one()
        return self.env["mgmtsystem.action"]._qms_new_action_window(
            {
                "qms_objective_id": self.id,
                "qms_origin": "objective",
                "type_action": "improvement",
                "company_id": self.company_id.id,
                "qms_department_id": self.department_id.id,
                "user_id": (self.user_id or self.env.user).id,
            }
        )

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

LIKELIHOOD_DOMAIN = (
    "[('axis', '=', 'likelihood'), ('company_id', 'in', (company_id, False))]"
)
IMPACT_DOMAIN = "[('axis', '=', 'impact'), ('company_id', 'in', (company_id, False))]"


class QmsRisk(models.Model):
    """A risk or an opportunity of a process (ISO 9001 clause 6.1).

    Scored likelihood × impact on the agency's matrix before and after
    treatment; treated by improvement actions; reviewed by a date.
    """

    _name = "qms.risk"
    _description = "Risk or Opportunity"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "score desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        [("risk", "Risk"), ("opportunity", "Opportunity")],
        default="risk",
        required=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    procedure_id = fields.Many2one(
        "qms.procedure",
        string="Process",
        check_company=True,
        tracking=True,
        help="The ISO procedure (process) the risk belongs to.",
    )
    process_name = fields.Char(
        string="Other Process", help="When the process has no ISO procedure."
    )
    department_id = fields.Many2one(
        "hr.department", string="Unit", check_company=True, tracking=True
    )
    owner_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        check_company=True,
        tracking=True,
    )
    description = fields.Html()
    cause = fields.Text()
    consequence = fields.Text()
    likelihood_id = fields.Many2one(
        "qms.risk.scale",
        domain=LIKELIHOOD_DOMAIN,
        tracking=True,
    )
    impact_id = fields.Many2one(
        "qms.risk.scale",
        domain=IMPACT_DOMAIN,
        tracking=True,
    )
    score = fields.Integer(compute="_compute_scores", store=True, tracking=True)
    level_id = fields.Many2one("qms.risk.level", compute="_compute_scores", store=True)
    level_color = fields.Integer(related="level_id.color")
    treatment = fields.Selection(
        [
            ("avoid", "Avoid"),
            ("mitigate", "Mitigate"),
            ("transfer", "Share / Transfer"),
            ("accept", "Accept"),
            ("exploit", "Exploit (opportunity)"),
            ("enhance", "Enhance (opportunity)"),
        ],
        tracking=True,
    )
    treatment_plan = fields.Text()
    action_ids = fields.One2many(
        "mgmtsystem.action", "qms_risk_id", string="Treatment Actions"
    )
    action_open_count = fields.Integer(compute="_compute_action_open_count")
    residual_likelihood_id = fields.Many2one(
        "qms.risk.scale",
        domain=LIKELIHOOD_DOMAIN,
        tracking=True,
    )
    residual_impact_id = fields.Many2one(
        "qms.risk.scale",
        domain=IMPACT_DOMAIN,
        tracking=True,
    )
    residual_score = fields.Integer(
        compute="_compute_scores", store=True, tracking=True
    )
    residual_level_id = fields.Many2one(
        "qms.risk.level",
        compute="_compute_scores",
        store=True,
    )
    review_date = fields.Date(string="Next Review", tracking=True, index=True)
    state = fields.Selection(
        [
            ("identified", "Identified"),
            ("treating", "Being Treated"),
            ("monitored", "Monitored"),
            ("closed", "Closed"),
        ],
        default="identified",
        required=True,
        tracking=True,
    )
    active = fields.Boolean(default=True)

    @api.depends(
        "likelihood_id.value",
        "impact_id.value",
        "residual_likelihood_id.value",
        "residual_impact_id.value",
    )
    def _compute_scores(self):
        Level = self.env["qms.risk.level"]
        for risk in self:
            risk.score = risk.likelihood_id.value * risk.impact_id.value
            risk.level_id = (
                Level._qms_band_for(risk.score, risk.company_id)
                if risk.score
                else False
            )
            risk.residual_score = (
                risk.residual_likelihood_id.value * risk.residual_impact_id.value
            )
            risk.residual_level_id = (
                Level._qms_band_for(risk.residual_score, risk.company_id)
                if risk.residual_score
                else False
            )

    @api.depends("action_ids.qms_state")
    def _compute_action_open_count(self):
        for risk in self:
            risk.action_open_count = len(
                risk.action_ids.filtered(lambda a: a.qms_state in ("draft", "open"))
            )

    @api.constrains(
        "likelihood_id",
        "impact_id",
        "residual_likelihood_id",
        "residual_impact_id",
        "company_id",
    )
    def _check_scale(self):
        Scale = self.env["qms.risk.scale"]
        for risk in self:
            for field, axis in (
                ("likelihood_id", "likelihood"),
                ("impact_id", "impact"),
                ("residual_likelihood_id", "likelihood"),
                ("residual_impact_id", "impact"),
            ):
                level = risk[field]
                if level and level not in Scale._qms_levels(axis, risk.company_id):
                    raise ValidationError(
                        self.env._(
                            "%(level)s is not a level of the %(axis)s scale of "
                            "%(agency)s.",
                            level=level.display_name,
                            axis=dict(
                                Scale._fields["axis"]._description_selection(self.env)
                            )[axis].lower(),
                            agency=risk.company_id.name,
                        )
                    )
            if risk.residual_score and risk.score and risk.residual_score > risk.score:
                if risk.kind == "risk":
                    raise ValidationError(
                        self.env._(
                            "The residual score of %(name)s cannot exceed its score "
                            "before treatment.",
                            name=risk.name,
                        )
                    )

    def action_start_treatment(self):
        for risk in self:
            if not (risk.likelihood_id and risk.impact_id):
                raise UserError(
                    self.env._("Score the likelihood and impact before treating.")
                )
            if not risk.treatment:
                raise UserError(self.env._("Choose how the risk is treated."))
            if risk.level_id.treatment_required and not risk.action_ids:
                raise UserError(
                    self.env._(
                        "A %(level)s risk needs at least one treatment action.",
                        level=risk.level_id.name.lower(),
                    )
                )
        self.write({"state": "treating"})
        return True

    def action_monitor(self):
        for risk in self:
            if risk.action_open_count:
                raise UserError(
                    self.env._(
                        "Finish the treatment actions of %(name)s first.",
                        name=risk.name,
                    )
                )
            if not (risk.residual_likelihood_id and risk.residual_impact_id):
                raise UserError(
                    self.env._("Score the residual likelihood and impact first.")
                )
            if not risk.review_date:
                raise UserError(self.env._("Set the date of the next review."))
        self.write({"state": "monitored"})
        return True

    def action_close(self):
        self.write({"state": "closed"})
        return True

    def action_new_treatment_action(self):
        self.ensure_one()
        return self.env["mgmtsystem.action"]._qms_new_action_window(
            {
                "qms_risk_id": self.id,
                "qms_origin": "risk",
                "type_action": "prevention" if self.kind == "risk" else "improvement",
                "name": self.name,
                "company_id": self.company_id.id,
                "qms_department_id": self.department_id.id,
                "user_id": self.owner_id.id,
            }
        )

    @api.model
    def _cron_qms_risk_review(self):
        """Give the owner of each risk whose review date has come an activity."""
        today = self._qms_today()
        due = self.search([("review_date", "<=", today), ("state", "!=", "closed")])
        activity = self.env.ref("qms_public_admin.mail_activity_risk_review")

        def job(risk):
            if not risk.activity_ids.filtered(
                lambda a, t=activity: a.activity_type_id == t
            ):
                risk.activity_schedule(
                    activity_type_id=activity.id,
                    date_deadline=risk.review_date,
                    user_id=risk.owner_id.id,
                )

        self.env["qms.transition.mixin"]._qms_each(due, job)
        return len(due)

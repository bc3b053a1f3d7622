# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsTraining(models.Model):
    """A training an officer attended or a quiz an officer took (ISO 9001
    clauses 7.2 and 7.3): the evidence of competence the standard asks to
    keep."""

    _name = "qms.training"
    _description = "Training Record"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    user_id = fields.Many2one(
        "res.users",
        string="Officer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    competence_id = fields.Many2one(
        "qms.competence", required=True, index=True, tracking=True
    )
    name = fields.Char(string="Course", required=True, tracking=True)
    date = fields.Date(
        string="Completed On",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    provider = fields.Char(
        help="e.g. the provincial Department of Science and Technology, a "
        "certification body, the agency itself."
    )
    hours = fields.Float()
    passed = fields.Boolean(default=True, tracking=True)
    score = fields.Float(string="Score (%)")
    certificate_number = fields.Char(tracking=True)
    certificate = fields.Binary(attachment=True)
    certificate_filename = fields.Char()
    date_expiry = fields.Date(
        string="Valid Until",
        compute="_compute_date_expiry",
        store=True,
        readonly=False,
        tracking=True,
        help="Set from the competence's validity; empty: does not expire.",
    )
    source = fields.Selection(
        [("course", "Course"), ("quiz", "Awareness quiz"), ("other", "Other")],
        default="course",
        required=True,
    )
    survey_input_id = fields.Many2one(
        "survey.user_input",
        string="Quiz Answers",
        readonly=True,
        groups="survey.group_survey_user",
    )
    valid = fields.Boolean(
        compute="_compute_valid",
        search="_search_valid",
        help="Passed, with a certificate where the competence needs one, and "
        "not expired.",
    )

    @api.depends("date", "competence_id.validity_months")
    def _compute_date_expiry(self):
        for rec in self:
            months = rec.competence_id.validity_months
            rec.date_expiry = (
                rec.date + relativedelta(months=months)
                if rec.date and months
                else False
            )

    def _qms_valid_domain(self):
        return [
            ("passed", "=", True),
            "|",
            ("date_expiry", "=", False),
            ("date_expiry", ">=", self._qms_today()),
            "|",
            ("competence_id.needs_certificate", "=", False),
            ("certificate_number", "!=", False),
        ]

    @api.depends(
        "passed", "date_expiry", "certificate_number", "competence_id.needs_certificate"
    )
    def _compute_valid(self):
        valid = self.filtered_domain(self._qms_valid_domain())
        for rec in self:
            rec.valid = rec in valid

    def _search_valid(self, operator, value):
        if (operator == "=") == bool(value):
            return self._qms_valid_domain()
        return ["!", *self._qms_valid_domain()]

    @api.constrains("date", "date_expiry", "score")
    def _check_dates(self):
        for rec in self:
            if rec.date_expiry and rec.date_expiry < rec.date:
                raise ValidationError(
                    self.env._(
                        "%(course)s: a training cannot expire before it was done.",
                        course=rec.name,
                    )
                )
            if not 0 <= rec.score <= 100:
                raise ValidationError(
                    self.env._("A score is a percentage, from 0 to 100.")
                )

    @api.depends("name", "user_id")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = f"{rec.user_id.name or ''} - {rec.name or ''}"

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsCompetence(models.Model):
    """A competence a role of the quality system requires (ISO 9001 clause
    7.2): attained by a course, a certificate or an awareness quiz, valid for
    a number of months set here (0: does not expire)."""

    _name = "qms.competence"
    _description = "Required Competence"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    description = fields.Text(
        translate=True, help="What the holder knows or can do, and how it is shown."
    )
    validity_months = fields.Integer(
        string="Valid For (months)",
        help="After how long a training must be repeated; 0: it does not expire.",
    )
    needs_certificate = fields.Boolean(
        help="Only a training with a certificate (number or scan) counts."
    )
    survey_id = fields.Many2one(
        "survey.survey",
        string="Awareness Quiz",
        groups="survey.group_survey_user",
        domain="[('scoring_type', '!=', 'no_scoring')]",
        help="A quiz of the Surveys app: passing it records a training of this "
        "competence on the officer's record.",
    )
    legal_document_id = fields.Many2one(
        "qms.legal.document",
        string="Required By",
        help="The text that requires it, when a text does.",
    )
    role_ids = fields.Many2many(
        "qms.competence.role",
        "qms_competence_role_rel",
        "competence_id",
        "role_id",
        string="Required for Roles",
    )
    active = fields.Boolean(default=True)

    @api.constrains("validity_months")
    def _check_validity(self):
        if any(c.validity_months < 0 for c in self):
            raise ValidationError(
                self.env._("The validity of a competence cannot be negative.")
            )

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsCompetenceRole(models.Model):
    """A role in the quality system (ISO officer, internal auditor, desk
    officer...) and the competences it requires."""

    _name = "qms.competence.role"
    _description = "Quality System Role"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    competence_ids = fields.Many2many(
        "qms.competence",
        "qms_competence_role_rel",
        "role_id",
        "competence_id",
        string="Required Competences",
    )
    assignment_ids = fields.One2many(
        "qms.competence.assignment", "role_id", string="Holders"
    )
    active = fields.Boolean(default=True)

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsCompetenceAssignment(models.Model):
    """Who holds a role of the quality system at an agency, since when."""

    _name = "qms.competence.assignment"
    _description = "Role Holder"
    _inherit = ["mail.thread"]
    _order = "company_id, role_id, user_id"
    _check_company_auto = True
    _rec_name = "user_id"

    user_id = fields.Many2one(
        "res.users",
        string="Officer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    role_id = fields.Many2one(
        "qms.competence.role", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    date_from = fields.Date(
        string="Holds It Since", default=fields.Date.context_today, tracking=True
    )
    gap_count = fields.Integer(string="Gaps", compute="_compute_gap_count")
    active = fields.Boolean(default=True, tracking=True)

    _sql_constraints = [
        (
            "role_user_unique",
            "unique(company_id, role_id, user_id)",
            "The officer already holds this role at this agency.",
        ),
    ]

    @api.constrains("user_id", "company_id")
    def _check_user_agency(self):
        for rec in self:
            if rec.company_id not in rec.user_id.company_ids:
                raise ValidationError(
                    self.env._(
                        "%(user)s does not work at %(agency)s.",
                        user=rec.user_id.name,
                        agency=rec.company_id.name,
                    )
                )

    def _compute_gap_count(self):
        Gap = self.env["qms.competence.gap"]
        counts = {
            (user.id, company.id, role.id): count
            for user, company, role, count in Gap._read_group(
                [("user_id", "in", self.user_id.ids)],
                ["user_id", "company_id", "role_id"],
                ["__count"],
            )
        }
        for rec in self:
            rec.gap_count = counts.get(
                (rec.user_id.id, rec.company_id.id, rec.role_id.id), 0
            )

    def action_open_trainings(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Trainings of %(name)s", name=self.user_id.name),
            "res_model": "qms.training",
            "view_mode": "list,form",
            "domain": [("user_id", "=", self.user_id.id)],
            "context": {
                "default_user_id": self.user_id.id,
                "default_company_id": self.company_id.id,
            },
        }

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsAuditTeam(models.Model):
    """An audit team of the annual plan (about three auditors, one of them
    leading); cross audits put auditors of other units or agencies in it."""

    _name = "qms.audit.team"
    _inherit = ["qms.child.mixin"]
    _qms_parent_field = "plan_id"
    _description = "Audit Team"
    _order = "plan_id, sequence, id"

    plan_id = fields.Many2one(
        "qms.audit.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, help="e.g. Nhóm 1")
    lead_id = fields.Many2one("qms.auditor", string="Team Leader", required=True)
    member_ids = fields.Many2many("qms.auditor", string="Members")

    @api.constrains("lead_id", "member_ids")
    def _check_lead_not_member(self):
        for team in self:
            if team.lead_id in team.member_ids:
                raise ValidationError(
                    self.env._(
                        "%(name)s leads team %(team)s: do not list them as a member "
                        "too.",
                        name=team.lead_id.name,
                        team=team.name,
                    )
                )

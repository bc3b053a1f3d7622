# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsSteeringCommitteeMember(models.Model):
    _name = "qms.steering.committee.member"
    _description = "ISO Steering Committee Member"
    _order = "committee_id, sequence, id"

    committee_id = fields.Many2one(
        "qms.steering.committee", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    user_id = fields.Many2one(
        "res.users",
    )
    name = fields.Char(
        compute="_compute_name",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    position = fields.Char(help="Title in the agency, e.g. Phó Chủ tịch UBND.")
    role = fields.Selection(
        [
            ("head", "Head"),
            ("deputy", "Deputy Head"),
            ("standing", "Standing Member"),
            ("member", "Member"),
            ("secretary", "Secretary"),
        ],
        default="member",
        required=True,
    )

    @api.depends("user_id")
    def _compute_name(self):
        for member in self:
            if member.user_id:
                member.name = member.user_id.name

    def _check_committee_open(self):
        if any(m.committee_id.state != "draft" for m in self):
            raise UserError(
                self.env._(
                    "The members of a committee in office change by a new decision: "
                    "use New Decision."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        members = super().create(vals_list)
        members._check_committee_open()
        return members

    def write(self, vals):
        self._check_committee_open()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_open_committee_only(self):
        self._check_committee_open()

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsSteeringCommittee(models.Model):
    """The ISO steering committee (Ban chỉ đạo ISO) set up by a decision.

    A new decision makes a new committee: activating it retires the previous
    one, so the history of who sat on the committee when is kept.
    """

    _name = "qms.steering.committee"
    _description = "ISO Steering Committee"
    _inherit = ["qms.locked.mixin", "mail.thread"]
    _order = "valid_from desc, id desc"
    _qms_locked_states = ("active", "superseded")
    _qms_unlocked_fields = frozenset({"note"})

    name = fields.Char(
        required=True,
        tracking=True,
        default=lambda self: self.env._("ISO Steering Committee"),
    )
    system_id = fields.Many2one(
        "mgmtsystem.system",
        string="Quality System",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="system_id.company_id", store=True, string="Agency", index=True
    )
    decision_number = fields.Char(
        tracking=True, help="e.g. 45/QĐ-UBND (quyết định thành lập)."
    )
    decision_date = fields.Date(tracking=True)
    valid_from = fields.Date(
        required=True, tracking=True, default=fields.Date.context_today
    )
    valid_to = fields.Date(readonly=True, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("active", "In Office"), ("superseded", "Superseded")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    member_ids = fields.One2many(
        "qms.steering.committee.member", "committee_id", string="Members", copy=True
    )
    member_count = fields.Integer(compute="_compute_member_count")
    note = fields.Html()

    @api.depends("member_ids")
    def _compute_member_count(self):
        for committee in self:
            committee.member_count = len(committee.member_ids)

    @api.depends("name", "decision_number")
    def _compute_display_name(self):
        for committee in self:
            committee.display_name = (
                f"{committee.name} ({committee.decision_number})"
                if committee.decision_number
                else committee.name
            )

    @api.model
    def _qms_new_from(self, system):
        """A draft committee for ``system``, with the members of the current one."""
        current = system.qms_committee_id
        if current:
            return current.copy(
                {
                    "decision_number": False,
                    "decision_date": False,
                    "valid_from": self._qms_today(),
                }
            )
        return self.create({"system_id": system.id})

    def action_activate(self):
        for committee in self:
            committee._qms_require_state(
                ("draft",), self.env._("Only a draft committee can take office.")
            )
            if not committee.decision_number or not committee.decision_date:
                raise UserError(
                    self.env._(
                        "Enter the number and date of the decision setting it up."
                    )
                )
            roles = committee.member_ids.mapped("role")
            if "head" not in roles:
                raise UserError(
                    self.env._("The steering committee needs a head (Trưởng ban).")
                )
            previous = committee.system_id.qms_committee_ids.filtered(
                lambda c, me=committee: c.state == "active" and c != me
            )
            previous._qms_transition(
                {
                    "state": "superseded",
                    "valid_to": committee.valid_from - timedelta(days=1),
                }
            )
            committee._qms_transition({"state": "active"})
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(c.state != "draft" for c in self):
            raise UserError(
                self.env._("A committee that took office is history: it stays.")
            )

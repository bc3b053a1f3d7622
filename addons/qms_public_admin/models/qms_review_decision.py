# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

# Fields a decision keeps open after the minutes are approved: who carries it
# out, by when, and the action it became.
FOLLOW_UP_FIELDS = {"owner_id", "department_id", "deadline", "action_id", "sequence"}


class QmsReviewDecision(models.Model):
    """An output of a management review (ISO 9001 clause 9.3.3)."""

    _name = "qms.review.decision"
    _description = "Management Review Decision"
    _order = "review_id, sequence, id"
    _check_company_auto = True

    review_id = fields.Many2one(
        "qms.management.review", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    category = fields.Selection(
        [
            ("improvement", "Improvement Opportunity"),
            ("qms_change", "Change to the Quality System"),
            ("resources", "Resource Need"),
            ("other", "Other Decision"),
        ],
        default="improvement",
        required=True,
    )
    description = fields.Text(required=True)
    owner_id = fields.Many2one("res.users", check_company=True)
    department_id = fields.Many2one("hr.department", string="Unit", check_company=True)
    deadline = fields.Date()
    needs_action = fields.Boolean(
        default=True, help="Track the decision as an improvement action."
    )
    action_id = fields.Many2one("mgmtsystem.action", readonly=True, copy=False)
    action_state = fields.Selection(
        related="action_id.qms_state", string="Action State"
    )

    def _check_editable(self, vals=None):
        if self.env.su:
            return
        for decision in self:
            state = decision.review_id.state
            if state in ("planned", "held"):
                continue
            if (
                state == "minutes_approved"
                and vals is not None
                and set(vals) <= FOLLOW_UP_FIELDS
            ):
                continue
            raise UserError(
                self.env._(
                    "The decisions of approved minutes are fixed: only their owner, "
                    "unit and deadline can still be set, until the review closes."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        decisions = super().create(vals_list)
        decisions._check_editable()
        return decisions

    def write(self, vals):
        self._check_editable(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_open_only(self):
        self._check_editable()

    def _qms_action_type(self):
        return "improvement" if self.category == "improvement" else "prevention"

    def _qms_create_actions(self):
        """An improvement action for each decision that needs one and has none."""
        Action = self.env["mgmtsystem.action"]
        for decision in self.filtered(lambda d: d.needs_action and not d.action_id):
            if not decision.owner_id:
                raise UserError(
                    self.env._(
                        "Name the owner of the decision %(decision)s first.",
                        decision=decision.description,
                    )
                )
            action = Action.sudo().create(
                {
                    "name": decision.description[:200],
                    "description": decision.description,
                    "type_action": decision._qms_action_type(),
                    "qms_origin": "review",
                    "qms_review_id": decision.review_id.id,
                    "user_id": decision.owner_id.id,
                    "qms_department_id": decision.department_id.id,
                    "date_deadline": decision.deadline,
                    "company_id": decision.company_id.id,
                }
            )
            if decision.deadline:
                action.action_qms_open()
            decision.sudo().action_id = action
        return True

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class QmsActionVerification(models.Model):
    """One check of whether an action was effective (ISO 9001 clause 10.2.1 d).

    Recorded once, never changed: an effective result closes the action, a
    not-effective one reopens it with a new committed deadline.
    """

    _name = "qms.action.verification"
    _description = "Verification of Effectiveness"
    _order = "date desc, id desc"

    action_id = fields.Many2one(
        "mgmtsystem.action", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="action_id.company_id", store=True)
    verifier_id = fields.Many2one(
        "res.users",
        string="Verified By",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    date = fields.Date(required=True, readonly=True, default=fields.Date.context_today)
    result = fields.Selection(
        [("effective", "Effective"), ("not_effective", "Not Effective")],
        required=True,
    )
    evidence = fields.Text(required=True, help="What was checked and what it showed.")
    new_deadline = fields.Date(
        string="New Committed Deadline",
        help="Required when the action was not effective: it reopens.",
    )
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence Files")

    @api.model_create_multi
    def create(self, vals_list):
        today = self._qms_today()
        Action = self.env["mgmtsystem.action"]
        # Check everything before writing anything.
        for vals in vals_list:
            vals["verifier_id"] = self.env.user.id
            vals.pop("date", None)
            action = Action.browse(vals.get("action_id"))
            if not action.exists() or action.qms_state != "done":
                raise UserError(
                    self.env._("Only an action marked done can be verified.")
                )
            action._qms_check_can_verify(self.env.user)
            new_deadline = fields.Date.to_date(vals.get("new_deadline"))
            if vals.get("result") == "not_effective" and (
                not new_deadline or new_deadline < today
            ):
                raise ValidationError(
                    self.env._(
                        "An action found not effective reopens: give a new committed "
                        "deadline, today or later."
                    )
                )
        records = super().create(vals_list)
        for rec in records:
            rec.action_id.sudo()._qms_apply_verification(rec)
        return records

    def write(self, vals):
        if self.env.su:
            return super().write(vals)
        raise UserError(self.env._("A verification is a record: it cannot be changed."))

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if self.env.su:
            return
        raise UserError(self.env._("A verification is a record: it cannot be deleted."))

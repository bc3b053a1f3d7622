# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsInspectionLine(models.Model):
    """A criterion of an inspection checklist: the result, what was found and
    the fix requested, with its owner and deadline."""

    _name = "qms.inspection.line"
    _description = "Inspection Checklist Line"
    _inherit = ["qms.child.mixin"]
    _order = "inspection_id, sequence, id"
    _check_company_auto = True

    _qms_parent_field = "inspection_id"

    inspection_id = fields.Many2one(
        "qms.inspection", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="inspection_id.company_id", store=True, index=True, string="Agency"
    )
    sequence = fields.Integer(default=10)
    criterion_id = fields.Many2one("qms.inspection.criterion", required=True)
    result = fields.Selection(
        [
            ("conform", "Conforms"),
            ("partial", "Partly conforms"),
            ("not_conform", "Does not conform"),
            ("na", "Not applicable"),
        ]
    )
    is_finding = fields.Boolean(compute="_compute_is_finding", store=True)
    finding = fields.Text(string="What Was Found")
    requested_fix = fields.Text(string="Fix Requested")
    user_id = fields.Many2one("res.users", string="Fix Owner", check_company=True)
    date_deadline = fields.Date(string="Fix Deadline")
    action_id = fields.Many2one("mgmtsystem.action", readonly=True, copy=False)

    @api.depends("result")
    def _compute_is_finding(self):
        for line in self:
            line.is_finding = line.result in ("partial", "not_conform")

    @api.depends("criterion_id")
    def _compute_display_name(self):
        for line in self:
            line.display_name = (
                f"{line.criterion_id.code} {line.criterion_id.name}"
                if line.criterion_id
                else ""
            )

    def _qms_open_actions(self):
        Action = self.env["mgmtsystem.action"].sudo()
        for line in self.filtered(
            lambda li: li.is_finding and li.requested_fix and not li.action_id
        ):
            if not (line.user_id and line.date_deadline):
                raise UserError(
                    self.env._(
                        "%(line)s: name the owner of the requested fix and its "
                        "deadline.",
                        line=line.display_name,
                    )
                )
            inspection = line.inspection_id
            action = Action.create(
                {
                    "name": line.requested_fix[:200],
                    "description": "\n".join(
                        filter(
                            None,
                            [inspection.name, line.display_name, line.finding],
                        )
                    ),
                    "type_action": "correction",
                    "qms_origin": "inspection",
                    "user_id": line.user_id.id,
                    "date_deadline": line.date_deadline,
                    "company_id": line.company_id.id,
                }
            )
            action.action_qms_open()
            with line._qms_unlocked():
                line.action_id = action

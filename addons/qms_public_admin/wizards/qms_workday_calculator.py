# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class QmsWorkdayCalculator(models.TransientModel):
    """Lets staff check the appointment date a receipt gives, before relying on it."""

    _name = "qms.workday.calculator"
    _description = "Working-Day Calculator"

    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        default=lambda self: self.env.company,
    )
    received_at = fields.Datetime(required=True, default=fields.Datetime.now)
    amount = fields.Float(string="Time Limit", default=5.0, required=True)
    uom = fields.Selection(
        [("day", "Working Days"), ("hour", "Working Hours")],
        string="Unit",
        default="day",
        required=True,
    )
    same_day_cutoff = fields.Float(
        string="Same-Day Cut-off", help="Only for a time limit of 0 days."
    )
    effective_receipt_at = fields.Datetime(
        string="Counts From", compute="_compute_result"
    )
    due_at = fields.Datetime(compute="_compute_result")
    working_days = fields.Integer(
        string="Working Days Counted", compute="_compute_result"
    )

    @api.depends("company_id", "received_at", "amount", "uom", "same_day_cutoff")
    def _compute_result(self):
        for wizard in self:
            wizard.effective_receipt_at = False
            wizard.due_at = False
            wizard.working_days = 0
            if not (wizard.company_id and wizard.received_at) or wizard.amount < 0:
                continue
            company = wizard.company_id
            wizard.effective_receipt_at = company.qms_effective_receipt(
                wizard.received_at
            )
            wizard.due_at = company.qms_deadline(
                wizard.received_at,
                wizard.amount,
                wizard.uom,
                wizard.same_day_cutoff or None,
            )
            # The working days counted: after the (effective) receipt day, up to
            # the due day.
            wizard.working_days = company.qms_working_days_between(
                company._qms_to_local(wizard.effective_receipt_at).date(),
                company._qms_to_local(wizard.due_at).date(),
            )

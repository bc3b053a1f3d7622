# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsQualityRecord(models.Model):
    """A kept record (hồ sơ) with its retention and disposal."""

    _name = "qms.quality.record"
    _description = "Quality Record"
    _inherit = ["mail.thread"]
    _order = "disposal_due_date, id"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    record_type_id = fields.Many2one("qms.record.type", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    unit_id = fields.Many2one(
        "hr.department", string="Keeper Unit", check_company=True, tracking=True
    )
    document_id = fields.Many2one(
        "qms.document", string="Form / Procedure", check_company=True
    )
    location = fields.Char()
    date_closed = fields.Date(
        string="Closed On", required=True, help="Retention runs from this date."
    )
    retention_years = fields.Integer(
        related="record_type_id.retention_years", store=True
    )
    disposal_due_date = fields.Date(
        compute="_compute_disposal_due_date", store=True, index=True
    )
    state = fields.Selection(
        [("kept", "Kept"), ("disposed", "Disposed")],
        default="kept",
        required=True,
        readonly=True,
        tracking=True,
    )
    disposed_on = fields.Date(readonly=True, tracking=True)
    disposal_reference = fields.Char(
        tracking=True, help="Number of the disposal decision or minutes."
    )

    @api.depends("date_closed", "retention_years")
    def _compute_disposal_due_date(self):
        for record in self:
            record.disposal_due_date = (
                record.date_closed + relativedelta(years=record.retention_years)
                if record.date_closed and record.retention_years
                else False
            )

    def action_dispose(self):
        today = self._qms_today()
        for record in self:
            if record.state != "kept":
                raise UserError(
                    self.env._("%(name)s is already disposed.", name=record.name)
                )
            if not record.disposal_due_date or record.disposal_due_date > today:
                raise UserError(
                    self.env._(
                        "%(name)s must be kept until %(date)s.",
                        name=record.name,
                        date=record.disposal_due_date
                        or self.env._("forever (permanent record)"),
                    )
                )
            if not (record.disposal_reference or "").strip():
                raise UserError(
                    self.env._(
                        "Enter the disposal decision or minutes number for %(name)s.",
                        name=record.name,
                    )
                )
        self.write({"state": "disposed", "disposed_on": today})
        return True

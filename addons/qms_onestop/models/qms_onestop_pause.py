# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class QmsOnestopPause(models.Model):
    """A clock stop: time not counted against the agency (waiting for the
    applicant's supplement, or for another agency's part of an inter-agency
    procedure)."""

    _name = "qms.onestop.pause"
    _description = "Dossier Clock Stop"
    _inherit = ["qms.onestop.dossier.child.mixin"]
    _order = "dossier_id, start_at"

    start_at = fields.Datetime(required=True)
    end_at = fields.Datetime()
    reason = fields.Selection(
        [
            ("supplement", "Waiting for a Supplement"),
            ("interagency", "At Another Agency"),
            ("payment", "Waiting for the Fees"),
        ],
        default="supplement",
        required=True,
    )
    supplement_id = fields.Many2one("qms.onestop.supplement")
    transfer_id = fields.Many2one("qms.onestop.transfer")
    working_hours = fields.Float(
        compute="_compute_working_hours", string="Working Hours Stopped"
    )

    @api.depends("start_at", "end_at")
    def _compute_working_hours(self):
        now = fields.Datetime.now()
        for pause in self:
            pause.working_hours = pause.company_id.qms_working_hours_between(
                pause.start_at, pause.end_at or now
            )

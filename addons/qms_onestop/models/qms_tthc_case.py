# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lib.states import PAY_TIMINGS
from .qms_receipt_rule import CLOCK_MODES


class QmsTthcCase(models.Model):
    """Supplementation settings of a procedure case (from its announcement)."""

    _inherit = "qms.tthc.case"

    supplement_clock_mode = fields.Selection(
        CLOCK_MODES,
        string="Clock After Supplementation",
        help="Empty: the counting rule's.",
    )
    supplement_days = fields.Integer(
        string="Days to Supply",
        help="Working days the applicant has to supply a supplement. 0: the "
        "counting rule's.",
    )
    pay_timing = fields.Selection(
        PAY_TIMINGS,
        string="Fees Paid",
        help="When the applicant pays, if the announcement says: before processing "
        "(the dossier waits for its fees) or before the result is handed over. "
        "Empty: whenever.",
    )

    @api.constrains("supplement_days")
    def _check_supplement_days(self):
        for case in self:
            if case.supplement_days < 0:
                raise ValidationError(
                    self.env._("The days to supply cannot be negative.")
                )

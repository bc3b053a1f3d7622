# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

CLOCK_MODES = [
    ("pause", "Pause: the remaining time resumes"),
    ("restart", "Restart: the full time runs again from the supplement"),
]


class QmsReceiptRule(models.Model):
    """The one-stop rules that come with the counting rule of a law: how often
    a dossier may be sent back for supplementation, how the clock restarts, how
    long the applicant has to supply."""

    _inherit = "qms.receipt.rule"

    max_supplement_requests = fields.Integer(
        string="Supplementation Requests Allowed",
        default=1,
        help="How many times a dossier may be sent back for supplementation "
        "while it is processed.",
    )
    supplement_clock_mode = fields.Selection(
        CLOCK_MODES,
        string="Clock After Supplementation",
        default="restart",
        required=True,
    )
    supplement_days = fields.Integer(
        string="Days to Supply",
        help="Working days the applicant has to supply what is missing; past them "
        "processing stops. 0: no limit. A procedure case may set its own.",
    )
    payment_stops_clock = fields.Boolean(
        string="Time to Pay Not Counted",
        default=True,
        help="A dossier whose fees are due before processing waits for them with "
        "the clock stopped (the time to pay is the applicant's); untick if the "
        "law counts it.",
    )
    feedback_days = fields.Integer(
        string="Days to Answer Feedback",
        help="Working days to answer a complaint or proposal about the handling "
        "of procedures. 0: no deadline.",
    )
    refused_counting = fields.Selection(
        [
            ("by_date", "Early, On Time or Late by Its Date"),
            ("excluded", "Not Counted"),
        ],
        string="Refusals After Processing",
        default="by_date",
        required=True,
        help="How a dossier refused after processing counts in the on-time "
        "figures (a refusal at the desk never counts).",
    )
    stopped_counting = fields.Selection(
        [
            ("by_date", "Early, On Time or Late by Its Date"),
            ("excluded", "Not Counted"),
        ],
        string="Stopped Dossiers",
        default="excluded",
        required=True,
    )
    withdrawn_counting = fields.Selection(
        [
            ("by_date", "Early, On Time or Late by Its Date"),
            ("excluded", "Not Counted"),
        ],
        string="Withdrawn Dossiers",
        default="excluded",
        required=True,
    )

    personal_data_retention_years = fields.Integer(
        string="Applicant Data Kept (years)",
        help="Years the applicant's personal data and scans are kept after a "
        "dossier is closed, as the agency's archive rules and the personal data "
        "law allow; then they are erased (the dossier, its figures and its log "
        "stay). 0: kept.",
    )

    @api.constrains(
        "max_supplement_requests", "supplement_days", "personal_data_retention_years"
    )
    def _check_onestop_limits(self):
        for rule in self:
            if (
                rule.max_supplement_requests < 0
                or rule.supplement_days < 0
                or rule.feedback_days < 0
                or rule.personal_data_retention_years < 0
            ):
                raise ValidationError(
                    self.env._("Supplementation limits cannot be negative.")
                )

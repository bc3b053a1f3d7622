# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsInterestedParty(models.Model):
    """A party whose needs bear on the agency's quality system, with its
    requirements and how the agency meets and follows them (ISO 9001
    clause 4.2)."""

    _name = "qms.interested.party"
    _description = "Interested Party"
    _inherit = ["mail.thread", "qms.register.mixin"]
    _order = "company_id, kind, name"
    _check_company_auto = True

    name = fields.Char(string="Party", required=True, tracking=True)
    kind = fields.Selection(
        [("internal", "Internal"), ("external", "External")],
        required=True,
        default="external",
        tracking=True,
    )
    party_type = fields.Selection(
        [
            ("citizens", "Citizens"),
            ("businesses", "Businesses and organisations"),
            ("superior", "Superior agency"),
            ("dost", "Department of Science and Technology"),
            ("partner_agency", "Agencies handling procedures with us"),
            ("staff", "Officials and employees"),
            ("oversight", "People's Council, Fatherland Front, press"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="citizens",
        tracking=True,
    )
    relevance = fields.Selection(
        [("high", "High"), ("medium", "Medium"), ("low", "Low")],
        required=True,
        default="medium",
    )
    requirement = fields.Text(
        string="Needs and Requirements",
        required=True,
        help="What the party needs from the agency, including the legal "
        "requirements that apply to it.",
    )
    how_met = fields.Text(string="How We Meet Them")
    monitoring = fields.Char(
        string="How We Follow Them",
        help="e.g. satisfaction ratings, complaints, inspection reports.",
    )

    def _qms_review_detail(self):
        self.ensure_one()
        return self.requirement or ""

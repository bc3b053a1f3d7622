# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsDocumentType(models.Model):
    """A kind of QMS document (policy, manual, procedure, form, external, ...)."""

    _name = "qms.document.type"
    _description = "QMS Document Type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(help="Prefix of document codes, e.g. QT, HD, BM.")
    sequence = fields.Integer(default=10)
    category = fields.Selection(
        [
            ("policy", "Quality Policy"),
            ("objective", "Quality Objectives"),
            ("manual", "Quality Manual"),
            ("procedure", "Procedure"),
            ("instruction", "Work Instruction"),
            ("form", "Form / Template"),
            ("external", "External Document"),
            ("other", "Other"),
        ],
        default="other",
        required=True,
    )
    review_interval_months = fields.Integer(
        string="Review Every (months)",
        default=12,
        help="Periodic review interval of documents of this type; 0: no periodic "
        "review.",
    )
    approver_group_id = fields.Many2one(
        "res.groups",
        default=lambda self: self.env.ref(
            "qms_public_admin.group_qms_qmr", raise_if_not_found=False
        ),
        help="The approver of a version must belong to this group.",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        index=True,
        help="Empty: a type shared by every agency.",
    )
    active = fields.Boolean(default=True)

    @api.constrains("review_interval_months")
    def _check_interval(self):
        for doc_type in self:
            if doc_type.review_interval_months < 0:
                raise ValidationError(
                    self.env._("A review interval cannot be negative.")
                )

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsLegalDocument(models.Model):
    """A legal document (văn bản quy phạm pháp luật) or another official text.

    Every rule with a number in it (days off, office hours, counting rules, forms,
    deadlines) points to the document that sets it, so that a change in the law is a
    change of data.
    """

    _name = "qms.legal.document"
    _description = "Legal Document"
    _inherit = ["mail.thread"]
    _order = "date_signed desc, name"
    _rec_names_search = ["name", "title"]

    name = fields.Char(
        string="Number / Symbol",
        required=True,
        tracking=True,
        help="Number and symbol as printed, e.g. 118/2025/NĐ-CP or 45/2019/QH14.",
    )
    title = fields.Char(required=True, tracking=True, help="Subject (trích yếu).")
    doc_type = fields.Selection(
        [
            ("law", "Law / Code"),
            ("resolution", "Resolution"),
            ("ordinance", "Ordinance"),
            ("decree", "Decree"),
            ("decision", "Decision"),
            ("circular", "Circular"),
            ("directive", "Directive"),
            ("official_letter", "Official Letter"),
            ("plan", "Plan"),
            ("standard", "Standard"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="decision",
        tracking=True,
    )
    issuing_body = fields.Char(help="e.g. Chính phủ, Quốc hội, Văn phòng Chính phủ.")
    date_signed = fields.Date(string="Signed On", tracking=True)
    date_effective = fields.Date(string="Effective From", tracking=True)
    date_expiry = fields.Date(string="Effective Until", tracking=True)
    state = fields.Selection(
        [
            ("draft", "Not Yet in Force"),
            ("in_force", "In Force"),
            ("partly_amended", "Partly Amended"),
            ("replaced", "Replaced"),
            ("expired", "Expired"),
        ],
        string="Status",
        required=True,
        default="in_force",
        tracking=True,
    )
    confirmation = fields.Selection(
        [
            ("official", "Read in the Official Text"),
            ("secondary", "Confirmed by a Secondary Source"),
            ("unconfirmed", "Unconfirmed"),
        ],
        default="official",
        help="How sure we are of what this record says; unconfirmed rules stay "
        "configurable until a domain owner checks them.",
    )
    url = fields.Char(string="Link")
    note = fields.Html()
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        index=True,
        help="Empty for national documents, shared by every agency.",
    )
    active = fields.Boolean(default=True)

    @api.constrains("date_effective", "date_expiry")
    def _check_dates(self):
        for doc in self:
            if (
                doc.date_effective
                and doc.date_expiry
                and doc.date_expiry < doc.date_effective
            ):
                raise ValidationError(
                    self.env._(
                        "Legal document %(name)s: it cannot expire (%(expiry)s) before "
                        "it takes effect (%(effective)s).",
                        name=doc.name,
                        expiry=doc.date_expiry,
                        effective=doc.date_effective,
                    )
                )

    @api.constrains("name", "company_id")
    def _check_unique_number(self):
        for doc in self:
            duplicate = self.with_context(active_test=False).search_count(
                [
                    ("id", "!=", doc.id),
                    ("name", "=ilike", doc.name.strip()),
                    ("company_id", "=", doc.company_id.id),
                ]
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "A legal document numbered %(name)s already exists.",
                        name=doc.name,
                    )
                )

    @api.depends("name", "title")
    def _compute_display_name(self):
        for doc in self:
            doc.display_name = (
                f"{doc.name} - {doc.title}" if doc.title else (doc.name or "")
            )

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
    amends_ids = fields.Many2many(
        "qms.legal.document",
        "qms_legal_document_amend_rel",
        "amending_id",
        "amended_id",
        help="Documents this one amends in part.",
    )
    amended_by_ids = fields.Many2many(
        "qms.legal.document",
        "qms_legal_document_amend_rel",
        "amended_id",
        "amending_id",
    )
    replaced_by_id = fields.Many2one("qms.legal.document", tracking=True, index=True)
    status_changed_on = fields.Date(
        readonly=True, copy=False, index=True, help="When the status last changed."
    )
    replaces_ids = fields.One2many("qms.legal.document", "replaced_by_id")
    attachment_ids = fields.Many2many("ir.attachment", string="Text (files)")
    active = fields.Boolean(default=True)

    _changed_states = ("partly_amended", "replaced", "expired")

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

    @api.constrains("replaced_by_id", "amends_ids")
    def _check_links(self):
        for doc in self:
            if doc.replaced_by_id == doc or doc in doc.amends_ids:
                raise ValidationError(
                    self.env._("A legal document cannot amend or replace itself.")
                )

    # ------------------------------------------------------------ change flagging
    @api.model_create_multi
    def create(self, vals_list):
        docs = super().create(vals_list)
        docs._qms_propagate_links()
        for doc in docs.filtered(lambda d: d.state in self._changed_states):
            doc._qms_flag_dependents()
        return docs

    def write(self, vals):
        if "state" in vals:
            vals = dict(vals, status_changed_on=self._qms_today())
        before = {doc.id: doc.state for doc in self}
        result = super().write(vals)
        if {"amends_ids", "replaces_ids", "replaced_by_id"} & set(vals):
            self._qms_propagate_links()
        if "state" in vals:
            for doc in self:
                if (
                    doc.state in self._changed_states
                    and before.get(doc.id) != doc.state
                ):
                    doc._qms_flag_dependents()
        return result

    def _qms_propagate_links(self):
        """A new amending/replacing text changes the status of the old ones."""
        for doc in self:
            doc.amends_ids.filtered(lambda d: d.state == "in_force").write(
                {"state": "partly_amended"}
            )
            replaced = doc.replaces_ids.filtered(
                lambda d: d.state in ("in_force", "partly_amended", "draft")
            )
            replaced.write({"state": "replaced"})
            if doc.replaced_by_id and doc.state in ("in_force", "partly_amended"):
                doc.state = "replaced"

    def _qms_change_reason(self):
        self.ensure_one()
        state = dict(self._fields["state"]._description_selection(self.env))[self.state]
        successor = self.replaced_by_id or self.amended_by_ids[-1:]
        if successor:
            return self.env._(
                "%(doc)s is now %(state)s by %(successor)s.",
                doc=self.display_name,
                state=state.lower(),
                successor=successor.display_name,
            )
        return self.env._(
            "%(doc)s is now %(state)s.", doc=self.display_name, state=state.lower()
        )

    def _qms_dependents(self):
        """Records relying on this document, to flag for review.

        Extension point: addons with their own controlled records add theirs
        with ``super()``.
        """
        self.ensure_one()
        procedures = (
            self.env["qms.procedure"]
            .sudo()
            .search(
                [
                    "|",
                    (
                        "version_ids",
                        "any",
                        [
                            ("legal_basis_ids", "in", self.ids),
                            ("state", "!=", "superseded"),
                        ],
                    ),
                    ("tthc_id.legal_basis_ids", "in", self.ids),
                ]
            )
        )
        documents = (
            self.env["qms.document"]
            .sudo()
            .search([("legal_basis_ids", "in", self.ids)])
        )
        return [procedures, documents]

    def _qms_flag_dependents(self):
        for doc in self:
            for records in doc._qms_dependents():
                records._qms_flag_review(
                    lambda env, doc=doc: doc.with_env(env)._qms_change_reason()
                )

    @api.model
    def _cron_expire_documents(self):
        """Documents whose end of validity has passed become expired (and flag)."""
        today = self._qms_today()
        expired = self.search(
            [
                ("date_expiry", "<", today),
                ("state", "in", ("in_force", "partly_amended")),
            ]
        )
        expired.write({"state": "expired"})
        return len(expired)

    @api.depends("name", "title")
    def _compute_display_name(self):
        for doc in self:
            doc.display_name = (
                f"{doc.name} - {doc.title}" if doc.title else (doc.name or "")
            )

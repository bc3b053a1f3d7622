# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsDocumentMasterList(models.TransientModel):
    """Master list of documents (danh mục tài liệu) of an agency or a unit."""

    _name = "qms.document.master.list"
    _description = "Master List of Documents"

    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        default=lambda self: self.env.company,
    )
    unit_id = fields.Many2one(
        "hr.department",
        string="Owner Unit",
        domain="[('company_id', '=', company_id)]",
        help="Empty: every unit of the agency.",
    )
    include_obsolete = fields.Boolean(
        string="Include Obsolete Versions",
        help="Also list obsolete and withdrawn versions (history).",
    )

    def _versions(self):
        """Versions to list, by document type and code (what the user may read)."""
        self.ensure_one()
        states = ["effective"]
        if self.include_obsolete:
            states += ["superseded", "withdrawn"]
        domain = [("company_id", "=", self.company_id.id), ("state", "in", states)]
        if self.unit_id:
            domain.append(("owner_unit_id", "child_of", self.unit_id.id))
        versions = self.env["qms.document.version"].search(domain)
        return versions.sorted(
            lambda v: (
                v.type_id.sequence,
                v.type_id.name or "",
                v.code or "",
                -v.version,
            )
        )

    def _rows(self, lang=None):
        """Rows of the list: one per version, with printable values."""
        self = self.with_context(lang=lang or self.env.context.get("lang"))
        state_labels = dict(
            self.env["qms.document.version"]
            ._fields["state"]
            ._description_selection(self.env)
        )
        return [
            {
                "type": v.type_id.with_context(lang=self.env.context.get("lang")).name
                or "",
                "code": v.code or "",
                "name": v.name or "",
                "version": v.version_label,
                "date": v.effective_date,
                "unit": v.owner_unit_id.name or "",
                "approved_by": v.approved_by_id.name or "",
                "state": state_labels.get(v.state, v.state),
                "next_review": v.document_id.next_review_date
                if v.state == "effective"
                else False,
            }
            for v in self._versions()
        ]

    def action_print_pdf(self):
        return self.env.ref(
            "qms_public_admin.action_report_document_master_list"
        ).report_action(self)

    def action_print_xlsx(self):
        return self.env.ref(
            "qms_public_admin.action_report_document_master_list_xlsx"
        ).report_action(self)

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class QmsOnestopDossierComponent(models.Model):
    """A component of the dossier checked at the desk (from the procedure's
    list): provided or not, original or copy, its scan."""

    _name = "qms.onestop.dossier.component"
    _description = "Dossier Component Check"
    _inherit = ["qms.onestop.dossier.child.mixin", "qms.child.mixin"]
    _order = "dossier_id, sequence, id"
    _qms_parent_field = "dossier_id"
    _qms_free_fields = frozenset({"attachment_ids"})

    sequence = fields.Integer(default=10)
    component_id = fields.Many2one("qms.tthc.component", string="Catalogue Component")
    name = fields.Char(required=True)
    requirement = fields.Selection(
        [
            ("mandatory", "Mandatory"),
            ("conditional", "Conditional"),
            ("optional", "Optional"),
        ],
        default="mandatory",
        required=True,
    )
    paper_kind = fields.Selection(
        [
            ("original", "Original"),
            ("copy", "Copy"),
            ("certified_copy", "Certified Copy"),
            ("original_or_copy", "Original or Certified Copy"),
            ("electronic", "Electronic Document"),
        ],
        string="Original / Copy",
        default="original",
        required=True,
    )
    copies = fields.Integer(default=1)
    provided = fields.Boolean()
    attachment_ids = fields.Many2many("ir.attachment", string="Scans")

    def _qms_check_parent(self, parents):
        if any(d.state != "draft" for d in parents):
            raise UserError(
                self.env._(
                    "The component check of a received dossier cannot change "
                    "(scans may still be added)."
                )
            )

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class QmsOnestopDossierComponent(models.Model):
    """A component of the dossier checked at the desk (from the procedure's
    list): provided or not, original or copy, its scan."""

    _name = "qms.onestop.dossier.component"
    _description = "Dossier Component Check"
    _inherit = ["qms.onestop.dossier.child.mixin", "qms.child.mixin"]
    _order = "dossier_id, sequence, id"
    _qms_parent_field = "dossier_id"
    _qms_free_fields = frozenset({"attachment_ids", "digitised", "reused"})

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
    digitised = fields.Boolean(
        help="Scanned and checked against the paper: the electronic copy serves "
        "instead of the paper from now on."
    )
    reused = fields.Boolean(
        string="Reused Data",
        help="Taken from data already digitised (the national or provincial data "
        "warehouse, an earlier dossier) instead of asking the applicant again.",
    )

    @api.constrains("digitised", "attachment_ids", "reused")
    def _check_digitised(self):
        for component in self:
            if component.digitised and not component.attachment_ids:
                raise ValidationError(
                    self.env._(
                        "Attach the scan of “%(name)s” before marking it digitised.",
                        name=component.name,
                    )
                )

    def _qms_check_parent(self, parents):
        if any(d.state != "draft" for d in parents):
            raise UserError(
                self.env._(
                    "The component check of a received dossier cannot change "
                    "(scans may still be added)."
                )
            )

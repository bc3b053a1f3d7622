# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsOnestopDossierComponent(models.Model):
    """A component of the dossier checked at the desk (from the procedure's
    list): provided or not, original or copy, its scan."""

    _name = "qms.onestop.dossier.component"
    _description = "Dossier Component Check"
    _inherit = ["qms.onestop.dossier.child.mixin"]
    _order = "dossier_id, sequence, id"

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

    @api.model_create_multi
    def create(self, vals_list):
        dossiers = self.env["qms.onestop.dossier"].browse(
            [v.get("dossier_id") for v in vals_list if v.get("dossier_id")]
        )
        self._qms_check_draft(dossiers)
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - {"attachment_ids"}:
            self._qms_check_draft(self.dossier_id)
        return super().write(vals)

    def unlink(self):
        self._qms_check_draft(self.dossier_id)
        return super().unlink()

    def _qms_check_draft(self, dossiers):
        if self.env.context.get("qms_transition"):
            return
        if any(d.state != "draft" for d in dossiers):
            raise UserError(
                self.env._(
                    "The component check of a received dossier cannot change "
                    "(scans may still be added)."
                )
            )

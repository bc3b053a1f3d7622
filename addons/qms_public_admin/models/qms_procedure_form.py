# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsProcedureForm(models.Model):
    """A form (biểu mẫu) an ISO procedure uses: picked from the official sets
    (the templates of the administrative procedure catalogue, and the one-stop
    slips where the one-stop addon is installed) rather than uploaded freely.
    A form that is not official, or whose file differs from the official
    template, is flagged so the procedure can be brought back in line."""

    _name = "qms.procedure.form"
    _description = "Form of an ISO Procedure"
    _inherit = ["qms.version.line.mixin"]
    _order = "version_id, sequence, id"
    _check_company_auto = True

    version_id = fields.Many2one(
        "qms.procedure.version", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="version_id.company_id", store=True)
    procedure_id = fields.Many2one(
        related="version_id.procedure_id", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    code = fields.Char(help="e.g. BM-01.")
    name = fields.Char(required=True)
    source = fields.Selection(
        selection="_source_selection",
        required=True,
        default="catalogue",
        help="Where the form comes from: an official set, or the agency's own.",
    )
    component_id = fields.Many2one(
        "qms.tthc.component",
        string="Catalogue Form",
        domain="[('template', '!=', False)]",
        help="A component of the administrative procedure whose template the "
        "catalogue publishes.",
    )
    file = fields.Binary(string="File Used", attachment=True)
    file_name = fields.Char()
    own_reason = fields.Char(
        string="Why Not Official",
        help="Required for the agency's own forms: no official form exists for it.",
    )
    differs = fields.Boolean(
        string="Differs from the Official Form",
        compute="_compute_differs",
        store=True,
        index=True,
    )
    difference = fields.Char(compute="_compute_differs", store=True)

    @api.model
    def _source_selection(self):
        return [
            ("catalogue", self.env._("Catalogue template")),
            ("own", self.env._("Agency's own form")),
        ]

    @api.model
    def _qms_checksum(self, record, field):
        """Checksum of the file stored in ``field`` of ``record`` (None if empty)."""
        if not record or not isinstance(record.id, int):
            return None
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", record._name),
                    ("res_field", "=", field),
                    ("res_id", "=", record.id),
                ],
                limit=1,
            )
        )
        return attachment.checksum or None

    def _qms_official_checksum(self):
        """Checksum of the official file of this form, if there is one."""
        self.ensure_one()
        if self.source == "catalogue":
            return self._qms_checksum(self.component_id, "template")
        return None

    def _qms_difference(self):
        """Why the form is not the official one, or None."""
        self.ensure_one()
        if self.source == "own":
            return self.env._("Not from an official form set")
        if self.source == "catalogue" and not self.component_id:
            return self.env._("No catalogue form chosen")
        own = self._qms_checksum(self, "file")
        if own and own != self._qms_official_checksum():
            return self.env._("The file differs from the official template")
        return None

    @api.depends("source", "component_id.template", "file")
    def _compute_differs(self):
        for rec in self:
            rec.difference = rec._qms_difference() or False
            rec.differs = bool(rec.difference)

    @api.constrains("source", "own_reason", "name")
    def _check_own_reason(self):
        for rec in self:
            if rec.source == "own" and not rec.own_reason:
                raise ValidationError(
                    self.env._(
                        "%(form)s is the agency's own form: say why no official "
                        "form is used.",
                        form=rec.name,
                    )
                )

    @api.onchange("component_id")
    def _onchange_component(self):
        if self.component_id:
            self.name = self.component_id.name

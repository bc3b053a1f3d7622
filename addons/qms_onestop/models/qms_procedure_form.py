# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class QmsProcedureForm(models.Model):
    """The one-stop slips as an official form set of ISO procedures: the slip
    is printed by the system from the form in force, so a procedure refers to
    it rather than keeping a copy."""

    _inherit = "qms.procedure.form"

    slip_template_id = fields.Many2one(
        "qms.onestop.form.template",
        string="One-stop Slip",
        help="The slip of the one-stop rules this form is.",
    )

    @api.model
    def _source_selection(self):
        return super()._source_selection() + [("slip", self.env._("One-stop slip"))]

    def _qms_difference(self):
        self.ensure_one()
        if self.source != "slip":
            return super()._qms_difference()
        slip = self.slip_template_id
        if not slip:
            return self.env._("No one-stop slip chosen")
        if self.file:
            return self.env._(
                "A copy is attached: the slip is printed by the system from the "
                "form in force"
            )
        today = self._qms_today()
        if (slip.valid_from and slip.valid_from > today) or (
            slip.valid_to and slip.valid_to < today
        ):
            return self.env._("The slip chosen is no longer in force")
        return None

    @api.depends(
        "source",
        "component_id.template",
        "file",
        "slip_template_id.valid_to",
        "slip_template_id.valid_from",
    )
    def _compute_differs(self):
        return super()._compute_differs()

    @api.onchange("slip_template_id")
    def _onchange_slip(self):
        if self.slip_template_id:
            self.name = self.slip_template_id.name
            self.code = self.slip_template_id.template_no

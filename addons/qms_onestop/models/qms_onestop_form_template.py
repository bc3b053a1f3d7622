# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

FORM_CODES = [
    ("receipt", "Receipt and Appointment"),
    ("supplement", "Supplementation Request"),
    ("refusal", "Refusal"),
    ("apology", "Apology and New Appointment"),
    ("stop", "Notice of Stopping Processing"),
    ("control_sheet", "Process Control Sheet"),
    ("tracking_book", "Tracking Book"),
]


class QmsOnestopFormTemplate(models.Model):
    """A slip of the one-stop rules (biểu mẫu), held as data.

    Each set of forms comes from a legal document and is valid between two
    dates: a dossier prints the form in force on the day it was received.
    """

    _name = "qms.onestop.form.template"
    _description = "One-stop Form"
    _inherit = ["qms.validity.mixin"]
    _order = "valid_from desc, template_no"
    _qms_validity_scope = ("code",)

    code = fields.Selection(FORM_CODES, string="Purpose", required=True, index=True)
    template_no = fields.Char(
        string="Form No.", required=True, help="Number in the legal annex, e.g. 01."
    )
    name = fields.Char(string="Official Title", required=True)
    legal_document_id = fields.Many2one(
        "qms.legal.document", string="Defined By", required=True
    )
    paper_size = fields.Selection([("a5", "A5"), ("a4", "A4")], default="a4")
    intro = fields.Text(
        string="Opening Wording", help="Printed under the title (e.g. the apology)."
    )
    note = fields.Text()

    def _qms_reversed_message(self):
        return self.env._("Form %(name)s ends before it starts.", name=self.name)

    def _qms_overlap_message(self, other):
        return self.env._(
            "Form %(name)s overlaps %(other)s for the same purpose; close "
            "the old form (Valid To) first.",
            name=self.name,
            other=other.name,
        )

    @api.depends("template_no", "name")
    def _compute_display_name(self):
        for form in self:
            form.display_name = f"{form.template_no} - {form.name}"

    @api.model
    def _qms_form_for(self, code, day, fallback_day=None):
        """The form of code in force on day (else on fallback_day:
        a form the older set did not have, such as the stop notice)."""
        for when in (day, fallback_day):
            if not when:
                continue
            form = self._qms_in_force_on(when, [("code", "=", code)], limit=1)
            if form:
                return form
        raise UserError(
            self.env._(
                "No one-stop form for %(purpose)s is in force on %(day)s. Add it "
                "under One-stop Desk > Configuration > Forms.",
                purpose=dict(self._fields["code"]._description_selection(self.env))[
                    code
                ],
                day=day,
            )
        )

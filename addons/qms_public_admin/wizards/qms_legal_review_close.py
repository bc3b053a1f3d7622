# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class QmsLegalReviewClose(models.TransientModel):
    """The officer records why a changed legal basis needs no new version."""

    _name = "qms.legal.review.close"
    _description = "Close a Legal Basis Review"

    res_model = fields.Char(required=True)
    res_ids = fields.Char(required=True)
    note = fields.Text(
        required=True,
        help="Why the procedure stays as it is (recorded in its history).",
    )

    def action_confirm(self):
        self.ensure_one()
        if (
            self.res_model not in self.env
            or "review_needed" not in self.env[self.res_model]._fields
        ):
            raise UserError(self.env._("Nothing to review here."))
        ids = [int(i) for i in self.res_ids.split(",") if i.strip().isdigit()]
        records = self.env[self.res_model].browse(ids).exists()
        records.check_access("write")
        if not self.note.strip():
            raise UserError(self.env._("Say why no change is needed."))
        records._qms_clear_review(
            self.env._("No change needed: %(note)s", note=self.note)
        )
        return {"type": "ir.actions.act_window_close"}

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsDocumentReview(models.Model):
    """A periodic review of a published document: confirmed, or revised."""

    _name = "qms.document.review"
    _inherit = ["qms.transition.mixin"]
    _description = "Periodic Document Review"
    _order = "date desc, id desc"

    document_id = fields.Many2one(
        "qms.document", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="document_id.company_id", store=True, index=True
    )
    version_id = fields.Many2one(
        "qms.document.version", string="Reviewed Version", readonly=True
    )
    date = fields.Date(default=fields.Date.context_today, required=True)
    user_id = fields.Many2one(
        "res.users", string="Reviewed By", default=lambda self: self.env.user
    )
    outcome = fields.Selection(
        [
            ("confirmed", "Still Valid: Version Confirmed"),
            ("revise", "Needs Changes: New Draft Opened"),
        ],
        required=True,
        default="confirmed",
    )
    note = fields.Text(required=True)
    new_version_id = fields.Many2one(
        "qms.document.version", string="New Draft", readonly=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        for review in reviews:
            document = review.document_id
            version = document.current_version_id
            if not version:
                raise UserError(
                    self.env._(
                        "Only a published document can be reviewed periodically."
                    )
                )
            if not (review.note or "").strip():
                raise UserError(self.env._("Record what the review found."))
            with review._qms_unlocked():
                review.version_id = version
            if review.outcome == "confirmed":
                document._qms_schedule_next_review(review.date)
                document.message_post(
                    body=self.env._(
                        "Periodic review: version %(version)s confirmed. %(note)s",
                        version=version.version_label,
                        note=review.note,
                    )
                )
            else:
                action = document.action_new_draft()
                with review._qms_unlocked():
                    review.new_version_id = action["res_id"]
                document.message_post(
                    body=self.env._(
                        "Periodic review: changes needed, draft opened. %(note)s",
                        note=review.note,
                    )
                )
        return reviews

    def write(self, vals):
        if not self._qms_in_transition():
            raise UserError(self.env._("A recorded review cannot be changed."))
        return super().write(vals)

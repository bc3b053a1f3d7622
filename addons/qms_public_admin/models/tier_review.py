# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class TierReview(models.Model):
    """Labels of a review in the reader's language, for the approval list of
    our forms (the tier validation module stores its "to do by" text in the
    language of whoever requested the approval)."""

    _inherit = "tier.review"

    qms_status_label = fields.Char(string="Decision", compute="_compute_qms_labels")
    qms_todo_by = fields.Char(string="To Be Decided By", compute="_compute_qms_labels")

    @api.depends("status", "reviewer_ids", "reviewer_group_id")
    @api.depends_context("lang")
    def _compute_qms_labels(self):
        labels = {
            "waiting": self.env._("Waiting for an earlier tier"),
            "pending": self.env._("Awaiting decision"),
            "rejected": self.env._("Rejected"),
            "approved": self.env._("Approved"),
            "cancel": self.env._("Cancelled"),
        }
        for rec in self:
            rec.qms_status_label = labels.get(rec.status, rec.status or "")
            if rec.reviewer_group_id:
                rec.qms_todo_by = rec.reviewer_group_id.name
            else:
                rec.qms_todo_by = ", ".join(rec.reviewer_ids.mapped("name"))

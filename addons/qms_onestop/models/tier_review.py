# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class TierReview(models.Model):
    _inherit = "tier.review"

    def _get_reviewers(self):
        """Approving leaders of the agency handling the dossier only."""
        reviewers = super()._get_reviewers()
        if self.model == "qms.onestop.notice" and self.res_id:
            notice = self.env[self.model].sudo().browse(self.res_id)
            reviewers = reviewers.filtered(
                lambda u: notice.company_id in u.company_ids and not u.share
            )
        return reviewers

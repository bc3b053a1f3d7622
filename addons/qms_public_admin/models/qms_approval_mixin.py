# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class QmsApprovalMixin(models.AbstractModel):
    """Approval by the leaders named in tier definitions (OCA
    ``base_tier_validation``), wired once for every workflow model.

    A model sets ``_state_from`` (the state awaiting approval) and ``_state_to``
    (the approved state) as tier validation wants, and overrides the hooks:

    - :meth:`_qms_approved`: the last tier validated records awaiting approval
      (write the approved state here, or leave it to an explicit button);
    - :meth:`_qms_rejected`: a reviewer rejected;
    - :meth:`_qms_review_changed`: reviews were requested, restarted, validated
      or rejected (to keep reminders in step).

    The freeze rules are those of ``qms.locked.mixin``: the approved state and
    what follows it are written by transitions only.
    """

    _name = "qms.approval.mixin"
    _description = "Records Approved Through Approval Tiers"
    _inherit = ["tier.validation", "qms.locked.mixin"]

    _tier_validation_manual_config = False
    _tier_validation_buttons_xpath = "/form/header/field[@name='state']"

    def _qms_request_approval(self):
        """Ask the approval tiers that apply; returns the records no tier
        applies to, for the caller's rule (often: a named role approves
        directly)."""
        self.invalidate_recordset(["need_validation", "review_ids"])
        self.filtered("need_validation").request_validation()
        return self.filtered(lambda rec: not rec.review_ids)

    def _qms_approver(self):
        """Who approved: the last reviewer who approved, else the current user
        (approving directly)."""
        self.ensure_one()
        reviews = self.review_ids.filtered(lambda r: r.status == "approved")
        return reviews.sorted("reviewed_date")[-1:].done_by or self.env.user

    def _qms_awaiting_approval(self):
        return self.filtered(lambda rec: rec[rec._state_field] in rec._state_from)

    # ----------------------------------------------------------------- hooks
    def _qms_approved(self):
        """These records, awaiting approval, were validated by every tier."""

    def _qms_rejected(self):
        """A reviewer rejected these records, awaiting approval."""

    def _qms_review_changed(self):
        """Reviews of these records were requested, restarted or decided."""

    # --------------------------------------------------- tier validation glue
    def request_validation(self):
        result = super().request_validation()
        self._qms_review_changed()
        return result

    def restart_validation(self):
        result = super().restart_validation()
        self._qms_review_changed()
        return result

    def _validate_tier(self, tiers=False):
        result = super()._validate_tier(tiers)
        self.invalidate_recordset(["validation_status", "need_validation"])
        self._qms_awaiting_approval().filtered(
            lambda rec: rec.validation_status == "validated"
        )._qms_approved()
        self._qms_review_changed()
        return result

    def _rejected_tier(self, tiers=False):
        result = super()._rejected_tier(tiers)
        self._qms_awaiting_approval()._qms_rejected()
        self._qms_review_changed()
        return result

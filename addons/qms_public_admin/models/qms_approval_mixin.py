# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo import api, fields, models


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
    # A model with its own way back after a rejection (back to draft, correct
    # the draft) sets this to False: no second button doing the same.
    _qms_restart_button = True

    qms_can_approve_directly = fields.Boolean(
        string="Can Approve Directly",
        compute="_compute_qms_can_approve_directly",
        help="The current user may approve without approval tiers (a record no "
        "tier applies to).",
    )
    qms_next_review = fields.Char(string="Awaiting", compute="_compute_qms_next_review")

    def _compute_qms_can_approve_directly(self):
        allowed = self._qms_direct_approver()
        for rec in self:
            rec.qms_can_approve_directly = allowed

    def _qms_direct_approver(self):
        """Whether the current user approves records no tier applies to."""
        return self.env.user.has_group("qms_public_admin.group_qms_qmr")

    @api.depends("review_ids.status")
    def _compute_qms_next_review(self):
        for rec in self:
            review = rec.review_ids.sorted("sequence").filtered(
                lambda r: r.status == "pending"
            )[:1]
            rec.qms_next_review = review and (
                f"{review.name or ''} ({review.qms_todo_by or ''})"
            )

    # ------------------------------------------------ the approval snippets
    # The tier validation module inserts its buttons, banner and review list
    # with English texts that its translations leave out, and a second submit
    # button next to each model's own. These snippets are ours: one submit
    # button (the model's), texts translated with this addon.
    def _add_tier_validation_buttons(self, node, params):
        return self._qms_render_snippet(
            "qms_public_admin.qms_tier_validation_buttons",
            {"restart": self._qms_restart_button},
        )

    def _add_tier_validation_label(self, node, params):
        return self._qms_render_snippet("qms_public_admin.qms_tier_validation_label")

    def _add_tier_validation_reviews(self, node, params):
        return self._qms_render_snippet("qms_public_admin.qms_tier_validation_reviews")

    def _qms_render_snippet(self, template, values=None):
        return etree.fromstring(self.env["ir.qweb"]._render(template, values or {}))

    # ---------------------------------------------- chatter, in our words
    def _notify_requested_review_body(self):
        return self.env._("%(user)s asked for approval.", user=self.env.user.name)

    def _notify_created_review_body(self):
        return self._notify_requested_review_body()

    def _notify_accepted_reviews_body(self):
        comment = self._qms_review_comment()
        if comment:
            return self.env._(
                "%(user)s approved: %(comment)s",
                user=self.env.user.name,
                comment=comment,
            )
        return self.env._("%(user)s approved.", user=self.env.user.name)

    def _notify_rejected_review_body(self):
        comment = self._qms_review_comment()
        if comment:
            return self.env._(
                "%(user)s rejected: %(comment)s",
                user=self.env.user.name,
                comment=comment,
            )
        return self.env._("%(user)s rejected.", user=self.env.user.name)

    def _notify_restarted_review_body(self):
        return self.env._("%(user)s restarted the approval.", user=self.env.user.name)

    def _qms_review_comment(self):
        mine = self.review_ids.filtered(
            lambda r: self.env.user in r.reviewer_ids and r.comment
        )
        return mine[:1].comment or ""

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

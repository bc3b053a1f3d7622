# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsVersionedMixin(models.AbstractModel):
    """Lifecycle of a controlled version: draft → in review → approved → effective
    → superseded, approved through OCA's tier validation.

    Shared by ISO procedure versions and controlled documents. A concrete model
    implements :meth:`_qms_siblings` (the other versions of the same thing) and
    :meth:`_qms_copy_for_new_version`. Approved, effective and superseded versions
    are immutable: only the transitions below change them.
    """

    _name = "qms.versioned.mixin"
    _description = "Versioned Controlled Record"
    _inherit = ["qms.approval.mixin"]

    _state_from = ["to_review"]
    _qms_restart_button = False  # "Back to Draft" restarts
    _state_to = ["approved"]
    _cancel_state = "draft"
    _qms_locked_states = ("approved", "effective", "superseded")
    _qms_guard_readonly = True

    state = fields.Selection(
        selection="_qms_state_selection",
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    version = fields.Integer(default=1, readonly=True, copy=False, tracking=True)
    change_summary = fields.Text(help="What this version changes and why.")
    approved_by_id = fields.Many2one(
        "res.users", readonly=True, copy=False, tracking=True
    )
    approved_on = fields.Datetime(readonly=True, copy=False)
    effective_date = fields.Date(copy=False, tracking=True)
    superseded_on = fields.Date(readonly=True, copy=False)

    @api.model
    def _qms_state_selection(self):
        """Lifecycle states; a model may name them in its own words."""
        return [
            ("draft", self.env._("Draft")),
            ("to_review", self.env._("In Review")),
            ("approved", self.env._("Approved")),
            ("effective", self.env._("Effective")),
            ("superseded", self.env._("Superseded")),
        ]

    # ------------------------------------------------------------ hooks
    def _qms_siblings(self):
        """The other versions of the same procedure or document."""
        raise NotImplementedError

    def _qms_copy_for_new_version(self, version, minor=False):
        """A draft copy of this version numbered ``version``."""
        return self.copy({"version": version})

    def _qms_check_before_review(self):
        """Raise when the version is not complete enough to be reviewed."""

    def _qms_after_effective(self):
        """Called once the version is in effect (clears review flags, ...)."""

    def _qms_after_superseded(self):
        """Called on the versions a newer one has just superseded."""

    # ------------------------------------------------------------ guards
    def _qms_locked_message(self, record):
        return self.env._(
            "%(name)s is %(state)s: an approved or effective version "
            "cannot be changed. Create a new version instead.",
            name=record.display_name,
            state=self._qms_state_label(record),
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(rec.state != "draft" for rec in self):
            raise UserError(
                self.env._("Only draft versions can be deleted; archive the rest.")
            )

    def _qms_transition(self, vals):
        # tier.validation's need_validation has no dependencies: its cached value
        # may predate the reviews; recompute it around every transition.
        self.invalidate_recordset(["need_validation"])
        result = super()._qms_transition(vals)
        self.invalidate_recordset(["need_validation"])
        return result

    # ------------------------------------------------------------ review activities
    def _qms_pending_reviewers(self):
        """Users whose review is awaited now (the lowest pending tier)."""
        self.ensure_one()
        if self.state != "to_review" or self.review_ids.filtered(
            lambda r: r.status == "rejected"
        ):
            return self.env["res.users"]
        pending = self.review_ids.filtered(lambda r: r.status in ("waiting", "pending"))
        if not pending:
            return self.env["res.users"]
        first = min(pending.mapped("sequence"))
        return pending.filtered(lambda r: r.sequence == first).reviewer_ids

    def _qms_sync_review_activities(self):
        """One "review" activity per awaited reviewer; done ones are closed."""
        activity_type = self.env.ref(
            "qms_public_admin.mail_activity_version_review", raise_if_not_found=False
        )
        if not activity_type or "activity_ids" not in self._fields:
            return
        for rec in self.sudo():
            wanted = rec._qms_pending_reviewers()
            if "company_id" in rec._fields and rec.company_id:
                # A group tier lists every member: only those of this agency act.
                wanted = wanted.filtered(lambda u, r=rec: r.company_id in u.company_ids)
            current = rec.activity_ids.filtered(
                lambda a, t=activity_type: a.activity_type_id == t
            )
            assigned = current.user_id
            current.filtered(lambda a, w=wanted: a.user_id not in w).action_feedback(
                feedback=self.env._("Review completed or no longer needed.")
            )
            for user in wanted - assigned:
                rec.activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=user.id,
                    summary=self.env._(
                        "Review and approve %(name)s", name=rec.display_name
                    ),
                )

    def _qms_review_changed(self):
        # Approval stays an explicit step (action_approve) once the tiers
        # validated; reviewers get their reminders.
        self._qms_sync_review_activities()

    # ------------------------------------------------------------ lifecycle
    def action_submit_review(self):
        for rec in self:
            if rec.state != "draft":
                raise UserError(self.env._("Only a draft can be sent for review."))
            rec._qms_check_before_review()
        self._qms_transition({"state": "to_review"})
        self.filtered("need_validation").request_validation()
        return True

    def action_back_to_draft(self):
        for rec in self:
            if rec.state != "to_review":
                raise UserError(
                    self.env._("Only a version in review can go back to draft.")
                )
        self._qms_transition({"state": "draft"})
        self.restart_validation()
        return True

    def action_approve(self):
        for rec in self:
            if rec.state != "to_review":
                raise UserError(self.env._("Only a version in review can be approved."))
            if not rec.review_ids and not self.env.user.has_group(
                "qms_public_admin.group_qms_qmr"
            ):
                raise UserError(
                    self.env._(
                        "Only the quality representative approves a version "
                        "(or the reviewers of its approval tiers)."
                    )
                )
            approver = rec._qms_approver()
            # The tier validation mixin refuses the state change while reviews
            # are pending.
            rec._qms_transition(
                {
                    "state": "approved",
                    "approved_by_id": approver.id,
                    "approved_on": fields.Datetime.now(),
                }
            )
        self._qms_sync_review_activities()
        return True

    def action_make_effective(self):
        today = self._qms_today()
        for rec in self:
            if rec.state != "approved":
                raise UserError(
                    self.env._("Only an approved version can be put into effect.")
                )
            previous = rec._qms_siblings().filtered(lambda r: r.state == "effective")
            previous._qms_transition({"state": "superseded", "superseded_on": today})
            previous._qms_after_superseded()
            rec._qms_transition(
                {"state": "effective", "effective_date": rec.effective_date or today}
            )
            rec._qms_after_effective()
        return True

    def action_new_version(self):
        return self._qms_new_version()

    def _qms_new_version(self, minor=False):
        self.ensure_one()
        if self.state != "effective":
            raise UserError(
                self.env._("A new version starts from the version in effect.")
            )
        if self._qms_siblings().filtered(
            lambda r: r.state in ("draft", "to_review", "approved")
        ):
            raise UserError(
                self.env._("A newer version is already being prepared; open it.")
            )
        top = max([self.version] + self._qms_siblings().mapped("version"))
        with self.browse()._qms_unlocked(create=True):
            new = self._qms_copy_for_new_version(top + 1, minor=minor)
        return new._qms_open()

    def _qms_open(self):
        """Window action opening this version."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
        }

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class QmsDocumentVersion(models.Model):
    """A version of a controlled document: its text and/or files.

    The lifecycle is the shared one of :class:`qms.versioned.mixin`, shown with
    document words: the effective version is *published*, superseded ones are
    *obsolete*.
    """

    _name = "qms.document.version"
    _description = "Controlled Document Version"
    _inherit = ["mail.thread", "mail.activity.mixin", "qms.versioned.mixin"]
    _order = "document_id, version desc"
    _check_company_auto = True
    _qms_locked_states = ("approved", "effective", "superseded", "withdrawn")

    document_id = fields.Many2one(
        "qms.document", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="document_id.company_id", store=True, index=True
    )
    code = fields.Char(related="document_id.code")
    name = fields.Char(related="document_id.name")
    type_id = fields.Many2one(related="document_id.type_id", store=True)
    owner_unit_id = fields.Many2one(related="document_id.owner_unit_id", store=True)
    confidentiality = fields.Selection(
        related="document_id.confidentiality", store=True
    )
    allowed_group_ids = fields.Many2many(related="document_id.allowed_group_ids")
    version_major = fields.Integer(default=1, readonly=True, copy=False)
    version_minor = fields.Integer(default=0, readonly=True, copy=False)
    version_label = fields.Char(
        string="Version No.", compute="_compute_version_label", store=True
    )
    body = fields.Html(string="Content")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "qms_document_version_attachment_rel",
        "version_id",
        "attachment_id",
        string="Files",
        copy=True,
    )
    author_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        required=True,
        tracking=True,
    )
    peer_reviewer_ids = fields.Many2many(
        "res.users",
        "qms_document_version_reviewer_rel",
        "version_id",
        "user_id",
        string="Peer Reviewers",
        copy=True,
    )
    approver_id = fields.Many2one(
        "res.users", string="Designated Approver", tracking=True, copy=True
    )
    submitted_on = fields.Datetime(readonly=True, copy=False)
    withdrawn_on = fields.Date(readonly=True, copy=False)
    withdraw_reason = fields.Text(readonly=True, copy=False)
    previous_version_id = fields.Many2one(
        "qms.document.version", readonly=True, copy=False
    )
    acknowledgement_ids = fields.One2many(
        "qms.document.acknowledgement", "version_id", string="Acknowledgements"
    )
    ack_done_count = fields.Integer(
        string="Read", compute="_compute_ack_counts", compute_sudo=True
    )
    ack_pending_count = fields.Integer(
        string="Not Yet Read", compute="_compute_ack_counts", compute_sudo=True
    )

    _sql_constraints = [
        (
            "number_unique",
            "unique(document_id, version_major, version_minor)",
            "A document cannot have two versions with the same number.",
        ),
    ]

    @api.model
    def _qms_state_selection(self):
        words = {
            "effective": self.env._("Published"),
            "superseded": self.env._("Obsolete"),
        }
        return [
            (key, words.get(key, label))
            for key, label in super()._qms_state_selection()
        ] + [("withdrawn", self.env._("Withdrawn"))]

    @api.depends("version_major", "version_minor")
    def _compute_version_label(self):
        for rec in self:
            rec.version_label = f"{rec.version_major}.{rec.version_minor}"

    @api.depends("document_id.display_name", "version_label")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = self.env._(
                "%(document)s (version %(version)s)",
                document=rec.document_id.display_name,
                version=rec.version_label,
            )

    @api.depends("acknowledgement_ids.state")
    def _compute_ack_counts(self):
        for rec in self:
            acks = rec.acknowledgement_ids
            rec.ack_done_count = len(acks.filtered(lambda a: a.state == "done"))
            rec.ack_pending_count = len(acks.filtered(lambda a: a.state == "pending"))

    @api.model_create_multi
    def create(self, vals_list):
        versions = super().create(vals_list)
        versions._qms_attach_files()
        return versions

    def write(self, vals):
        result = super().write(vals)
        if "attachment_ids" in vals:
            self._qms_attach_files()
        return result

    def _qms_attach_files(self):
        """Files belong to their version (attachment access follows it)."""
        for rec in self:
            rec.attachment_ids.filtered(lambda a: not a.res_id).sudo().write(
                {"res_model": self._name, "res_id": rec.id}
            )

    # ------------------------------------------------------------ rules
    def _qms_self_approval_allowed(self):
        return self.env["ir.config_parameter"].sudo().get_param(
            "qms_public_admin.document_self_approval", "False"
        ).lower() in ("1", "true", "yes")

    @api.constrains("author_id", "approver_id", "peer_reviewer_ids")
    def _check_roles(self):
        allowed = self._qms_self_approval_allowed()
        for rec in self:
            if rec.approver_id and not allowed and rec.approver_id == rec.author_id:
                raise ValidationError(
                    self.env._(
                        "%(user)s wrote %(name)s and cannot approve it: choose "
                        "another approver.",
                        user=rec.author_id.name,
                        name=rec.display_name,
                    )
                )
            group = rec.type_id.approver_group_id
            if rec.approver_id and group and group not in rec.approver_id.groups_id:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not in the group %(group)s that approves "
                        "documents of type %(type)s.",
                        user=rec.approver_id.name,
                        group=group.full_name,
                        type=rec.type_id.name,
                    )
                )
            if not allowed and rec.author_id in rec.peer_reviewer_ids:
                raise ValidationError(
                    self.env._("The author cannot review their own version.")
                )

    @api.constrains("attachment_ids")
    def _check_files(self):
        for rec in self:
            empty = rec.attachment_ids.filtered(
                lambda a: a.type == "binary" and not a.file_size
            )
            if empty:
                raise ValidationError(
                    self.env._(
                        "File %(file)s is empty: attach the real file.",
                        file=empty[0].name,
                    )
                )

    def _qms_check_before_review(self):
        for rec in self:
            if not rec.attachment_ids and not (
                rec.body and rec.body.striptags().strip()
            ):
                raise UserError(
                    self.env._(
                        "%(name)s has neither content nor a file.",
                        name=rec.display_name,
                    )
                )
            if not rec.approver_id:
                raise UserError(
                    self.env._(
                        "Choose who approves %(name)s before sending it for review.",
                        name=rec.display_name,
                    )
                )

    def _qms_siblings(self):
        self.ensure_one()
        return self.document_id.version_ids - self

    def _qms_copy_for_new_version(self, version, minor=False):
        return self.copy(
            {
                "version": version,
                "version_major": self.version_major + (0 if minor else 1),
                "version_minor": self.version_minor + 1 if minor else 0,
                "previous_version_id": self.id,
                "author_id": self.env.user.id,
                "change_summary": False,
            }
        )

    # ------------------------------------------------------------ lifecycle
    def action_submit_review(self):
        self.filtered(lambda r: r.state == "draft")._qms_transition(
            {"submitted_on": fields.Datetime.now()}
        )
        return super().action_submit_review()

    def _qms_check_not_author(self):
        if (
            not self._qms_self_approval_allowed()
            and self.env.user in self.author_id
            and not self.env.su
        ):
            raise UserError(
                self.env._("You wrote this version: another person must approve it.")
            )

    def _validate_tier(self, tiers=False):
        self._qms_check_not_author()
        return super()._validate_tier(tiers)

    def action_approve(self):
        self._qms_check_not_author()
        return super().action_approve()

    def action_publish(self):
        """Publish: the shared "put into effect" transition."""
        return self.action_make_effective()

    def action_new_minor_version(self):
        return self._qms_new_version(minor=True)

    def _qms_after_effective(self):
        today = self._qms_today()
        for rec in self:
            document = rec.document_id
            document._qms_clear_review(
                self.env._(
                    "Version %(version)s published: legal review closed.",
                    version=rec.version_label,
                )
            )
            document._qms_schedule_next_review(rec.effective_date or today)
            rec._qms_distribute()

    def _qms_after_superseded(self):
        self._qms_cancel_pending_acknowledgements()

    def _qms_cancel_pending_acknowledgements(self):
        """Nobody has to read an obsolete or withdrawn version any more."""
        self.acknowledgement_ids._qms_cancel()
        self.sudo().activity_unlink(
            ["qms_public_admin.mail_activity_document_acknowledge"]
        )

    def _qms_distribute(self):
        """One acknowledgement (and activity) per recipient of the document."""
        days = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("qms_public_admin.acknowledgement_days", 5)
        )
        deadline = self._qms_today() + timedelta(days=days)
        Ack = self.env["qms.document.acknowledgement"].sudo()
        for rec in self:
            recipients = rec.document_id._qms_recipients()
            acks = Ack.create(
                [
                    {"version_id": rec.id, "user_id": user.id, "date_due": deadline}
                    for user in recipients
                ]
            )
            for ack in acks:
                rec.sudo().activity_schedule(
                    "qms_public_admin.mail_activity_document_acknowledge",
                    date_deadline=deadline,
                    user_id=ack.user_id.id,
                )

    def action_withdraw(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Withdraw the Document"),
            "res_model": "qms.document.withdraw",
            "view_mode": "form",
            "target": "new",
            "context": {"default_version_id": self.id},
        }

    def _qms_withdraw(self, reason):
        for rec in self:
            if rec.state != "effective":
                raise UserError(
                    self.env._("Only the published version can be withdrawn.")
                )
            if not (reason or "").strip():
                raise UserError(self.env._("Say why the document is withdrawn."))
            rec._qms_transition(
                {
                    "state": "withdrawn",
                    "withdrawn_on": self._qms_today(),
                    "withdraw_reason": reason,
                }
            )
            rec._qms_cancel_pending_acknowledgements()

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import UserError


class QmsLegalReviewMixin(models.AbstractModel):
    """A record that relies on legal documents and must be reviewed when they change.

    Concrete models have ``mail.activity.mixin`` and are returned by
    ``qms.legal.document._qms_dependents`` (the extension point). The flag clears
    when a new version takes effect or when the responsible officer records that no
    change is needed.
    """

    _name = "qms.legal.review.mixin"
    _inherit = ["qms.transition.mixin"]
    _description = "Legal Basis Review"
    _qms_review_fields = frozenset({"review_needed", "review_reason", "review_since"})

    review_needed = fields.Boolean(readonly=True, copy=False, tracking=True, index=True)
    review_reason = fields.Text(readonly=True, copy=False)
    review_since = fields.Date(string="Flagged On", readonly=True, copy=False)
    review_waiting_days = fields.Integer(
        string="Waiting (days)", compute="_compute_review_waiting_days"
    )

    def _compute_review_waiting_days(self):
        today = self._qms_today()
        for rec in self:
            rec.review_waiting_days = (
                (today - rec.review_since).days if rec.review_needed else 0
            )

    def _qms_review_responsible(self):
        self.ensure_one()
        return self.responsible_id or self.env.user

    def _qms_flag_review(self, reason, summary=None):
        """Flag for review with ``reason`` and give the responsible an activity
        (``summary``: its title, a legal change by default). Either may be a
        function of an environment: it is then written in the language of
        each record's responsible, who reads it."""
        today = self._qms_today()
        days = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("qms_public_admin.legal_review_days", 30)
        )
        texts = {}

        def render(lang):
            if lang not in texts:
                env = self.with_context(lang=lang).env
                texts[lang] = (
                    reason(env) if callable(reason) else reason,
                    (summary(env) if callable(summary) else summary)
                    or env._("Legal basis changed: review"),
                )
            return texts[lang]

        for rec in self.sudo():
            responsible = rec._qms_review_responsible()
            text, title = render(responsible.lang or self.env.lang)
            rec._qms_transition(
                {
                    "review_needed": True,
                    "review_reason": "\n".join(filter(None, [rec.review_reason, text])),
                    "review_since": rec.review_since or today,
                }
            )
            rec.activity_schedule(
                "qms_public_admin.mail_activity_legal_review",
                date_deadline=today + timedelta(days=days),
                summary=title,
                note=text,
                user_id=responsible.id,
            )

    def write(self, vals):
        if self._qms_review_fields & set(vals) and not self._qms_in_transition():
            raise UserError(
                self.env._(
                    "The legal review flag is set when a legal document changes and "
                    "cleared by a new version or by recording that no change is "
                    "needed."
                )
            )
        return super().write(vals)

    def _qms_clear_review(self, note):
        for rec in self.filtered("review_needed"):
            rec._qms_transition(
                {"review_needed": False, "review_reason": False, "review_since": False}
            )
            rec.activity_feedback(
                ["qms_public_admin.mail_activity_legal_review"], feedback=note
            )
            rec.message_post(body=note)

    def action_no_change_needed(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("No Change Needed"),
            "res_model": "qms.legal.review.close",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_res_model": self._name,
                "default_res_ids": ",".join(str(i) for i in self.ids),
            },
        }

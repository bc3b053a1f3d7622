# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..lib.states import NOTIFY_EVENTS, NOTIFY_STATES

_logger = logging.getLogger(__name__)


class QmsOnestopNotification(models.Model):
    """What the applicant was told, when, through which channel, and whether
    it went out: one row per moment and channel, or one row saying why
    nothing was sent. Failed sends are retried by the notification job."""

    _name = "qms.onestop.notification"
    _description = "Applicant Notification"
    _inherit = ["qms.onestop.dossier.child.mixin"]
    _order = "date desc, id desc"

    date = fields.Datetime(
        required=True,
        default=fields.Datetime.now,
        index=True,
        help="The moment the applicant was to be told of.",
    )
    event = fields.Selection(NOTIFY_EVENTS, required=True, index=True)
    channel_id = fields.Many2one("qms.onestop.notify.channel")
    recipient = fields.Char(help="Masked address or number it went to.")
    state = fields.Selection(NOTIFY_STATES, required=True, default="queued", index=True)
    reason = fields.Char(string="Why Not Sent / Error")
    attempts = fields.Integer(default=0)
    sent_at = fields.Datetime(readonly=True)
    log_id = fields.Many2one("qms.onestop.dossier.log", string="Log Line")
    mail_id = fields.Many2one("mail.mail", string="E-mail", ondelete="set null")
    sms_uuid = fields.Char(string="SMS Reference", index=True)

    # ------------------------------------------------------------ sending
    def _qms_send(self):
        """Send through each row's channel (``_qms_send_<code>``)."""
        for note in self:
            sender = getattr(note, f"_qms_send_{note.channel_id.code}", None)
            note.attempts += 1
            if not sender:
                note.write(
                    {
                        "state": "failed",
                        "reason": self.env._("No sender for this channel."),
                    }
                )
                continue
            try:
                with self.env.cr.savepoint():
                    sender()
            except Exception as exc:  # noqa: BLE001 - a channel's failure is logged
                _logger.warning("notification %s failed: %s", note.id, exc)
                note.write({"state": "failed", "reason": str(exc)[:250]})

    @api.model
    def _qms_unavailable(self, channel, dossier):
        """Why ``channel`` cannot reach the applicant of ``dossier`` at all
        (not a failure to retry), or None. A channel module may add its own
        reasons."""
        if channel.code == "sms" and not dossier.company_id.qms_sms_enabled:
            return self.env._("SMS is not set up for this agency.")
        return None

    def _qms_address(self):
        dossier = self.dossier_id.sudo()
        if self.channel_id.address == "email":
            return dossier.email_raw
        if self.channel_id.address == "phone":
            return dossier.phone_raw
        return False

    def _qms_send_email(self):
        template = self.env.ref(
            f"qms_onestop.mail_template_{self.event}", raise_if_not_found=False
        )
        if not template:
            raise UserError(self.env._("No e-mail template for this moment."))
        mail_id = template.sudo().send_mail(
            self.dossier_id.id,
            email_values={"email_to": self._qms_address(), "recipient_ids": []},
            email_layout_xmlid="mail.mail_notification_light",
        )
        self.write({"mail_id": mail_id, "state": "queued", "reason": False})

    def _qms_send_sms(self):
        if not self.company_id.qms_sms_enabled:
            raise UserError(self.env._("SMS is not set up for this agency."))
        template = self.env.ref(
            f"qms_onestop.sms_template_{self.event}", raise_if_not_found=False
        )
        if not template:
            raise UserError(self.env._("No SMS template for this moment."))
        dossier = self.dossier_id
        body = template.sudo()._render_field("body", dossier.ids, compute_lang=True)[
            dossier.id
        ]
        sms = (
            self.env["sms.sms"]
            .sudo()
            .create({"number": self._qms_address(), "body": body, "state": "outgoing"})
        )
        self.write({"sms_uuid": sms.uuid, "state": "queued", "reason": False})

    # ------------------------------------------------------------ follow-up
    def _qms_sync(self):
        """Read back what the mail queue and the SMS queue did."""
        now = fields.Datetime.now()
        for note in self.filtered(lambda n: n.state == "queued"):
            if note.channel_id.code == "email" and note.mail_id:
                mail = note.mail_id.sudo()
                if mail.state in ("sent", "received"):
                    note.write({"state": "sent", "sent_at": now})
                elif mail.state in ("exception", "cancel"):
                    note.write(
                        {
                            "state": "failed",
                            "reason": (mail.failure_reason or mail.state)[:250],
                        }
                    )
            elif note.channel_id.code == "sms" and note.sms_uuid:
                sms = (
                    self.env["sms.sms"]
                    .sudo()
                    .search([("uuid", "=", note.sms_uuid)], limit=1)
                )
                if not sms or sms.state in ("sent", "pending"):
                    # Sent SMS leave the queue.
                    note.write({"state": "sent", "sent_at": now})
                elif sms.state in ("error", "canceled"):
                    note.write(
                        {"state": "failed", "reason": sms.failure_type or sms.state}
                    )

    @api.model
    def _cron_qms_notifications(self):
        """Follow up the queued notifications and retry the failed ones."""
        self.sudo().search([("state", "=", "queued")], limit=5000)._qms_sync()
        failed = self.sudo().search([("state", "=", "failed")], limit=1000)
        failed.filtered(lambda n: n.attempts < n.channel_id.max_attempts)._qms_send()
        return True

    def action_retry(self):
        """A desk officer sends a failed notification again."""
        if not self.env.user.has_group("qms_onestop.group_onestop_desk"):
            raise AccessError(self.env._("Only desk officers resend notifications."))
        self.check_access("write")
        failed = self.filtered(lambda n: n.state == "failed")
        if not failed:
            raise UserError(self.env._("Only a failed notification is sent again."))
        failed.sudo()._qms_send()
        return True

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..lib import onestop
from ..lib.states import LOG_NOTIFY_EVENTS


class QmsOnestopDossier(models.Model):
    """Telling the applicant: each applicant-facing moment goes out through
    the channels the applicant chose, or the log says why it did not."""

    _inherit = "qms.onestop.dossier"  # pylint: disable=consider-merging-classes-inherited

    notify_channel_ids = fields.Many2many(
        "qms.onestop.notify.channel",
        string="Notify By",
        default=lambda self: self.env["qms.onestop.notify.channel"].search(
            [("default_on", "=", True)]
        ),
        help="How the applicant wants to be told of the dossier's progress.",
    )
    notification_ids = fields.One2many(
        "qms.onestop.notification", "dossier_id", string="Notifications", readonly=True
    )
    notification_failed = fields.Boolean(
        compute="_compute_notification_failed",
        search="_search_notification_failed",
    )

    def _compute_notification_failed(self):
        failed = set(
            self.env["qms.onestop.notification"]
            .sudo()
            .search([("dossier_id", "in", self.ids), ("state", "=", "failed")])
            .dossier_id.ids
        )
        for dossier in self:
            dossier.notification_failed = dossier.id in failed

    def _search_notification_failed(self, operator, value):
        query = self.env["qms.onestop.notification"]._search([("state", "=", "failed")])
        positive = (operator == "=") == bool(value)
        return [("id", "in" if positive else "not in", query.subselect("dossier_id"))]

    def _qms_log(self, action, **vals):
        log = super()._qms_log(action, **vals)
        event = LOG_NOTIFY_EVENTS.get(action)
        if event == "supplement" and vals.get("supplement_id"):
            supplement = self.env["qms.onestop.supplement"].browse(
                vals["supplement_id"]
            )
            if supplement.stage == "desk":
                # Guidance at the desk: the applicant holds the slip.
                event = None
        if action == "notice_issue" and log.notice_id.kind == "apology":
            event = "apology"
        if event:
            self._qms_notify(event, log)
        return log

    def _qms_notify(self, event, log=None):
        """Tell the applicant of ``event`` through each chosen channel; a row
        per channel, or one row with the reason nothing was sent."""
        self.ensure_one()
        Note = self.env["qms.onestop.notification"].sudo()
        base = {
            "dossier_id": self.id,
            "event": event,
            "log_id": log and log.id,
            "date": log.date if log else self._qms_now(),
        }
        if self.origin_transfer_id:
            return Note.create(
                dict(
                    base,
                    state="not_sent",
                    reason=self.env._(
                        "Transferred from %(agency)s: that agency tells the applicant.",
                        agency=self.origin_agency_id.name,
                    ),
                )
            )
        if not self.notify_channel_ids:
            return Note.create(
                dict(
                    base,
                    state="not_sent",
                    reason=self.env._("The applicant chose no channel."),
                )
            )
        raw = self.sudo()
        notes = Note
        for channel in self.notify_channel_ids:
            address = {
                "email": raw.email_raw,
                "phone": raw.phone_raw,
                "none": True,
            }[channel.address]
            values = dict(base, channel_id=channel.id)
            unavailable = Note._qms_unavailable(channel, self)
            if unavailable:
                notes |= Note.create(dict(values, state="not_sent", reason=unavailable))
                continue
            if not address:
                notes |= Note.create(
                    dict(
                        values,
                        state="not_sent",
                        reason=self.env._("No e-mail address on the dossier.")
                        if channel.address == "email"
                        else self.env._("No phone number on the dossier."),
                    )
                )
                continue
            if channel.address == "email":
                values["recipient"] = onestop.mask_email(address)
            elif channel.address == "phone":
                values["recipient"] = onestop.mask(address, 3)
            notes |= Note.create(values)
        self._qms_send_at_commit(notes.filtered(lambda n: n.state == "queued"))
        return notes

    def _qms_send_at_commit(self, notes):
        """Render and send ``notes`` when the transaction ends, once every
        value the messages print (due dates, deadlines, the rating link) is
        final; a transaction that fails sends nothing."""
        if not notes:
            return
        precommit = self.env.cr.precommit
        pending = precommit.data.setdefault("qms_onestop.notify", [])
        if not pending:
            precommit.add(self._qms_send_pending)
        pending.extend(notes.ids)

    def _qms_send_pending(self):
        ids = self.env.cr.precommit.data.pop("qms_onestop.notify", [])
        self.env["qms.onestop.notification"].sudo().browse(ids).exists()._qms_send()
        # Called after the transaction's last flush, just before the commit:
        # what sending wrote (the rows' state and mail, a rating link's
        # token) is flushed here or lost.
        self.env.flush_all()

    # -------------------------------------------------------------- templates
    def qms_applicant_lang(self):
        """Applicants are written to in Vietnamese unless their contact says
        otherwise."""
        self.ensure_one()
        lang = self.sudo().applicant_partner_id.lang
        if lang and lang != "en_US":
            return lang
        return self._qms_record_lang()

    def qms_notify_text(self):
        """Values the message templates print (local dates, the lookup
        address)."""
        self.ensure_one()

        def local(moment):
            return moment and self._qms_local(moment).strftime("%H:%M %d/%m/%Y") or ""

        supplement = self.supplement_ids.filtered(
            lambda s: s.state not in ("draft", "cancelled")
        ).sorted("id")[-1:]
        notice = self.notice_ids.filtered(lambda n: n.state == "issued").sorted("id")[
            -1:
        ]
        base = self.get_base_url()
        return {
            "code": self.name or "",
            "procedure": self.tthc_id.name or "",
            "agency": self.company_id.name or "",
            "desk": self.receiving_company_id.name or "",
            "appointment": local(self.appointment_at),
            "due": local(self.due_at),
            "items": supplement.items or "",
            "deadline": local(supplement.deadline_at),
            "reason": self.closing_reason or notice.reason or "",
            "amount": self._qms_amount_text(),
            "valid_until": self.result_valid_until
            and self.result_valid_until.strftime("%d/%m/%Y")
            or "",
            "lookup_url": f"{base}/tra-cuu-ho-so",
            "rating_url": self._qms_rating_url() or "",
        }

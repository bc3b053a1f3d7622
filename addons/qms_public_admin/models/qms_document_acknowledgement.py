# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsDocumentAcknowledgement(models.Model):
    """A recipient's "read and understood" of a published version."""

    _name = "qms.document.acknowledgement"
    _description = "Document Acknowledgement"
    _order = "state desc, date_due, id"
    _rec_name = "version_id"

    version_id = fields.Many2one(
        "qms.document.version",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    document_id = fields.Many2one(
        related="version_id.document_id", store=True, index=True
    )
    company_id = fields.Many2one(
        related="version_id.company_id", store=True, index=True
    )
    user_id = fields.Many2one(
        "res.users", string="Recipient", required=True, index=True, readonly=True
    )
    state = fields.Selection(
        [
            ("pending", "Not Yet Read"),
            ("done", "Read and Understood"),
            ("cancelled", "No Longer Required"),
        ],
        default="pending",
        required=True,
        readonly=True,
        index=True,
    )
    date_due = fields.Date(string="Read By", readonly=True)
    acknowledged_on = fields.Datetime(readonly=True)
    reminder_count = fields.Integer(string="Reminders Sent", readonly=True)
    last_reminder_on = fields.Date(readonly=True)

    _sql_constraints = [
        (
            "version_user_unique",
            "unique(version_id, user_id)",
            "A recipient acknowledges a version once.",
        ),
    ]

    def action_acknowledge(self):
        for ack in self:
            if ack.user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only %(user)s can confirm having read this version.",
                        user=ack.user_id.name,
                    )
                )
            if ack.state == "done":
                continue
            if ack.version_id.state != "effective":
                raise UserError(self.env._("This version is no longer published."))
            # Rights checked above: a recipient writes only their own line.
            ack.sudo().write(
                {"state": "done", "acknowledged_on": fields.Datetime.now()}
            )
            ack.version_id.sudo().activity_feedback(
                ["qms_public_admin.mail_activity_document_acknowledge"],
                user_id=ack.user_id.id,
                feedback=self.env._("Read and understood."),
            )
        return True

    @api.model
    def _qms_cancel(self):
        """Nobody has to read these any more (the version is obsolete)."""
        self.filtered(lambda a: a.state == "pending").sudo().write(
            {"state": "cancelled"}
        )

    def _cron_remind(self):
        """Remind recipients whose acknowledgement is overdue, every few days."""
        today = self._qms_today()
        days = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("qms_public_admin.acknowledgement_days", 5)
        )
        overdue = self.search(
            [
                ("state", "=", "pending"),
                ("date_due", "<", today),
                ("version_id.state", "=", "effective"),
                "|",
                ("last_reminder_on", "=", False),
                ("last_reminder_on", "<=", today - timedelta(days=days)),
            ]
        )

        def job(ack):
            ack.version_id.message_notify(
                partner_ids=ack.user_id.partner_id.ids,
                subject=self.env._(
                    "Reminder: read %(name)s", name=ack.version_id.display_name
                ),
                body=self.env._(
                    "Please read %(name)s and confirm you have understood it.",
                    name=ack.version_id.display_name,
                ),
            )
            ack.write(
                {"reminder_count": ack.reminder_count + 1, "last_reminder_on": today}
            )

        self.env["qms.transition.mixin"]._qms_each(overdue, job)
        return len(overdue)

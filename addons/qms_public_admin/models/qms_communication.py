# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsCommunication(models.Model):
    """An item of the agency's communication plan (ISO 9001 clause 7.4): what
    is communicated about the quality system (policy, objectives, changes),
    when, to whom, and the proof it was sent through Odoo's messaging."""

    _name = "qms.communication"
    _description = "Quality Communication"
    _inherit = ["mail.thread", "mail.activity.mixin", "qms.locked.mixin"]
    _order = "date_planned desc, id desc"
    _check_company_auto = True

    _qms_locked_states = ("sent", "cancelled")
    _qms_system_fields = frozenset({"sent_on", "recipient_count"})

    name = fields.Char(string="Subject", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    topic = fields.Selection(
        [
            ("policy", "Quality policy"),
            ("objectives", "Quality objectives"),
            ("change", "Change in the system or a procedure"),
            ("results", "Results of audits and reviews"),
            ("awareness", "Awareness"),
            ("other", "Other"),
        ],
        required=True,
        default="change",
    )
    body = fields.Html(string="Message", required=True)
    date_planned = fields.Date(
        string="Planned On", required=True, default=fields.Date.context_today
    )
    group_ids = fields.Many2many(
        "res.groups",
        "qms_communication_group_rel",
        "communication_id",
        "group_id",
        string="To Groups",
        help="Every officer of the agency in these groups receives it.",
    )
    user_ids = fields.Many2many(
        "res.users",
        "qms_communication_user_rel",
        "communication_id",
        "user_id",
        string="To Officers",
        check_company=True,
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "qms_communication_partner_rel",
        "communication_id",
        "partner_id",
        string="To Others",
        help="People outside the agency (by e-mail).",
    )
    channel_id = fields.Many2one(
        "discuss.channel",
        string="Also Post In",
        help="A Discuss channel of the agency where the message is posted too.",
    )
    state = fields.Selection(
        [("planned", "Planned"), ("sent", "Sent"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        readonly=True,
        tracking=True,
    )
    sent_on = fields.Datetime(readonly=True, copy=False)
    recipient_count = fields.Integer(readonly=True, copy=False)
    document_id = fields.Many2one(
        "qms.document", string="About Document", check_company=True
    )

    def _qms_recipients(self):
        self.ensure_one()
        users = self.user_ids | self.group_ids.sudo().users.filtered(
            lambda u: self.company_id in u.company_ids and u.active and not u.share
        )
        return users.partner_id | self.partner_ids

    def action_send(self):
        for rec in self:
            if rec.state != "planned":
                raise UserError(
                    self.env._("%(name)s was already sent or cancelled.", name=rec.name)
                )
            partners = rec._qms_recipients()
            if not partners and not rec.channel_id:
                raise UserError(
                    self.env._(
                        "%(name)s has nobody to send to: choose groups, officers, "
                        "people or a channel.",
                        name=rec.name,
                    )
                )
            rec.message_post(
                body=rec.body,
                subject=rec.name,
                partner_ids=partners.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            if rec.channel_id:
                rec.channel_id.message_post(
                    body=Markup("<p><b>%s</b></p>") % rec.name + rec.body,
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                )
            rec._qms_transition(
                {
                    "state": "sent",
                    "sent_on": fields.Datetime.now(),
                    "recipient_count": len(partners),
                }
            )
        return True

    def action_cancel(self):
        self.filtered(lambda r: r.state == "planned")._qms_transition(
            {"state": "cancelled"}
        )
        return True

    @api.model
    def _cron_send_due(self):
        """Send what the plan says is due today or earlier."""
        due = self.search(
            [("state", "=", "planned"), ("date_planned", "<=", self._qms_today())]
        )
        failed = self._qms_each(due, lambda rec: rec.action_send())
        return len(due) - len(failed)

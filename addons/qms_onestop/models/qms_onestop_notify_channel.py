# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsOnestopNotifyChannel(models.Model):
    """A way of telling applicants: e-mail and SMS come with the addon; a
    module adds another (a Zalo official account, an app push) with a record
    of this model and a ``_qms_send_<code>`` method on
    ``qms.onestop.notification`` (see the readme)."""

    _name = "qms.onestop.notify.channel"
    _description = "Notification Channel"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True, help="Names the sending method.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    address = fields.Selection(
        [("email", "E-mail Address"), ("phone", "Phone Number"), ("none", "None")],
        string="Needs",
        required=True,
        default="none",
        help="What the dossier must hold for this channel to reach the applicant.",
    )
    default_on = fields.Boolean(
        string="Chosen by Default",
        help="New dossiers use this channel unless the applicant says otherwise.",
    )
    max_attempts = fields.Integer(
        default=3, help="Sending attempts before a failure is final."
    )
    note = fields.Text()

    _sql_constraints = [
        ("code_unique", "unique(code)", "A channel code is used once."),
    ]

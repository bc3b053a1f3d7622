# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsBackgroundTaskLine(models.Model):
    """The outcome of one part of a background task: one item (a dossier of
    a batch) or several (a chunk of catalogue rows)."""

    _name = "qms.background.task.line"
    _description = "Background Task Outcome"
    _order = "task_id, sequence, id"

    task_id = fields.Many2one(
        "qms.background.task",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="task_id.company_id", store=True)
    sequence = fields.Integer(readonly=True, help="The item's place in the request.")
    count = fields.Integer(default=1, readonly=True, help="Items this line stands for.")
    ok = fields.Boolean(string="Succeeded", readonly=True)
    ref = fields.Char(string="Reference", readonly=True)
    error_code = fields.Char(readonly=True)
    message = fields.Text(readonly=True)

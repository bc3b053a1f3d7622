# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..lib.states import DOSSIER_STATES

NATIONAL_STATUSES = [
    ("receiving", "Receiving (receiving)"),
    ("new", "New (new)"),
    ("processing", "Processing (processing)"),
    ("waiting", "Waiting for Supplement (waiting)"),
    ("paying", "Waiting for Payment (paying)"),
    ("releasing", "Result Waiting to Be Returned (releasing)"),
    ("done", "Done (done)"),
    ("denied", "Refused (denied)"),
    ("unresolved", "Not Settled (unresolved)"),
    ("cancelled", "Withdrawn (cancelled)"),
    ("interoperating", "At Another Agency (interoperating)"),
    ("posting", "Sent by Post (posting)"),
]


class QmsOnestopStatusMap(models.Model):
    """How a dossier's status reads in the national public service portal's
    vocabulary. Data, not code: the first matching row (by sequence) wins, so a
    province changes the mapping without a new release."""

    _name = "qms.onestop.status.map"
    _description = "National Portal Status Mapping"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    state = fields.Selection(
        DOSSIER_STATES,
        string="Dossier Status",
        required=True,
    )
    condition = fields.Selection(
        [
            ("any", "Always"),
            ("unpaid", "A Fee Is Unpaid"),
            ("post", "Result Returned by Post"),
        ],
        default="any",
        required=True,
    )
    national_status = fields.Selection(NATIONAL_STATUSES, required=True)
    note = fields.Char()
    active = fields.Boolean(default=True)

    @api.model
    def _qms_rows(self):
        return [
            (row.state, row.condition, row.national_status)
            for row in self.sudo().search([])
        ]

    @api.model
    def _qms_national_status(self, dossier, rows=None):
        """The national status of ``dossier`` (False when no row matches)."""
        for state, condition, national in rows or self._qms_rows():
            if state != dossier.state:
                continue
            if condition == "unpaid" and dossier.payment_state not in (
                "to_pay",
                "partial",
            ):
                continue
            if condition == "post" and dossier.return_method != "post":
                continue
            return national
        return False

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import UserError

from ..lib.states import DOSSIER_STATES, TIMELINESS

LOG_ACTIONS = [
    ("receive", "Received"),
    ("handoff", "Handed Off"),
    ("send_back", "Sent Back"),
    ("reassign", "Reassigned"),
    ("supplement_request", "Supplement Requested"),
    ("supplement_received", "Supplement Received"),
    ("notice_draft", "Notice Drafted"),
    ("notice_submit", "Notice Submitted"),
    ("notice_approve", "Notice Approved"),
    ("notice_reject", "Notice Rejected"),
    ("notice_issue", "Notice Issued"),
    ("result_ready", "Result Ready"),
    ("return", "Result Returned"),
    ("refuse", "Refused"),
    ("stop", "Processing Stopped"),
    ("withdraw", "Withdrawn"),
    ("override_appointment", "Appointment Changed"),
    ("override_timeliness", "Status Changed"),
    ("transfer_send", "Transferred to Another Agency"),
    ("transfer_result", "Back From Another Agency"),
    ("transfer_cancel", "Transfer Called Back"),
    ("payment_request", "Payment Requested"),
    ("payment", "Payment Recorded"),
    ("payment_received", "Fees Paid, Processing Resumed"),
    ("refund", "Fees Refunded"),
    ("delivery", "Postal Delivery Updated"),
    ("rate", "Rated by the Applicant"),
    ("anonymise", "Personal Data Erased"),
]


class QmsOnestopDossierLog(models.Model):
    """Every move of a dossier (who, when, from, to, why). Append-only: this log
    is the process control sheet (phiếu kiểm soát quá trình)."""

    _name = "qms.onestop.dossier.log"
    _description = "Dossier Process Log"
    _inherit = ["qms.onestop.dossier.child.mixin"]
    _order = "dossier_id, date, id"

    date = fields.Datetime(required=True, index=True)
    user_id = fields.Many2one("res.users", string="By", required=True)
    action = fields.Selection(LOG_ACTIONS, required=True, index=True)
    state = fields.Selection(
        DOSSIER_STATES,
        string="Dossier Status",
    )
    from_line_id = fields.Many2one("qms.onestop.dossier.line", string="From Step")
    to_line_id = fields.Many2one("qms.onestop.dossier.line", string="To Step")
    from_user_id = fields.Many2one("res.users", string="Handed Over By")
    to_user_id = fields.Many2one("res.users", string="Received By")
    from_unit_id = fields.Many2one("hr.department")
    to_unit_id = fields.Many2one("hr.department")
    step_timeliness = fields.Selection(TIMELINESS, string="Result of the Step")
    notice_id = fields.Many2one("qms.onestop.notice")
    supplement_id = fields.Many2one("qms.onestop.supplement")
    transfer_id = fields.Many2one("qms.onestop.transfer")
    reason = fields.Text()
    note = fields.Text()

    def init(self):
        # The integration API's changes feed pages through the log in the order
        # of the transactions that wrote it (``txid``, then ``id``), and only
        # up to the oldest transaction still running: ids are taken when a row
        # is inserted, not when it commits, so a feed ordered by id alone could
        # skip a row committed late under a lower id. Rows logged before this
        # column existed keep 0 (id order among them, before every new row).
        # Not an ORM field: PostgreSQL fills it, nobody writes it.
        cr = self.env.cr
        cr.execute(
            f"ALTER TABLE {self._table} "
            "ADD COLUMN IF NOT EXISTS txid bigint NOT NULL DEFAULT 0"
        )
        cr.execute(
            f"ALTER TABLE {self._table} ALTER COLUMN txid SET DEFAULT txid_current()"
        )
        tools.create_index(
            cr, "qms_onestop_dossier_log_txid_idx", self._table, ["txid", "id"]
        )
        tools.create_index(
            cr,
            "qms_onestop_dossier_log_feed_idx",
            self._table,
            ["create_date", "id"],
        )

    def write(self, vals):
        if vals:
            raise UserError(
                self.env._("The process log of a dossier cannot be changed.")
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("The process log of a dossier cannot be deleted."))

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..lib.states import OPEN_STATES
from .qms_onestop_batch_wizard import run_each


class QmsOnestopWorkloadWizard(models.TransientModel):
    """A supervisor moves an officer's whole open workload to another
    officer (leaving, leave of absence): each open step is reassigned with
    the reason in the dossier's log; a step the new officer may not perform
    is listed and stays."""

    _name = "qms.onestop.workload.wizard"
    _description = "Move an Officer's Workload"

    from_user_id = fields.Many2one("res.users", string="From Officer", required=True)
    to_user_id = fields.Many2one("res.users", string="To Officer", required=True)
    reason = fields.Text(required=True)
    open_count = fields.Integer(compute="_compute_open_count", string="Open Steps")
    done = fields.Boolean(readonly=True)
    line_ids = fields.One2many(
        "qms.onestop.workload.wizard.line", "wizard_id", string="Outcome", readonly=True
    )
    moved_count = fields.Integer(compute="_compute_moved")
    refused_count = fields.Integer(compute="_compute_moved")

    def _qms_open_dossiers(self):
        self.ensure_one()
        if not self.from_user_id:
            return self.env["qms.onestop.dossier"]
        return self.env["qms.onestop.dossier"].search(
            [
                ("current_user_id", "=", self.from_user_id.id),
                ("state", "in", OPEN_STATES),
                ("company_id", "in", self.env.user.company_ids.ids),
            ]
        )

    @api.depends("from_user_id")
    def _compute_open_count(self):
        for wizard in self:
            wizard.open_count = len(wizard._qms_open_dossiers())

    def _compute_moved(self):
        for wizard in self:
            wizard.moved_count = len(wizard.line_ids.filtered("accepted"))
            wizard.refused_count = len(wizard.line_ids) - wizard.moved_count

    def action_run(self):
        self.ensure_one()
        if not self.env.user.has_group("qms_onestop.group_onestop_supervisor"):
            raise AccessError(self.env._("Only a supervisor moves an officer's work."))
        if self.done:
            raise UserError(self.env._("This move has already run."))
        if self.from_user_id == self.to_user_id:
            raise ValidationError(
                self.env._("Choose another officer to take the work.")
            )
        if not (self.reason or "").strip():
            raise ValidationError(self.env._("Say why the work is moved."))
        dossiers = self._qms_open_dossiers()
        if not dossiers:
            raise UserError(
                self.env._(
                    "%(user)s has no open dossier step.", user=self.from_user_id.name
                )
            )
        reason = self.env._(
            "Workload of %(from)s moved to %(to)s: %(reason)s",
            **{"from": self.from_user_id.name},
            to=self.to_user_id.name,
            reason=self.reason.strip(),
        )
        return run_each(
            self,
            dossiers,
            lambda dossier: dossier.action_reassign(self.to_user_id.id, reason),
        )


class QmsOnestopWorkloadWizardLine(models.TransientModel):
    _name = "qms.onestop.workload.wizard.line"
    _description = "Outcome for One Dossier"

    wizard_id = fields.Many2one(
        "qms.onestop.workload.wizard", required=True, ondelete="cascade"
    )
    dossier_id = fields.Many2one("qms.onestop.dossier")
    accepted = fields.Boolean(string="Moved")
    message = fields.Char(string="Why Not")

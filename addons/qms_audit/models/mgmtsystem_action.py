# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class MgmtsystemAction(models.Model):
    """Actions coming from an audit: its nonconformities' corrections and
    corrective actions, and improvement actions for its observations. The
    auditors of that audit verify their effectiveness; once every action of a
    nonconformity is verified, the nonconformity closes."""

    _inherit = "mgmtsystem.action"

    qms_audit_id = fields.Many2one(
        "qms.audit",
        string="Audit",
        index=True,
        ondelete="set null",
        check_company=True,
        compute="_compute_qms_audit_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    qms_finding_id = fields.Many2one(
        "qms.audit.finding", string="Finding", index=True, ondelete="set null"
    )

    @api.depends("nonconformity_ids.qms_audit_id", "qms_finding_id")
    def _compute_qms_audit_id(self):
        for action in self:
            audit = (
                action.qms_finding_id.audit_id
                or action.nonconformity_ids.qms_audit_id[:1]
            )
            action.qms_audit_id = audit or action.qms_audit_id

    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        for action in actions.filtered("qms_finding_id"):
            action.qms_finding_id.sudo().action_id = action
        return actions

    def _qms_check_can_verify(self, user):
        """The auditors of the audit the action comes from verify it too (never
        the person responsible for it)."""
        self.ensure_one()
        if user != self.user_id and user in self.sudo().qms_audit_id.team_user_ids:
            return
        return super()._qms_check_can_verify(user)

    def _qms_apply_verification(self, verification):
        result = super()._qms_apply_verification(verification)
        ready = (self.nonconformity_ids | self.nonconformity_immediate_id).filtered(
            lambda nc: (
                nc.state == "open"
                and all(
                    a.qms_state in ("verified", "cancel") for a in nc._get_all_actions()
                )
            )
        )
        for nc in ready:
            nc._qms_close()
        return result

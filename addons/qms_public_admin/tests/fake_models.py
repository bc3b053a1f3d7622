# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Models that exist only while the mixin tests run (loaded by
odoo-test-helper's FakeModelLoader): each uses one mixin of the core as a new
workflow model would."""

from odoo import fields, models


class QmsFakeLocked(models.Model):
    _name = "qms.fake.locked"
    _description = "Fake Locked Record"
    _inherit = ["qms.locked.mixin"]
    _qms_locked_states = ("done",)
    _qms_unlocked_fields = frozenset({"note"})

    name = fields.Char()
    note = fields.Char()
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done"), ("cancel", "Cancelled")],
        default="draft",
        readonly=True,
    )
    line_ids = fields.One2many("qms.fake.line", "parent_id")


class QmsFakeLine(models.Model):
    _name = "qms.fake.line"
    _description = "Fake Line"
    _inherit = ["qms.child.mixin"]
    _qms_parent_field = "parent_id"
    _qms_free_fields = frozenset({"scan"})

    parent_id = fields.Many2one("qms.fake.locked", required=True, ondelete="cascade")
    name = fields.Char()
    scan = fields.Char()


class QmsFakeRule(models.Model):
    _name = "qms.fake.rule"
    _description = "Fake Dated Rule"
    _inherit = ["qms.validity.mixin"]
    _qms_validity_scope = ("kind",)

    name = fields.Char()
    kind = fields.Char()


class QmsFakeApproval(models.Model):
    _name = "qms.fake.approval"
    _description = "Fake Approved Record"
    _inherit = ["qms.approval.mixin", "mail.thread", "mail.activity.mixin"]
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "draft"
    _qms_locked_states = ("approved",)

    name = fields.Char()
    amount = fields.Integer()
    state = fields.Selection(
        [("draft", "Draft"), ("to_approve", "To Approve"), ("approved", "Approved")],
        default="draft",
        readonly=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True)
    rejections = fields.Integer(readonly=True)
    review_events = fields.Integer(readonly=True)

    def _get_under_validation_exceptions(self):
        return super()._get_under_validation_exceptions() + [
            "rejections",
            "review_events",
        ]

    def _qms_approved(self):
        for rec in self:
            rec._qms_transition(
                {"state": "approved", "approved_by_id": rec._qms_approver().id}
            )

    def _qms_rejected(self):
        for rec in self:
            rec._qms_transition({"rejections": rec.rejections + 1})

    def _qms_review_changed(self):
        for rec in self.sudo():
            rec._qms_transition({"review_events": rec.review_events + 1})

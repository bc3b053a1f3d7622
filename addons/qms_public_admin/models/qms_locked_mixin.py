# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError


class QmsLockedMixin(models.AbstractModel):
    """A record with a ``state`` moved only by its buttons and frozen once it
    reaches one of ``_qms_locked_states`` (announced, approved, closed...).

    ``_qms_unlocked_fields`` stay writable in a locked state (follow-up data
    such as the date a report was sent); chatter and approval bookkeeping always
    stay writable.
    """

    _name = "qms.locked.mixin"
    _description = "Record Frozen Once Approved"

    _qms_locked_states = ()
    _qms_unlocked_fields = frozenset()
    _qms_bookkeeping_fields = frozenset(
        {
            "message_main_attachment_id",
            "activity_ids",
            "message_follower_ids",
            "validation_status",
            "review_ids",
        }
    )

    def write(self, vals):
        if not self.env.context.get("qms_transition"):
            if "state" in vals:
                raise UserError(
                    self.env._("Use the buttons to change the status of a record.")
                )
            content = (
                set(vals) - self._qms_bookkeeping_fields - self._qms_unlocked_fields
            )
            locked = self.filtered(lambda r: r.state in self._qms_locked_states)
            if locked and content:
                raise UserError(
                    self.env._(
                        "%(name)s is %(state)s and can no longer be changed.",
                        name=locked[0].display_name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[locked[0].state].lower(),
                    )
                )
        return super().write(vals)

    def _qms_transition(self, vals):
        """Write ``vals`` (a new state and its dates) past the guard."""
        return self.with_context(qms_transition=True).write(vals)

    def _qms_require_state(self, states, message):
        """Raise ``message`` unless every record is in one of ``states``."""
        if any(rec.state not in states for rec in self):
            raise UserError(message)

    def _qms_open(self):
        """Window action opening this record."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
        }

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models, tools
from odoo.exceptions import UserError


class QmsLockedMixin(models.AbstractModel):
    """A record whose state field is moved only by its transition methods, and
    whose content is frozen in ``_qms_locked_states`` (announced, approved,
    closed...).

    What is frozen, per state:

    - the state field and ``_qms_system_fields`` (with ``_qms_guard_readonly``,
      every stored field declared read-only: codes, dates and figures the system
      sets) are written only by transitions, in every state;
    - in a locked state every field is frozen except the bookkeeping of chatter
      and approvals and ``_qms_unlocked_fields`` (follow-up data such as the date
      a report was sent); a model may answer per state with
      :meth:`_qms_frozen_fields`;
    - a locked record is never deleted;
    - a record is created only in its initial state, without the fields of
      ``_qms_system_fields`` (with ``_qms_create_guards_readonly``, without any
      field the system sets).

    Transitions open the records they move with ``_qms_unlocked()``.
    """

    _name = "qms.locked.mixin"
    _inherit = ["qms.transition.mixin"]
    _description = "Record Frozen Once Approved"

    _qms_state_field = "state"
    _qms_locked_states = ()
    _qms_unlocked_fields = frozenset()
    _qms_system_fields = frozenset()
    # Guard every stored read-only field too (codes, dates, figures), on
    # writes and, with ``_qms_create_guards_readonly``, at creation.
    _qms_guard_readonly = False
    _qms_create_guards_readonly = False
    # Locked states whose records may still be deleted (a cancelled draft...).
    _qms_deletable_states = ("cancel", "cancelled")
    _qms_bookkeeping_fields = frozenset(
        {
            "message_main_attachment_id",
            "activity_ids",
            "message_follower_ids",
            "message_ids",
            "validation_status",
            "review_ids",
        }
    )

    # ------------------------------------------------------------ rules
    def _qms_frozen_fields(self, state, names):
        """Which of the fields ``names`` are frozen in ``state``."""
        if state in self._qms_locked_states:
            return set(names) - set(self._qms_unlocked_fields)
        return set()

    @api.model
    @tools.ormcache()
    def _qms_guarded_fields(self):
        """Fields written only by transitions, in every state (computed once
        per model and registry)."""
        names = {self._qms_state_field} | set(self._qms_system_fields)
        if not self._qms_guard_readonly:
            return frozenset(names)
        for name, field in self._fields.items():
            if (
                field.store
                and field.readonly
                and not field.compute
                and not field.related
                and name not in self._qms_bookkeeping_fields
                and not field.automatic
            ):
                names.add(name)
        return frozenset(names)

    def _qms_field_labels(self, names):
        return ", ".join(sorted(self._fields[n].string or n for n in names))

    def _qms_locked_message(self, record):
        return self.env._(
            "%(name)s is %(state)s and can no longer be changed.",
            name=record.display_name,
            state=self._qms_state_label(record).lower(),
        )

    def _qms_state_label(self, record):
        field = self._fields[self._qms_state_field]
        return dict(field._description_selection(self.env)).get(
            record[self._qms_state_field], record[self._qms_state_field]
        )

    def _qms_check_editable(self):
        """Raise unless these records accept changes of their content and of
        their lines (``qms.child.mixin``): not in a locked state, or being
        moved by a transition."""
        if self._qms_in_transition():
            return
        for record in self:
            if record[self._qms_state_field] in self._qms_locked_states:
                raise UserError(self._qms_locked_message(record))

    def _qms_check_write(self, names):
        """Raise unless a user may write the fields ``names`` on these records."""
        guarded = names & self._qms_guarded_fields()
        if guarded:
            raise UserError(
                self.env._(
                    "Use the buttons to change the status of a record (set by "
                    "the system: %(fields)s).",
                    fields=self._qms_field_labels(guarded),
                )
            )
        content = names - self._qms_bookkeeping_fields
        if not content:
            return
        for record in self:
            if self._qms_frozen_fields(record[self._qms_state_field], content):
                raise UserError(self._qms_locked_message(record))

    # ------------------------------------------------------------ ORM
    @api.model_create_multi
    def create(self, vals_list):
        if not self._qms_creating():
            defaults = {
                key[8:]
                for key in self.env.context
                if key.startswith("default_") and key[8:] in self._fields
            }
            guarded = {self._qms_state_field} | set(self._qms_system_fields)
            if self._qms_create_guards_readonly:
                guarded = self._qms_guarded_fields()
            for vals in vals_list:
                wrong = (set(vals) | defaults) & guarded
                if wrong:
                    raise UserError(
                        self.env._(
                            "A new record starts in its initial status (set by "
                            "the system: %(fields)s).",
                            fields=self._qms_field_labels(wrong),
                        )
                    )
        return super().create(vals_list)

    def write(self, vals):
        if vals and not self._qms_in_transition():
            self._qms_check_write(set(vals))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _qms_unlink_unlocked(self):
        if self._qms_in_transition():
            return
        for record in self:
            state = record[self._qms_state_field]
            if (
                state in self._qms_locked_states
                and state not in self._qms_deletable_states
            ):
                raise UserError(self._qms_locked_message(record))

    # ------------------------------------------------------------ helpers
    def _qms_require_state(self, states, message):
        """Raise ``message`` unless every record is in one of ``states``."""
        if any(rec[self._qms_state_field] not in states for rec in self):
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

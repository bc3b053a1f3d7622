# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from contextlib import contextmanager

from odoo import api, models

from ..lib import transition

_logger = logging.getLogger(__name__)


class QmsTransitionMixin(models.AbstractModel):
    """Opens records to their own transition methods.

    A guard that a transition must pass asks :meth:`_qms_in_transition`; the
    transition runs its writes inside :meth:`_qms_unlocked`. The switch is a
    server-side context variable (see ``lib/transition.py``), never a context key:
    an RPC caller controls its context, not the server's Python stack.
    """

    _name = "qms.transition.mixin"
    _description = "Records Moved Only by Their Transitions"

    def _qms_in_transition(self):
        """Whether a transition method opened these records (or is creating
        records of this model: what the creation writes passes too)."""
        return transition.is_unlocked(self._name, self.ids) or self._qms_creating()

    @api.model
    def _qms_creating(self):
        """Whether a transition method is creating records of this model."""
        return transition.is_unlocked(self._name, ["new"])

    @contextmanager
    def _qms_unlocked(self, create=False):
        """Open these records (and, with ``create``, new ones) to writes that only
        transitions may make, for the duration of the block."""
        ids = list(self.ids) + (["new"] if create else [])
        with transition.unlocked(self._name, ids):
            yield self

    def _qms_transition(self, vals):
        """Write ``vals`` (a new state and what goes with it) past the guards.
        The move is always tracked in the chatter: the caller's context may
        not switch tracking off (``tracking_disable``, ``mail_notrack``)."""
        records = self.with_context(tracking_disable=False, mail_notrack=False)
        with self._qms_unlocked():
            return records.write(vals)

    @api.model
    def _qms_each(self, records, job):
        """Run ``job(record)`` for each record in a savepoint of its own (for
        crons): a record that fails is rolled back, logged and skipped, and the
        others go on. Returns the records that failed."""
        failed = records.browse()
        for record in records:
            try:
                with self.env.cr.savepoint():
                    job(record)
            except Exception:  # pylint: disable=broad-except
                # One bad record (a missing approver, a concurrent move) must
                # not stop the batch: the next run tries it again.
                _logger.exception(
                    "%s %s skipped by %s", record._name, record.id, job.__qualname__
                )
                failed |= record
        return failed

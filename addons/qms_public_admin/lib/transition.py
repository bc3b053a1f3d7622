# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Server-side switches that no client can turn on.

A request's context (``env.context``) is whatever the caller sent: an XML-RPC or
JSON-RPC client may add any key. So nothing that lifts a guard may be read from it.
The two switches of the QMS addons live in :mod:`contextvars` instead, set only by
Python code running in the server, for the duration of a ``with`` block:

- :func:`unlocked` opens given records of a model to writes that their freeze rules
  refuse (a state change, a field frozen in the record's state). Transition methods
  open exactly the records they move, and only while they write them.
- :func:`clock` sets the moment the one-stop desk takes for "now" (the demo data
  generator and the inter-agency transfer replay moves at given moments).

Context variables are local to the thread (and to the greenlet under gevent), so a
switch set by one request is never seen by another.
"""

from contextlib import contextmanager
from contextvars import ContextVar

_UNLOCKED = ContextVar("qms_unlocked", default=frozenset())
_CLOCK = ContextVar("qms_clock", default=None)


@contextmanager
def unlocked(model_name, ids):
    """Let the records ``ids`` of ``model_name`` pass their freeze rules inside the
    block (and nothing else)."""
    keys = {(model_name, rid) for rid in ids}
    token = _UNLOCKED.set(_UNLOCKED.get() | keys)
    try:
        yield
    finally:
        _UNLOCKED.reset(token)


def is_unlocked(model_name, ids):
    """Whether every one of ``ids`` was opened by :func:`unlocked` (nothing to
    open is open). Creation is opened with the id ``"new"``."""
    keys = _UNLOCKED.get()
    return all((model_name, rid) in keys for rid in ids)


@contextmanager
def clock(moment):
    """Take ``moment`` (a naive UTC datetime) for now inside the block."""
    token = _CLOCK.set(moment)
    try:
        yield
    finally:
        _CLOCK.reset(token)


def clock_moment():
    """The moment set by :func:`clock`, or None."""
    return _CLOCK.get()

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Registry signaling checked on the primary when a read replica is set.

Odoo's workers learn that another process changed the registry or cleared a
cache from PostgreSQL sequences (``base_registry_signaling``,
``base_cache_signaling_*``). Streaming replication does not keep a sequence's
value in step: a standby sees it only as far as the primary last wrote it to
the WAL (up to 32 values ahead). The first Odoo 18.0 releases read those
sequences on the replica's cursor for every HTTP request, and on the primary
for every XML-RPC call: a worker serving both sees two different numbers and
clears its caches twice per call (measured with ``tools/scaleout.py``: a
``dossier_status`` call took 0.8 s instead of 30 ms, most of it re-checking
the caller's password), and may miss a real change. Odoo fixed it in 18.0 in
December 2024 (odoo/odoo#190407) by checking the signals on a read/write
cursor; this applies the same rule to the releases before the fix, and does
nothing on the releases that have it or where no replica is configured.
"""

import inspect
import logging

import psycopg2

from odoo import http
from odoo.modules.registry import Registry
from odoo.tools import config

_logger = logging.getLogger(__name__)


def _open_registry(self):
    if config["db_replica_host"] is False:
        return _open_registry.original(self)
    try:
        # The signals on the primary, the request's reads on the replica.
        registry = Registry(self.db).check_signaling()
        cr_readonly = registry.cursor(readonly=True)
    except (AttributeError, psycopg2.OperationalError, psycopg2.ProgrammingError) as e:
        raise http.RegistryError(f"Cannot get registry {self.db}") from e
    return registry, cr_readonly


def needs_patch():
    """True on the Odoo 18.0 releases that check the signals on the replica."""
    try:
        source = inspect.getsource(http.Request._open_registry)
    except (OSError, TypeError):
        return False
    return "check_signaling(cr_readonly)" in source


if needs_patch():
    _open_registry.original = http.Request._open_registry
    http.Request._open_registry = _open_registry
    _logger.info("Registry signaling checked on the primary when a replica is set")

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from unittest.mock import patch

from odoo import http
from odoo.tests import TransactionCase

from .. import http_replica


class TestRegistrySignalingOnPrimary(TransactionCase):
    def test_signals_are_read_on_the_primary_when_a_replica_is_set(self):
        # Whatever this Odoo's release, the request's registry check does not
        # read the signaling sequences on the replica's cursor.
        self.assertFalse(http_replica.needs_patch())
        if http.Request._open_registry is not http_replica._open_registry:
            return  # a release with Odoo's own fix
        checked = []

        class Registry:
            def __init__(self, db):
                self.db = db

            def check_signaling(self, cr=None):
                checked.append(cr)
                return self

            def cursor(self, readonly=False):
                return ("cursor", readonly)

        request = type("Request", (), {"db": self.env.cr.dbname})()
        with (
            patch.object(http_replica, "Registry", Registry),
            patch.dict(http_replica.config.options, {"db_replica_host": "replica"}),
        ):
            registry, cursor = http_replica._open_registry(request)
        self.assertEqual(checked, [None], "checked on a cursor of its own")
        self.assertEqual(cursor, ("cursor", True))
        self.assertEqual(registry.db, self.env.cr.dbname)

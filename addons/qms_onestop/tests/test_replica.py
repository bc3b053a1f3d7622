# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Read-only API calls run on the read replica's cursor, fall back to the
primary when they must, and the changes feed never skips an event committed
late under a lower id (what a replica that lags behind also relies on)."""

from odoo import SUPERUSER_ID, api
from odoo.sql_db import db_connect
from odoo.tests import BaseCase, HttpCase, new_test_user, tagged
from odoo.tests.common import get_db_name

from ..models.qms_onestop_api import _ON_REPLICA, ReplicaBehind
from .common import OnestopCase

API_LOGGER = "odoo.addons.qms_onestop.models.qms_onestop_api"


@tagged("post_install", "-at_install")
class TestReadOnlyApi(OnestopCase, HttpCase):
    """An HttpCase: the registry is in test mode, where a read-only cursor
    is a read-only view of the test's transaction (as a replica would be)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.integ = new_test_user(
            cls.env,
            login="replica_api",
            groups="base.group_user,qms_public_admin.group_qms_integration",
            company_id=cls.agency_a.id,
            company_ids=[(6, 0, cls.agency_a.ids)],
        )
        cls.api = cls.env["qms.onestop.api"].with_user(cls.integ)

    def test_read_methods_are_marked_read_only(self):
        Api = type(self.env["qms.onestop.api"])
        for name in (
            "about",
            "dossier_status",
            "dossier_changes",
            "batch_status",
            "on_time_figures",
        ):
            self.assertTrue(getattr(getattr(Api, name), "_readonly", False), name)
        for name in ("receive_dossier", "receive_dossiers", "withdraw_dossier"):
            self.assertFalse(getattr(getattr(Api, name), "_readonly", False), name)

    def test_reads_run_on_a_read_only_cursor(self):
        seen = []

        def probe(api):
            seen.append((api.env.cr.readonly, _ON_REPLICA.get()))
            return "read"

        self.assertEqual(self.api._qms_read_on_replica(probe), "read")
        self.assertEqual(seen, [(True, True)])

    def test_status_and_feed_write_nothing(self):
        dossier = self._received()
        with self.assertNoLogs(API_LOGGER, "WARNING"):
            status = self.api.dossier_status([dossier.name])
            feed = self.api.dossier_changes(0)
            about = self.api.about()
        self.assertEqual(status[0]["code"], dossier.name)
        self.assertIn(dossier.name, [e["dossier"]["code"] for e in feed["events"]])
        self.assertEqual(about["login"], "replica_api")

    def test_on_time_figures_for_a_dashboard(self):
        Month = self.env["qms.onestop.kpi.month"].sudo()
        for month, early, due_day, late in (
            ("2026-03-01", 2, 1, 1),
            ("2026-04-01", 3, 0, 1),
            ("2026-06-01", 9, 0, 0),  # outside the months asked
            ("2026-10-01", 1, 0, 0),
        ):
            Month.create(
                {
                    "company_id": self.agency_a.id,
                    "tthc_id": self.tthc.id,
                    "month": month,
                    "finished": early + due_day + late,
                    "early": early,
                    "on_time_only": due_day,
                    "late": late,
                    "on_time": early + due_day,
                    "days_sum": 2.0 * (early + due_day + late),
                    "days_count": early + due_day + late,
                }
            )
        code = self.agency_a.qms_agency_code
        with self.assertNoLogs(API_LOGGER, "WARNING"):
            figures = self.api.on_time_figures(
                [code], "2026-03-15", "2026-05-31", ["month", "procedure", "month"]
            )
        self.assertEqual(figures["total"]["finished"], 8)
        self.assertEqual(figures["total"]["on_time"], 6)
        self.assertEqual(figures["total"]["on_time_rate"], 75.0)
        self.assertEqual(figures["total"]["average_days"], 2.0)
        self.assertEqual(
            [
                (g["month"], g["procedure"], g["on_time_rate"])
                for g in figures["groups"]
            ],
            [("2026-03", self.tthc.code, 75.0), ("2026-04", self.tthc.code, 75.0)],
        )
        # Groups come in the order of their months (October after June).
        months = self.api.on_time_figures([code], "2026-03-01", "2026-12-31", ["month"])
        self.assertEqual(
            [g["month"] for g in months["groups"]],
            ["2026-03", "2026-04", "2026-06", "2026-10"],
        )
        # Another agency's figures are not this account's.
        with self.assertRaisesRegex(Exception, r"^\[QMS-403\]"):
            self.api.on_time_figures(
                [self.agency_b.qms_agency_code], "2026-03-01", "2026-03-31"
            )
        with self.assertRaisesRegex(Exception, r"^\[QMS-400\]"):
            self.api.on_time_figures([code], "2026-03-01", "2026-03-31", ["unit"])

    def test_a_read_that_writes_runs_again_on_the_primary(self):
        calls = []

        def writes(api):
            calls.append(api.env.cr.readonly)
            api.env["res.partner"].sudo().create({"name": "Ghi trên bản sao"})
            return "written"

        with self.assertLogs(API_LOGGER, "WARNING") as logs:
            self.assertEqual(self.api._qms_read_on_replica(writes), "written")
        self.assertEqual(calls, [True, False])
        self.assertIn("run again on the primary", logs.output[0])
        self.assertTrue(
            self.env["res.partner"].search([("name", "=", "Ghi trên bản sao")])
        )

    def test_a_replica_behind_is_asked_again_on_the_primary(self):
        def status(api):
            if api.env.cr.readonly:
                raise ReplicaBehind()
            return "primary"

        self.assertEqual(self.api._qms_read_on_replica(status), "primary")
        # Outside the replica, an unknown code is just unknown.
        answer = self.api.dossier_status(["000.00.99.H99-260302-9999"])
        self.assertEqual(answer[0]["error"]["code"], "QMS-404")


@tagged("post_install", "-at_install")
class TestChangesFeedCommitOrder(BaseCase):
    """Two real transactions: the one that took the lower log id commits
    last. A feed ordered by id would give the later id first and, once the
    poller moved past it, skip the other for ever."""

    def setUp(self):
        super().setUp()
        self.db = db_connect(get_db_name())
        self.log_ids = []
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            self.user = env.ref("qms_onestop.user_portal_integration")
            dossier = env["qms.onestop.dossier"].search(
                [
                    ("company_id", "in", self.user.company_ids.ids),
                    ("name", "!=", False),
                ],
                limit=1,
            )
            self.assertTrue(dossier, "the demo data has a filed dossier")
            self.dossier_id = dossier.id
            self.user_id = self.user.id
        self.addCleanup(self._purge)

    def _purge(self):
        with self.db.cursor() as cr:
            if self.log_ids:
                cr.execute(
                    "DELETE FROM qms_onestop_dossier_log WHERE id = ANY(%s)",
                    [self.log_ids],
                )

    def _log(self, cr, note):
        cr.execute(
            """INSERT INTO qms_onestop_dossier_log
                   (dossier_id, company_id, receiving_company_id, user_id,
                    action, date, note, create_date, create_uid)
               SELECT d.id, d.company_id, d.receiving_company_id, %s,
                      'handoff', now() at time zone 'UTC', %s,
                      now() at time zone 'UTC', %s
               FROM qms_onestop_dossier d WHERE d.id = %s
               RETURNING id""",
            [self.user_id, note, self.user_id, self.dossier_id],
        )
        log_id = cr.fetchone()[0]
        self.log_ids.append(log_id)
        return log_id

    def _feed(self, after_id):
        with self.db.cursor() as cr:
            env = api.Environment(cr, self.user_id, {})
            return env["qms.onestop.api"].dossier_changes(after_id, False, 500)

    def test_late_commit_of_a_lower_id_is_not_skipped(self):
        start = self._feed(0)
        while start["more"]:
            start = self._feed(start["last_id"])
        slow = self.db.cursor()
        try:
            low = self._log(slow, "chậm")  # takes the lower id, commits last
            with self.db.cursor() as fast:
                high = self._log(fast, "nhanh")
            self.assertLess(low, high)
            # The slow transaction is still running: the fast event waits.
            pending = self._feed(start["last_id"])
            self.assertNotIn(high, [e["event_id"] for e in pending["events"]])
            self.assertEqual(pending["last_id"], start["last_id"])
            slow.commit()
        finally:
            slow.close()
        settled = self._feed(start["last_id"])
        self.assertTrue(settled["events"], "nothing else holds the feed back")
        ids = [e["event_id"] for e in settled["events"]]
        self.assertEqual(ids[-2:], [low, high])
        # Polling on from the last answer repeats nothing.
        self.assertEqual(self._feed(settled["last_id"])["events"], [])

    def test_a_transaction_open_too_long_does_not_hold_the_feed(self):
        start = self._feed(0)
        while start["more"]:
            start = self._feed(start["last_id"])
        self._set_settle("0")
        self.addCleanup(self._set_settle, False)
        slow = self.db.cursor()
        try:
            self._log(slow, "phiên bỏ quên")  # an idle session holding an id
            with self.db.cursor() as fast:
                high = self._log(fast, "nhanh")
            # The window is 0 minutes: the fast event is not held back.
            pending = self._feed(start["last_id"])
            self.assertIn(high, [e["event_id"] for e in pending["events"]])
        finally:
            slow.close()

    def _set_settle(self, minutes):
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["ir.config_parameter"].set_param(
                "qms_onestop.feed_settle_minutes", minutes
            )

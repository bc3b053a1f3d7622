# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import threading
import time

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import UserError
from odoo.sql_db import db_connect
from odoo.tests import BaseCase, tagged


@tagged("post_install", "-at_install")
class TestConcurrentHandoffs(BaseCase):
    """Two officers hand off the same dossier at the same moment, each in a
    real database transaction: one wins, the other gets a clear error, and the
    log has exactly one handoff. The data is committed and removed after."""

    def setUp(self):
        super().setUp()
        self.db = db_connect(self.env_dbname())
        with self.db.cursor() as cr:
            self._purge(cr)
            env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
            agency = env["res.company"].search([], limit=1)
            self.agency_id = agency.id
            unit = env["hr.department"].search(
                [("name", "=", "Đơn vị thử đồng thời"), ("company_id", "=", agency.id)]
            ) or env["hr.department"].create(
                {"name": "Đơn vị thử đồng thời", "company_id": agency.id}
            )
            unit.active = True
            groups = env.ref("qms_onestop.group_onestop_processor")
            self.user_ids = []
            for login in ("concurrent_one", "concurrent_two"):
                user = env["res.users"].search([("login", "=", login)])
                if not user:
                    user = env["res.users"].create(
                        {
                            "name": login,
                            "login": login,
                            "company_id": agency.id,
                            "company_ids": [(6, 0, agency.ids)],
                            "groups_id": [
                                (6, 0, [env.ref("base.group_user").id, groups.id])
                            ],
                        }
                    )
                user.active = True
                if not env["hr.employee"].search([("user_id", "=", user.id)]):
                    env["hr.employee"].create(
                        {
                            "name": login,
                            "user_id": user.id,
                            "company_id": agency.id,
                            "department_id": unit.id,
                        }
                    )
                self.user_ids.append(user.id)
            env = env(context={})
            tthc = env["qms.tthc"].create(
                {
                    "code": "9.999099",
                    "name": "Thủ tục thử đồng thời",
                    "legal_deadline": 3,
                    "company_ids": [(6, 0, agency.ids)],
                }
            )
            procedure = env["qms.procedure"].create(
                {
                    "code": "QT-DT-99",
                    "name": "Quy trình thử đồng thời",
                    "company_id": agency.id,
                    "tthc_case_id": tthc.case_ids.id,
                }
            )
            version = env["qms.procedure.version"].create(
                {
                    "procedure_id": procedure.id,
                    "step_ids": [
                        (
                            0,
                            0,
                            {
                                "sequence": 10,
                                "name": "Tiếp nhận",
                                "unit_id": unit.id,
                                "duration": 2,
                                "duration_uom": "hour",
                            },
                        ),
                        (
                            0,
                            0,
                            {
                                "sequence": 20,
                                "name": "Thẩm định",
                                "unit_id": unit.id,
                                "duration": 2,
                                "duration_uom": "hour",
                            },
                        ),
                        (
                            0,
                            0,
                            {
                                "sequence": 30,
                                "name": "Trả kết quả",
                                "unit_id": unit.id,
                                "duration": 2,
                                "duration_uom": "hour",
                            },
                        ),
                    ],
                }
            )
            version._qms_transition(
                {"state": "effective", "effective_date": fields.Date.today()}
            )
            dossier = env["qms.onestop.dossier"].create(
                {
                    "tthc_id": tthc.id,
                    "tthc_case_id": tthc.case_ids.id,
                    "company_id": agency.id,
                    "receiving_company_id": agency.id,
                    "applicant_name": "Trần Thị Bình",
                    "accepted_incomplete": True,
                    "incomplete_reason": "Thử nghiệm",
                }
            )
            dossier.with_user(self.user_ids[0]).sudo().action_receive()
            self.dossier_id = dossier.id
            self.line_id = dossier.current_line_id.id
            self.ids = {
                "tthc": tthc.id,
                "procedure": procedure.id,
                "unit": unit.id,
            }
            cr.commit()  # pylint: disable=invalid-commit

    def env_dbname(self):
        from odoo.tests.common import get_db_name

        return get_db_name()

    @staticmethod
    def _purge(cr):
        """Remove the committed data of this test (also what a crashed run left)."""
        cr.execute(
            """SELECT d.id, d.applicant_partner_id FROM qms_onestop_dossier d
               JOIN qms_tthc t ON t.id = d.tthc_id WHERE t.code = '9.999099'"""
        )
        rows = cr.fetchall()
        for dossier_id, partner_id in rows:
            cr.execute("DELETE FROM qms_onestop_dossier WHERE id = %s", [dossier_id])
            if partner_id:
                cr.execute("DELETE FROM res_partner WHERE id = %s", [partner_id])
        cr.execute(
            """DELETE FROM qms_procedure_version WHERE procedure_id IN
               (SELECT id FROM qms_procedure WHERE code = 'QT-DT-99')"""
        )
        cr.execute("DELETE FROM qms_procedure WHERE code = 'QT-DT-99'")
        cr.execute("DELETE FROM qms_tthc WHERE code = '9.999099'")

    def tearDown(self):
        with self.db.cursor() as cr:
            self._purge(cr)
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["res.users"].browse(self.user_ids).write({"active": False})
            cr.commit()  # pylint: disable=invalid-commit
        super().tearDown()

    def test_one_handoff_wins(self):
        barrier = threading.Barrier(2)
        outcomes = {}

        def handoff(user_id):
            with self.db.cursor() as cr:
                env = api.Environment(cr, user_id, {})
                dossier = env["qms.onestop.dossier"].browse(self.dossier_id)
                # The first user holds the step; the second is a supervisor-like
                # second session of the same officer: both may try.
                dossier = dossier.with_user(self.user_ids[0]).sudo()
                barrier.wait()
                try:
                    dossier.action_handoff(self.line_id)
                    time.sleep(0.5)  # keep the lock while the other one tries
                    cr.commit()  # pylint: disable=invalid-commit
                    outcomes[user_id] = "ok"
                except UserError as exc:
                    cr.rollback()
                    outcomes[user_id] = str(exc)

        threads = [
            threading.Thread(target=handoff, args=(uid,)) for uid in self.user_ids
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        self.assertEqual(
            sorted(v == "ok" for v in outcomes.values()), [False, True], outcomes
        )
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            dossier = env["qms.onestop.dossier"].browse(self.dossier_id)
            self.assertEqual(dossier.log_ids.mapped("action"), ["receive", "handoff"])
            self.assertEqual(dossier.current_line_id.name, "Thẩm định")
            self.assertEqual(
                len(dossier.line_ids.filtered(lambda ln: ln.state == "open")), 1
            )

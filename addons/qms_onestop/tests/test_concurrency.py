# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import threading
import time

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import UserError
from odoo.sql_db import db_connect
from odoo.tests import BaseCase, tagged

from .common import HANDOVER


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
            tthc, procedure = self._procedure(
                env,
                ("9.999099", "Thủ tục thử đồng thời", 3),
                ("QT-DT-99", "Quy trình thử đồng thời"),
                agency,
                unit,
                ["Tiếp nhận", "Thẩm định", "Trả kết quả"],
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

    @staticmethod
    def _procedure(env, tthc_info, procedure_info, agency, unit, steps, **extra):
        """A procedure of ``agency`` in effect, with steps of 2 hours at
        ``unit`` (committed data, removed by ``_purge``)."""
        code, name, deadline = tthc_info
        tthc = env["qms.tthc"].create(
            {
                "code": code,
                "name": name,
                "legal_deadline": deadline,
                "company_ids": [(6, 0, agency.ids)],
            }
        )
        values = {
            "code": procedure_info[0],
            "name": procedure_info[1],
            "company_id": agency.id,
            "tthc_case_id": tthc.case_ids.id,
        }
        if "responsible" in extra:
            values["responsible_id"] = extra["responsible"].id
        procedure = env["qms.procedure"].create(values)
        version = env["qms.procedure.version"].create(
            {
                "procedure_id": procedure.id,
                "step_ids": [
                    (
                        0,
                        0,
                        {
                            "sequence": (i + 1) * 10,
                            "name": step,
                            "unit_id": unit.id,
                            "duration": 2,
                            "duration_uom": "hour",
                        },
                    )
                    for i, step in enumerate(steps)
                ],
            }
        )
        version._qms_transition(
            {"state": "effective", "effective_date": fields.Date.today()}
        )
        return tthc, procedure

    def env_dbname(self):
        from odoo.tests.common import get_db_name

        return get_db_name()

    @staticmethod
    def _purge(cr):
        """Remove the committed data of this test (also what a crashed run left):
        the dossiers filed at the other agency by a transfer first."""
        codes = (("9.999098", "QT-DT-98"), ("9.999099", "QT-DT-99"))
        for tthc, _procedure in codes:
            cr.execute(
                """SELECT d.id, d.applicant_partner_id FROM qms_onestop_dossier d
                   JOIN qms_tthc t ON t.id = d.tthc_id WHERE t.code = %s""",
                [tthc],
            )
            rows = cr.fetchall()
            for dossier_id, partner_id in rows:
                cr.execute(
                    "DELETE FROM qms_onestop_dossier WHERE id = %s", [dossier_id]
                )
                if partner_id:
                    cr.execute(
                        "DELETE FROM res_partner WHERE id = %s AND NOT EXISTS "
                        "(SELECT 1 FROM qms_onestop_dossier "
                        "WHERE applicant_partner_id = %s)",
                        [partner_id, partner_id],
                    )
        for tthc, procedure in codes:
            cr.execute(
                """DELETE FROM qms_procedure_version WHERE procedure_id IN
                   (SELECT id FROM qms_procedure WHERE code = %s)""",
                [procedure],
            )
            cr.execute("DELETE FROM qms_procedure WHERE code = %s", [procedure])
            cr.execute("DELETE FROM qms_tthc WHERE code = %s", [tthc])
        cr.execute(
            "DELETE FROM hr_department WHERE name->>'en_US' = %s",
            ["Đơn vị nhận liên thông thử"],
        )

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

    # ------------------------------------------------------------ more races
    def _race(self, prepare, move):
        """Run ``move(dossier)`` in two real transactions at the same moment
        (after ``prepare(dossier)``, committed): returns the outcomes."""
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            dossier = env["qms.onestop.dossier"].browse(self.dossier_id)
            prepare(dossier.with_user(self.user_ids[0]).sudo())
            cr.commit()  # pylint: disable=invalid-commit
        barrier = threading.Barrier(2)
        outcomes = []

        def run(index):
            with self.db.cursor() as cr:
                env = api.Environment(cr, self.user_ids[0], {})
                dossier = env["qms.onestop.dossier"].browse(self.dossier_id).sudo()
                barrier.wait()
                try:
                    move(dossier, index)
                    time.sleep(0.5)  # keep the lock while the other one tries
                    cr.commit()  # pylint: disable=invalid-commit
                    outcomes.append("ok")
                except UserError as exc:
                    cr.rollback()
                    outcomes.append(str(exc))

        threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        self.assertEqual(sorted(o == "ok" for o in outcomes), [False, True], outcomes)
        with self.db.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            return (
                env["qms.onestop.dossier"]
                .browse(self.dossier_id)
                .log_ids.mapped("action")
            )

    def test_one_supplement_request_wins(self):
        def prepare(dossier):
            dossier.action_handoff(dossier.current_line_id.id)

        def move(dossier, index):
            slip = dossier.env["qms.onestop.supplement"].create(
                {
                    "dossier_id": dossier.id,
                    "stage": "processing",
                    "items": f"Bổ sung giấy tờ (yêu cầu {index + 1}).",
                }
            )
            slip.action_issue()

        actions = self._race(prepare, move)
        self.assertEqual(actions.count("supplement_request"), 1, actions)

    def test_one_return_wins(self):
        def prepare(dossier):
            dossier.action_handoff(dossier.current_line_id.id)
            dossier.action_handoff(dossier.current_line_id.id)
            self.assertEqual(dossier.state, "result_ready")

        def move(dossier, index):
            dossier.action_return_result(
                f"Người nhận {index}", "desk", handover=HANDOVER
            )

        actions = self._race(prepare, move)
        self.assertEqual(actions.count("return"), 1, actions)

    def test_withdrawal_and_handoff_race(self):
        def move(dossier, index):
            if index:
                dossier.action_withdraw("Người nộp xin rút hồ sơ.")
            else:
                dossier.action_handoff(dossier.current_line_id.id)

        actions = self._race(lambda dossier: None, move)
        self.assertEqual(
            actions.count("handoff") + actions.count("withdraw"), 1, actions
        )

    def _reset_code(self, agency_id):
        with self.db.cursor() as cr:
            cr.execute(
                "UPDATE res_company SET qms_agency_code = NULL WHERE id = %s",
                [agency_id],
            )
            cr.commit()  # pylint: disable=invalid-commit

    def test_one_transfer_wins(self):
        transfers = []

        def prepare(dossier):
            env = dossier.env
            agency = env["res.company"].browse(self.agency_id)
            if not agency.qms_agency_code:
                agency.qms_agency_code = "000.00.97.H99"
                self.addCleanup(self._reset_code, agency.id)
            other = env["res.company"].search(
                [("id", "!=", agency.id), ("qms_agency_code", "!=", False)],
                order="id",
                limit=1,
            )
            if not other:
                self.skipTest("needs a second agency with an official code")
            unit = env["hr.department"].create(
                {"name": "Đơn vị nhận liên thông thử", "company_id": other.id}
            )
            tthc, _procedure = self._procedure(
                env,
                ("9.999098", "Thủ tục liên thông thử đồng thời", 1),
                ("QT-DT-98", "Quy trình liên thông thử đồng thời"),
                other,
                unit,
                ["Giải quyết"],
                responsible=env["res.users"].search(
                    [("company_id", "=", other.id), ("share", "=", False)], limit=1
                ),
            )
            dossier.action_handoff(dossier.current_line_id.id)
            for index in range(2):
                transfers.append(
                    env["qms.onestop.transfer"]
                    .create(
                        {
                            "dossier_id": dossier.id,
                            "to_company_id": other.id,
                            "tthc_id": tthc.id,
                            "tthc_case_id": tthc.case_ids.id,
                            "allotted_days": 0.1,
                            "request": f"Phần liên thông {index + 1}",
                        }
                    )
                    .id
                )

        def move(dossier, index):
            dossier.env["qms.onestop.transfer"].browse(transfers[index]).action_send()

        actions = self._race(prepare, move)
        self.assertEqual(actions.count("transfer_send"), 1, actions)
        with self.db.cursor() as cr:
            cr.execute(
                "SELECT count(*) FROM qms_onestop_transfer WHERE id IN %s "
                "AND state = 'sent'",
                [tuple(transfers)],
            )
            self.assertEqual(cr.fetchone()[0], 1)

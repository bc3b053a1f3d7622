# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The integration API driven through a real XML-RPC client against the test
server (``execute_kw`` on ``qms.onestop.api``)."""

import base64
import xmlrpc.client

from odoo.tests import HttpCase, new_test_user, tagged

from .common import OnestopCase

PDF = base64.b64encode(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").decode()
EXE = base64.b64encode(b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64).decode()


class ApiCase(OnestopCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.integ = new_test_user(
            cls.env,
            login="portal_api",
            groups="base.group_user,qms_public_admin.group_qms_integration",
            company_id=cls.agency_a.id,
            company_ids=[(6, 0, cls.agency_a.ids)],
        )

    def call(self, method, *args, user=None, password=None, **kwargs):
        user = user or self.integ
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            user.id,
            password or user.login + "x" * (8 - len(user.login)),
            "qms.onestop.api",
            method,
            list(args),
            kwargs,
        )

    def fault(self, code, method, *args, **kwargs):
        """The call fails with the documented ``code`` and no traceback."""
        with self.assertRaises(xmlrpc.client.Fault) as caught:
            self.call(method, *args, **kwargs)
        text = caught.exception.faultString
        self.assertTrue(text.startswith(f"[{code}] "), text)
        self.assertNotIn("Traceback", text)
        return caught.exception

    def payload(self, ext="DVC-0001", **values):
        payload = {
            "source": "dichvucong.test",
            "external_code": ext,
            "desk": "000.00.99.H99",
            "procedure": "9.999001",
            "applicant": {
                "name": "Nguyễn Văn An",
                "id_number": "038090001234",
                "phone": "0912345678",
            },
            "components": [
                {
                    "name": "Tờ khai theo mẫu",
                    "files": [{"name": "tk.pdf", "data": PDF}],
                },
                {
                    "name": "giấy tờ tùy thân ",
                    "files": [{"name": "cccd.pdf", "data": PDF}],
                },
            ],
        }
        payload.update(values)
        return payload

    def dossier(self, code):
        self.env.invalidate_all()
        return self.env["qms.onestop.dossier"].search([("name", "=", code)])


@tagged("post_install", "-at_install")
class TestApiIntake(ApiCase):
    def test_the_applicant_chooses_how_to_be_told(self):
        sms_only = self.payload(ext="DVC-SMS", notify=["sms"])
        code = self.call("receive_dossier", sms_only)["code"]
        dossier = self.env["qms.onestop.dossier"].search([("name", "=", code)])
        self.assertEqual(dossier.notify_channel_ids.mapped("code"), ["sms"])
        nothing = self.call("receive_dossier", self.payload(ext="DVC-NONE", notify=[]))
        dossier = self.env["qms.onestop.dossier"].search(
            [("name", "=", nothing["code"])]
        )
        self.assertFalse(dossier.notify_channel_ids)
        self.assertEqual(
            dossier.notification_ids.mapped("reason"),
            ["The applicant chose no channel."],
        )
        self.fault(
            "QMS-400", "receive_dossier", self.payload(ext="DVC-ZALO", notify=["zalo"])
        )

    def test_receive_is_idempotent(self):
        first = self.call("receive_dossier", self.payload())
        self.assertTrue(first["code"].startswith("000.00.99.H99-"))
        self.assertEqual(first["state"], "in_progress")
        # The fee is not paid yet: "paying" in the national vocabulary.
        self.assertEqual(first["national_status"], "paying")
        self.assertFalse(first["duplicate"])
        self.assertTrue(first["appointment_at"].endswith("+07:00"))
        # A retry (the portal did not get the answer) returns the same dossier.
        again = self.call("receive_dossier", self.payload())
        self.assertEqual(again["code"], first["code"])
        self.assertTrue(again["duplicate"])
        dossiers = self.env["qms.onestop.dossier"].search(
            [("external_code", "=", "DVC-0001")]
        )
        self.assertEqual(len(dossiers), 1)
        self.assertEqual(dossiers.received_by_id, self.integ)
        self.assertEqual(dossiers.channel, "online_full")
        # The intake step goes to a desk officer, not to the integration account.
        self.assertEqual(dossiers.current_line_id.user_id, self.desk_a)
        scans = dossiers.component_ids.filtered("provided").attachment_ids
        self.assertEqual(sorted(scans.mapped("name")), ["cccd.pdf", "tk.pdf"])
        self.assertEqual(set(scans.mapped("mimetype")), {"application/pdf"})
        self.assertEqual(dossiers.sudo().phone_raw, "0912345678")
        # The portal reports the online payment: processing, in its words.
        paid = self.call(
            "record_payment",
            first["code"],
            {"amount": 50000, "method": "online", "reference": "PAYGOV-0001"},
        )
        self.assertEqual(paid["payment"]["state"], "paid")
        self.assertEqual(paid["payment"]["payments"][0]["reference"], "PAYGOV-0001")
        self.assertEqual(
            self.call("dossier_status", first["code"])[0]["national_status"],
            "processing",
        )
        # Reported twice: refused, nothing more recorded.
        self.fault(
            "QMS-422",
            "record_payment",
            first["code"],
            {"amount": 50000, "method": "online", "reference": "PAYGOV-0001"},
        )
        self.fault(
            "QMS-400",
            "record_payment",
            first["code"],
            {"amount": 50000, "method": "cash", "reference": "X"},
        )
        self.assertEqual(len(dossiers.sudo().payment_ids), 1)
        # Same source code for another procedure: a conflict, not a new dossier.
        self.fault(
            "QMS-409",
            "receive_dossier",
            self.payload(procedure="9.999002"),
        )

    def test_batch_reports_each_item(self):
        results = self.call(
            "receive_dossiers",
            [
                self.payload("B-1"),
                "not a dossier",
                self.payload("B-3", procedure="1.999999"),
                self.payload(
                    "B-4",
                    components=[
                        {
                            "name": "Tờ khai theo mẫu",
                            "files": [{"name": "virus.exe", "data": EXE}],
                        }
                    ],
                ),
                self.payload("B-5", components=[]),
                self.payload("B-6", applicant={"name": "Lê Thị Hoa", "age": 30}),
                self.payload("B-7"),
            ],
        )
        self.assertEqual([r["index"] for r in results], list(range(7)))
        self.assertEqual([r["ok"] for r in results], [True] + [False] * 5 + [True])
        codes = [r.get("error", {}).get("code") for r in results]
        self.assertEqual(
            codes,
            [None, "QMS-400", "QMS-404", "QMS-415", "QMS-422", "QMS-400", None],
        )
        self.assertIn("dossiers[1]", results[1]["error"]["message"])
        self.assertIn("1.999999", results[2]["error"]["message"])
        self.assertIn("Giấy tờ tùy thân", results[4]["error"]["message"])
        self.assertIn("age", results[5]["error"]["message"])
        # Bad items left nothing behind: no dossier, no attachment.
        Dossier = self.env["qms.onestop.dossier"].sudo()
        self.assertEqual(
            sorted(
                Dossier.search([("external_system", "=", "dichvucong.test")]).mapped(
                    "external_code"
                )
            ),
            ["B-1", "B-7"],
        )
        self.assertFalse(
            self.env["ir.attachment"].sudo().search([("name", "=", "virus.exe")])
        )
        self.assertNotEqual(results[0]["code"], results[6]["code"])

    def test_wrong_types_unknown_codes_and_rights(self):
        self.fault("QMS-400", "receive_dossier", "a string")
        self.fault("QMS-400", "receive_dossier", self.payload(), "extra argument")
        self.fault("QMS-400", "receive_dossier")
        self.fault("QMS-400", "receive_dossier", self.payload(external_code=12))
        self.fault("QMS-400", "receive_dossier", self.payload(submitted_at="yesterday"))
        self.fault("QMS-400", "receive_dossier", self.payload(desk="000 00 99"))
        self.fault("QMS-404", "receive_dossier", self.payload(desk="000.00.77.H99"))
        fault = self.fault(
            "QMS-403", "receive_dossier", self.payload(desk="000.00.98.H99")
        )
        self.assertEqual(fault.faultCode, 4)
        self.fault("QMS-404", "receive_dossier", self.payload(case="Không có"))
        self.fault(
            "QMS-400",
            "receive_dossier",
            self.payload(
                components=[{"name": "Tờ khai theo mẫu", "files": [{"name": "x"}]}]
            ),
        )
        self.fault(
            "QMS-400",
            "receive_dossier",
            self.payload(
                components=[
                    {"name": "Tờ khai theo mẫu", "files": [{"name": "x", "data": "@@"}]}
                ]
            ),
        )
        self.env["ir.config_parameter"].sudo().set_param(
            "qms_onestop.api_max_file_mb", "0.00001"
        )
        self.fault("QMS-413", "receive_dossier", self.payload())
        self.env["ir.config_parameter"].sudo().set_param(
            "qms_onestop.api_max_file_mb", "10"
        )
        fault = self.fault("QMS-400", "dossier_status", 42)
        self.assertEqual(fault.faultCode, 2)
        self.fault("QMS-400", "dossier_changes", "zero")
        self.fault("QMS-400", "dossier_changes", 0, False, 100000)
        # Nothing was filed by the failed calls.
        self.assertFalse(
            self.env["qms.onestop.dossier"]
            .sudo()
            .search([("external_system", "=", "dichvucong.test")])
        )
        # A desk officer is not an integration account; a wrong password is refused.
        fault = self.fault("QMS-403", "about", user=self.desk_a)
        self.assertEqual(fault.faultCode, 4)
        with self.assertRaises(xmlrpc.client.Fault):
            self.call("about", password="wrong")
        about = self.call("about")
        self.assertEqual(
            about["agencies"], [{"code": "000.00.99.H99", "name": self.agency_a.name}]
        )
        self.assertIn("QMS-404", about["errors"])
        # The caller's context cannot steer the server (here: backdating).
        code = self.call(
            "receive_dossier",
            self.payload("CTX-1"),
            context={"qms_now": "2020-01-01 00:00:00", "lang": "en_US"},
        )["code"]
        self.assertNotEqual(self.dossier(code).received_at.year, 2020)


@tagged("post_install", "-at_install")
class TestApiFollowUp(ApiCase):
    def test_status_supplement_feed_withdraw(self):
        code = self.call("receive_dossier", self.payload())["code"]
        dossier = self.dossier(code)
        self.as_(dossier.current_line_id.user_id, dossier).action_handoff(
            dossier.current_line_id.id
        )
        request = (
            self.env["qms.onestop.supplement"]
            .with_user(dossier.current_line_id.user_id)
            .create(
                {
                    "dossier_id": dossier.id,
                    "items": "Bổ sung bản sao giấy khai sinh có chứng thực.",
                    "component_ids": [(6, 0, dossier.component_ids[:1].ids)],
                }
            )
        )
        request.action_issue()
        [status] = self.call("dossier_status", code)
        self.assertEqual(status["state"], "waiting_supplement")
        self.assertEqual(status["national_status"], "waiting")
        self.assertEqual(status["supplement"]["components"], ["Tờ khai theo mẫu"])
        self.assertIn("khai sinh", status["supplement"]["items"])
        self.assertEqual(status["current_step"]["name"], "Thẩm định hồ sơ")
        self.assertNotIn("0912345678", str(status))
        self.assertNotIn("Nguyễn Văn An", str(status))
        statuses = self.call("dossier_status", [code, "000.00.99.H99-010101-9999"])
        self.assertEqual(statuses[1]["error"]["code"], "QMS-404")
        feed = self.call("dossier_changes", 0)
        actions = [e["action"] for e in feed["events"] if e["dossier"]["code"] == code]
        self.assertEqual(actions, ["receive", "handoff", "supplement_request"])
        self.assertEqual(feed["events"][-1]["dossier"]["state"], "waiting_supplement")
        # The applicant supplies on the portal: the clock restarts.
        status = self.call(
            "supplement_dossier",
            code,
            {
                "components": [
                    {
                        "name": "Tờ khai theo mẫu",
                        "files": [{"name": "bs.pdf", "data": PDF}],
                    }
                ],
                "note": "Đã bổ sung",
            },
        )
        self.assertEqual(status["state"], "in_progress")
        self.assertEqual(self.dossier(code).supplement_ids.state, "supplied")
        self.fault(
            "QMS-409",
            "supplement_dossier",
            code,
            {"components": [{"name": "Tờ khai theo mẫu", "files": []}]},
        )
        later = self.call("dossier_changes", feed["last_id"])
        self.assertEqual(
            [e["action"] for e in later["events"]], ["supplement_received"]
        )
        self.assertFalse(later["more"])
        self.assertEqual(self.call("dossier_changes", later["last_id"])["events"], [])
        page = self.call("dossier_changes", 0, False, 2)
        self.assertTrue(page["more"])
        self.assertEqual(len(page["events"]), 2)
        # Withdrawn on the portal; a second withdrawal is a conflict.
        status = self.call("withdraw_dossier", code, "Người dân xin rút hồ sơ")
        self.assertEqual(status["state"], "withdrawn")
        self.assertEqual(status["national_status"], "cancelled")
        self.fault("QMS-409", "withdraw_dossier", code, "again")
        self.fault("QMS-400", "withdraw_dossier", code, "")
        self.fault("QMS-404", "withdraw_dossier", "000.00.99.H99-010101-9999", "x")

    def test_result_feed_and_rating(self):
        code = self.call("receive_dossier", self.payload())["code"]
        dossier = self.dossier(code)
        self.fault("QMS-409", "rate_dossier", code, {"level": "satisfied"})
        for _step in range(3):
            self.as_(dossier.current_line_id.user_id, dossier).action_handoff(
                dossier.current_line_id.id
            )
        dossier.sudo().write(
            {"result_number": "125/TLKS", "is_electronic_result": True}
        )
        dossier.sudo().result_attachment_ids = [
            (0, 0, {"name": "ket-qua.pdf", "raw": base64.b64decode(PDF)})
        ]
        [status] = self.call("dossier_status", [code], True)
        self.assertEqual(status["national_status"], "releasing")
        self.assertEqual(status["result"]["number"], "125/TLKS")
        self.assertEqual(status["result"]["files"][0]["data"], PDF)
        self.as_(self.desk_a, dossier).action_return_result("Nguyễn Văn An", "online")
        feed = self.call("dossier_changes", 0)
        last = feed["events"][-1]
        self.assertEqual(last["action"], "return")
        self.assertEqual(last["dossier"]["national_status"], "done")
        self.assertNotIn("data", last["dossier"]["result"]["files"][0])
        self.fault("QMS-400", "rate_dossier", code, {"level": "great"})
        status = self.call(
            "rate_dossier", code, {"level": "satisfied", "comment": "Nhanh, đúng hẹn"}
        )
        self.assertEqual(status["rating"], "satisfied")
        self.assertEqual(status["satisfaction"]["level"], "satisfied")
        self.assertEqual(status["handover"]["method"], "online")
        self.assertEqual(status["payment"]["state"], "to_pay")
        # The same rating again changes nothing; another one is refused.
        self.call("rate_dossier", code, {"level": "satisfied"})
        self.fault("QMS-409", "rate_dossier", code, {"level": "dissatisfied"})
        self.assertEqual(
            len(
                self.env["qms.onestop.rating"].search([("dossier_id", "=", dossier.id)])
            ),
            1,
        )
        events = self.call("dossier_changes", last["event_id"])["events"]
        self.assertEqual([e["action"] for e in events], ["rate"])
        self.assertEqual(events[0]["dossier"]["rating"], "satisfied")


@tagged("post_install", "-at_install")
class TestApiCatalogue(ApiCase):
    def test_sync_legal_documents(self):
        doc = {
            "number": "99/2026/NĐ-CP",
            "title": "Nghị định thử nghiệm",
            "type": "decree",
            "signed_on": "2026-01-15",
            "effective_from": "2026-03-01",
        }
        first = self.call("sync_legal_documents", [doc])
        self.assertEqual(first[0]["result"], "created")
        self.assertEqual(
            self.call("sync_legal_documents", [doc])[0]["result"], "unchanged"
        )
        changed = self.call(
            "sync_legal_documents",
            [dict(doc, state="replaced"), dict(doc, number="", title="x")],
        )
        self.assertEqual(changed[0]["result"], "updated")
        self.assertEqual(changed[1]["error"]["code"], "QMS-400")
        legal = self.env["qms.legal.document"].search([("name", "=", "99/2026/NĐ-CP")])
        self.assertEqual(len(legal), 1)
        self.assertEqual(legal.state, "replaced")
        self.assertEqual(str(legal.date_effective), "2026-03-01")
        [bad_date] = self.call(
            "sync_legal_documents", [dict(doc, signed_on="15/01/2026")]
        )
        self.assertEqual(bad_date["error"]["code"], "QMS-400")
        self.assertIn("signed_on", bad_date["error"]["message"])
        self.fault("QMS-400", "sync_legal_documents", doc)

    def test_sync_procedures(self):
        proc = {
            "code": "9.999777",
            "name": "Thủ tục đồng bộ thử nghiệm",
            "sector": "Hộ tịch",
            "online_level": "full",
            "legal_bases": ["99/2026/NĐ-CP"],
            "agencies": ["000.00.99.H99"],
            "cases": [{"name": "Thông thường", "deadline": 5}],
            "components": [
                {"name": "Tờ khai", "requirement": "mandatory"},
                {"name": "Giấy ủy quyền", "requirement": "optional"},
            ],
            "fees": [{"name": "Lệ phí", "amount": 20000}],
        }
        self.assertEqual(
            self.call("sync_procedures", [proc])[0],
            {"index": 0, "ok": True, "code": "9.999777", "result": "created"},
        )
        self.assertEqual(self.call("sync_procedures", [proc])[0]["result"], "unchanged")
        tthc = self.env["qms.tthc"].search([("code", "=", "9.999777")])
        self.assertEqual(tthc.company_ids, self.agency_a)
        self.assertEqual(tthc.legal_deadline, 5)
        self.assertEqual(len(tthc.component_ids), 2)
        self.assertEqual(tthc.legal_basis_ids.name, "99/2026/NĐ-CP")
        # The catalogue changed: the deadline, a component dropped, a case added.
        proc.update(
            cases=[
                {"name": "Thông thường", "deadline": 3},
                {"name": "Cần xác minh", "deadline": 8},
            ],
            components=[{"name": "Tờ khai", "requirement": "mandatory"}],
        )
        results = self.call(
            "sync_procedures",
            [
                proc,
                dict(proc, code="9.1"),
                dict(proc, code="9.999778", agencies=["000.00.55.H99"]),
            ],
        )
        self.assertTrue(results[0]["ok"], results[0])
        self.assertEqual(
            [
                (r["ok"], r.get("result"), r.get("error", {}).get("code"))
                for r in results
            ],
            [
                (True, "updated", None),
                (False, None, "QMS-400"),
                (False, None, "QMS-404"),
            ],
        )
        tthc.invalidate_recordset()
        self.assertEqual(tthc.case_ids.mapped("legal_deadline"), [3, 8])
        self.assertEqual(tthc.component_ids.name, "Tờ khai")
        self.assertFalse(self.env["qms.tthc"].search([("code", "=", "9.999778")]))
        # A desk officer may not sync the catalogue.
        self.fault("QMS-403", "sync_procedures", [proc], user=self.desk_a)

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Services of the desk to the applicant: fees and payments, notifications,
the handover of the result, satisfaction and complaints, batch work and
workload transfers."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from ..lib.states import LOG_NOTIFY_EVENTS
from .common import HANDOVER, OnestopCase, utc


class ServicesCase(OnestopCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.decree = cls.env["qms.legal.document"].create(
            {"name": "120/2016/NĐ-CP", "title": "Phí và lệ phí", "doc_type": "decree"}
        )
        cls.env["qms.tthc.fee"].create(
            {"tthc_id": cls.tthc.id, "name": "Phí thẩm định", "amount": 100000}
        )

    def _to_ready(self, dossier, day="2026-03-03"):
        self._to_result(dossier, [f"{day} 08:00", f"{day} 09:00", f"{day} 10:00"])
        self.assertEqual(dossier.state, "result_ready")

    def _commit(self):
        """Run what runs when the transaction ends (the messages go out)."""
        self.env.cr.flush()

    def _stored(self, record, column):
        """``column`` of ``record`` as the database holds it (what the commit
        would keep), not as the cache has it."""
        self.env.cr.execute(
            f"SELECT {column} FROM {record._table} WHERE id = %s",  # noqa: S608
            [record.id],
        )
        return self.env.cr.fetchone()[0]

    def _scan(self, name="uy-quyen.pdf"):
        return (
            self.env["ir.attachment"]
            .with_user(self.desk_a)
            .create({"name": name, "raw": b"%PDF-1.4 scan"})
        )


@tagged("post_install", "-at_install")
class TestFees(ServicesCase):
    def test_exemption_payment_paying_state_and_refund(self):
        self.case.pay_timing = "before_processing"
        dossier = self._draft()
        appraisal = dossier.fee_ids.filtered(lambda f: f.name == "Phí thẩm định")
        desk = self.as_(self.desk_a, dossier)
        with self.assertRaises(ValidationError):
            self.as_(self.desk_a, appraisal).write({"exempt": True})
        self.as_(self.desk_a, appraisal).write(
            {
                "exempt": True,
                "exemption_reason": "Người có công với cách mạng",
                "exemption_document_id": self.decree.id,
            }
        )
        self.assertEqual(dossier.fee_total, 150000)
        self.assertEqual(dossier.amount_due, 50000)
        with self.assertRaises(UserError):
            desk.qms_record_payment(50000, "cash")  # not received yet
        with self.at("2026-03-02 09:00"):
            desk.action_receive()
        # Processing waits for the fees, the clock stopped.
        self.assertEqual(dossier.state, "waiting_payment")
        self.assertEqual(dossier.payment_state, "to_pay")
        pause = dossier.pause_ids
        self.assertEqual(pause.reason, "payment")
        due = dossier.due_at
        self.assertIn("payment_request", dossier.log_ids.mapped("action"))
        with self.assertRaises(ValidationError):
            desk.qms_record_payment(60000, "cash")  # more than due
        with self.assertRaises(ValidationError):
            desk.qms_record_payment(50000, "bank_transfer")  # no reference
        with self.assertRaises(ValidationError):
            desk.qms_record_payment(-5, "cash")
        self.assertFalse(dossier.payment_ids)
        with self.at("2026-03-03 09:00"):
            desk.qms_record_payment(50000, "cash", receipt_number="BL-000123")
        self.assertEqual(dossier.payment_state, "paid")
        self.assertTrue(all(dossier.fee_ids.mapped("paid")))
        self.assertEqual(dossier.state, "in_progress")
        self.assertEqual(pause.end_at, utc("2026-03-03 09:00"))
        # One working day waited for the fees: the due date moves by one.
        self.assertEqual(due, utc("2026-03-05 17:00"))
        self.assertEqual(dossier.due_at, utc("2026-03-06 17:00"))
        self.assertEqual(dossier.payment_ids.receipt_number, "BL-000123")
        with self.assertRaises(UserError):
            desk.qms_record_payment(50000, "cash")  # paying twice
        with self.assertRaises(UserError):
            dossier.payment_ids.with_user(self.desk_a).write({"amount": 1})
        # Refunds: by a supervisor, never above what was paid, with a reason.
        with self.assertRaises(AccessError):
            desk.qms_refund(50000, "Nộp nhầm")
        supervisor = self.as_(self.supervisor_a, dossier)
        with self.assertRaises(ValidationError):
            supervisor.qms_refund(60000, "Nộp nhầm")
        with self.assertRaises(ValidationError):
            supervisor.qms_refund(50000, "")
        with self.at("2026-03-03 10:00"):
            supervisor.qms_refund(50000, "Dừng giải quyết theo đề nghị")
        self.assertEqual(dossier.amount_paid, 0)
        self.assertEqual(dossier.payment_state, "refunded")
        self.assertEqual(
            sorted(dossier.payment_ids.mapped("signed_amount")), [-50000, 50000]
        )
        self.assertEqual(
            [
                a
                for a in dossier.log_ids.mapped("action")
                if "pay" in a or a == "refund"
            ],
            ["payment_request", "payment", "payment_received", "refund"],
        )

    def test_fees_before_the_result(self):
        self.case.pay_timing = "before_return"
        dossier = self._received()
        self.assertEqual(dossier.state, "in_progress")
        self._to_ready(dossier)
        desk = self.as_(self.desk_a, dossier)
        with self.assertRaises(UserError):
            desk.action_return_result("Nguyễn Văn An", "desk", handover=HANDOVER)
        self.assertEqual(dossier.state, "result_ready")
        desk.qms_record_payment(150000, "online", reference="PAYGOV-7")
        desk.action_return_result("Nguyễn Văn An", "desk", handover=HANDOVER)
        self.assertEqual(dossier.state, "returned")
        self.assertTrue(dossier.paid_online)


@tagged("post_install", "-at_install")
class TestNotifications(ServicesCase):
    def test_each_moment_is_told_or_logged(self):
        dossier = self._received()
        notes = dossier.notification_ids
        self.assertFalse(notes.sudo().mail_id)  # sent when the transaction ends
        email = notes.filtered(lambda n: n.channel_id.code == "email")
        self._commit()
        # What sending wrote reaches the database before the commit.
        self.assertTrue(self._stored(email, "mail_id"))
        self.assertEqual(self._stored(email, "attempts"), 1)
        self.assertEqual(email.event, "received")
        self.assertEqual(email.state, "queued")
        self.assertEqual(email.recipient, "a***@example.vn")
        self.assertIn(dossier.name, email.mail_id.sudo().body_html)
        self.assertIn(dossier.name, email.mail_id.sudo().subject)
        self.assertEqual(email.mail_id.sudo().email_to, "an.nguyen@example.vn")
        self.assertEqual(self._stored(email, "mail_id"), email.mail_id.id)
        # SMS is not set up at agency A: logged, not sent, not retried.
        sms = notes.filtered(lambda n: n.channel_id.code == "sms")
        self.assertEqual(sms.state, "not_sent")
        self.assertIn("SMS", sms.reason)
        # The mail queue fails: the job marks it failed and sends it again.
        email.mail_id.sudo().write({"state": "exception", "failure_reason": "SMTP 554"})
        Note = self.env["qms.onestop.notification"]
        Note._cron_qms_notifications()
        self.assertEqual(email.state, "queued")
        self.assertEqual(email.attempts, 2)
        first_mail = email.mail_id
        email.mail_id.sudo().write({"state": "sent"})
        Note._cron_qms_notifications()
        self.assertEqual(email.state, "sent")
        self.assertTrue(email.sent_at)
        self.assertTrue(first_mail.sudo().exists())
        # With SMS set up, the text goes to the SMS queue.
        self.agency_a.qms_sms_enabled = True
        self._to_ready(dossier)
        self._commit()
        ready = dossier.notification_ids.filtered(lambda n: n.event == "result_ready")
        self.assertEqual(
            ready.mapped("state"), ["queued", "queued"], ready.mapped("reason")
        )
        text = self.env["sms.sms"].search(
            [("uuid", "=", ready.filtered("sms_uuid").sms_uuid)]
        )
        self.assertIn(dossier.name, text.body)
        self.assertEqual(text.number, "0912345678")
        text.unlink()  # sent SMS leave the queue
        Note._cron_qms_notifications()
        self.assertEqual(ready.filtered("sms_uuid").state, "sent")
        self.as_(self.desk_a, dossier).action_return_result(
            "Nguyễn Văn An", "desk", handover=HANDOVER
        )
        self._commit()
        returned = dossier.notification_ids.filtered(
            lambda n: n.event == "returned" and n.channel_id.code == "email"
        )
        # The one-time link it carries was saved with the dossier.
        token = self._stored(dossier, "rating_token")
        self.assertTrue(token)
        self.assertIn(f"/danh-gia/{token}", returned.mail_id.sudo().body_html)
        # Every applicant-facing move has its notification rows.
        for log in dossier.log_ids.filtered(lambda ln: ln.action in LOG_NOTIFY_EVENTS):
            self.assertTrue(
                dossier.notification_ids.filtered(lambda n, ln=log: n.log_id == ln),
                log.action,
            )

    def test_no_channel_no_address(self):
        dossier = self._received(applicant_email=False, notify_channel_ids=False)
        note = dossier.notification_ids
        self.assertEqual((note.event, note.state), ("received", "not_sent"))
        self.assertEqual(note.reason, "The applicant chose no channel.")
        other = self._received(applicant_email=False)
        email = other.notification_ids.filtered(lambda n: n.channel_id.code == "email")
        self.assertEqual(email.state, "not_sent")
        self.assertEqual(email.reason, "No e-mail address on the dossier.")
        with self.assertRaises(UserError):
            email.with_user(self.desk_a).action_retry()

    def test_supplement_refusal_and_apology_are_told(self):
        dossier = self._received()
        self._handoff(dossier, "2026-03-02 10:00")
        supplement = (
            self.env["qms.onestop.supplement"]
            .with_user(self.proc_a)
            .create(
                {
                    "dossier_id": dossier.id,
                    "stage": "processing",
                    "items": "Bản sao sổ hộ khẩu",
                }
            )
        )
        with self.at("2026-03-02 11:00"):
            supplement.action_issue()
        self._commit()
        told = dossier.notification_ids.filtered(lambda n: n.channel_id.code == "email")
        self.assertEqual(told.mapped("event"), ["supplement", "received"])
        self.assertIn("Bản sao sổ hộ khẩu", told[0].mail_id.sudo().body_html)


@tagged("post_install", "-at_install")
class TestHandover(ServicesCase):
    def test_authorised_person_identity_and_signature(self):
        dossier = self._received()
        self._to_ready(dossier)
        desk = self.as_(self.desk_a, dossier)
        authorised = dict(HANDOVER, receiver_kind="authorised")
        with self.assertRaises(ValidationError):
            desk.action_return_result("Trần Thị Bình", "desk", handover=authorised)
        with self.assertRaises(ValidationError):
            desk.action_return_result(
                "Trần Thị Bình",
                "desk",
                handover={
                    "receiver_kind": "applicant",
                    "receiver_signature": HANDOVER["receiver_signature"],
                },
            )
        with self.assertRaises(ValidationError):
            desk.action_return_result(
                "Nguyễn Văn An",
                "desk",
                handover={"identity_checked": True, "receiver_id_document": "CCCD 1"},
            )
        self.assertEqual(dossier.state, "result_ready")
        scan = self._scan()
        desk.action_return_result(
            "Trần Thị Bình",
            "desk",
            handover=dict(
                authorised,
                authorisation_number="15/UQ ngày 01/03/2026",
                authorisation_attachment_ids=scan.ids,
                originals_note="Thu lại giấy hẹn bản chính",
                archive_location="Tủ 2, hộp 14",
                result_valid_until="2026-03-20",
            ),
        )
        self.assertEqual(dossier.state, "returned")
        self.assertEqual(dossier.receiver_kind, "authorised")
        self.assertEqual(dossier.authorisation_attachment_ids, scan)
        # The scan is now the dossier's file (guarded, erased with it).
        self.assertEqual(
            (scan.sudo().res_model, scan.sudo().res_id), (dossier._name, dossier.id)
        )
        self.assertEqual(dossier.sudo().receiver_id_document, "CCCD 038090001234")
        self.assertTrue(dossier.receiver_signature)
        self.assertEqual(dossier.archive_location, "Tủ 2, hộp 14")
        # The place in the archive changes after the return, the rest does not.
        desk.archive_location = "Kho lưu trữ, hộp 3"
        with self.assertRaises(UserError):
            desk.returned_to = "Người khác"
        # Reminder before the result expires, once.
        with self.at("2026-03-05 08:00"):
            self.assertEqual(
                self.env["qms.onestop.dossier"]._cron_qms_result_expiry(), 1
            )
            self.assertEqual(
                self.env["qms.onestop.dossier"]._cron_qms_result_expiry(), 0
            )
        self.assertIn("result_expiring", dossier.notification_ids.mapped("event"))

    def test_by_post_waybill_and_delivery(self):
        dossier = self._received(return_method="post")
        self._to_ready(dossier)
        desk = self.as_(self.desk_a, dossier)
        with self.assertRaises(ValidationError):
            desk.action_return_result("Nguyễn Văn An", "post", handover={})
        desk.action_return_result(
            "Nguyễn Văn An", "post", handover={"waybill_number": "EMS104500037VN"}
        )
        self.assertEqual(dossier.delivery_state, "sent")
        with self.assertRaises(ValidationError):
            desk.qms_update_delivery("lost")
        desk.action_delivered()
        self.assertEqual(dossier.delivery_state, "delivered")
        self.assertEqual(dossier.log_ids[-1].action, "delivery")


@tagged("post_install", "-at_install")
class TestSatisfaction(ServicesCase):
    def test_low_rating_opens_an_improvement_action(self):
        dossier = self._received()
        desk = self.as_(self.desk_a, dossier)
        with self.assertRaises(UserError):
            desk.qms_rate("satisfied")  # not returned yet
        self._to_ready(dossier)
        desk.action_return_result("Nguyễn Văn An", "desk", handover=HANDOVER)
        with self.assertRaises(ValidationError):
            desk.qms_rate(answers={"overall": "satisfied", "smell": "satisfied"})
        with self.assertRaises(ValidationError):
            desk.qms_rate(answers={"overall": "satisfied", "trips": "many"})
        desk.qms_rate(
            answers={"overall": "satisfied", "attitude": "dissatisfied", "trips": 1},
            comment="Cán bộ thiếu nhiệt tình",
        )
        rating = self.env["qms.onestop.rating"].search(
            [("dossier_id", "=", dossier.id)]
        )
        self.assertEqual(rating.level, "satisfied")
        self.assertTrue(rating.low)
        self.assertEqual(rating.officer_id, self.desk_a)
        self.assertEqual(len(rating.answer_ids), 3)
        action = rating.action_id
        self.assertEqual(action.qms_origin, "complaint")
        self.assertEqual(action.company_id, self.agency_a)
        self.assertEqual(action.user_id, self.supervisor_a)
        self.assertIn("Staff attitude", action.description)
        with self.assertRaises(UserError):
            desk.qms_rate("dissatisfied")  # twice
        self.assertFalse(desk.qms_rate("satisfied"))  # the same again: nothing

    def test_a_good_rating_opens_nothing(self):
        dossier = self._received()
        self._to_ready(dossier)
        desk = self.as_(self.desk_a, dossier)
        desk.action_return_result("Nguyễn Văn An", "desk", handover=HANDOVER)
        desk.qms_rate("very_satisfied", trips=1)
        rating = self.env["qms.onestop.rating"].search(
            [("dossier_id", "=", dossier.id)]
        )
        self.assertFalse(rating.low)
        self.assertFalse(rating.action_id)

    def test_complaint_opens_an_action_and_is_answered(self):
        Feedback = self.env["qms.onestop.feedback"].with_user(self.desk_a)
        with self.at("2026-03-02 09:00"):
            complaint = Feedback.create(
                {
                    "name": "Phải đi lại nhiều lần",
                    "sender_name": "Lê Văn Cường",
                    "content": "Tôi phải đến bộ phận một cửa ba lần mới nộp "
                    "được hồ sơ.",
                }
            )
        self.assertEqual(complaint.company_id, self.agency_a)
        self.assertEqual(complaint.action_id.qms_origin, "complaint")
        # 10 working days from Monday 2 March.
        self.assertEqual(str(complaint.due_date), "2026-03-16")
        with self.assertRaises(ValidationError):
            complaint.action_answer()
        complaint.answer = "Đã chấn chỉnh, niêm yết lại thành phần hồ sơ."
        with self.at("2026-03-10 09:00"):
            complaint.action_answer()
        self.assertTrue(complaint.answered_on_time)
        self.assertFalse(
            self.env["qms.onestop.feedback"].with_user(self.desk_b).search([])
        )


@tagged("post_install", "-at_install")
class TestRatingPage(ServicesCase, HttpCase):
    def test_one_time_link(self):
        dossier = self._received()
        self._to_ready(dossier)
        self.as_(self.desk_a, dossier).action_return_result(
            "Nguyễn Văn An", "desk", handover=HANDOVER
        )
        url = dossier._qms_rating_url()
        path = url[url.index("/danh-gia/") :]
        page = self.url_open(path)
        self.assertEqual(page.status_code, 200)
        self.assertIn(dossier.name, page.text)
        self.assertIn('name="c_attitude"', page.text)
        self.assertIn(
            "/danh-gia/nothing-here-at-all-xxxx",
            self.url_open("/danh-gia/nothing-here-at-all-xxxx").url,
        )
        self.assertIn(
            "qms-rating-unknown",
            self.url_open("/danh-gia/nothing-here-at-all-xxxx").text,
        )
        sent = self.url_open(
            path,
            data={"c_overall": "dissatisfied", "c_trips": "4", "comment": "Chậm"},
        )
        self.assertIn("qms-rating-thanks", sent.text)
        rating = self.env["qms.onestop.rating"].search(
            [("dossier_id", "=", dossier.id)]
        )
        self.assertEqual(
            (rating.level, rating.source, rating.trips),
            ("dissatisfied", "public_page", 0),
        )
        self.assertEqual(
            rating.answer_ids.filtered(lambda a: a.criterion_id.code == "trips").count,
            4,
        )
        self.assertTrue(rating.action_id)
        # The link works once.
        self.assertIn("qms-rating-unknown", self.url_open(path).text)


@tagged("post_install", "-at_install")
class TestBatchAndWorkload(ServicesCase):
    def test_batch_hand_off_with_refused_items(self):
        first = self._received()
        second = self._received("2026-03-02 09:10")
        moved_on = self._received("2026-03-02 09:20")
        self._handoff(moved_on, "2026-03-02 10:00")
        other = self._received("2026-03-02 09:30")
        self._to_ready(other)
        wizard = (
            self.env["qms.onestop.batch.wizard"]
            .with_user(self.desk_a)
            .with_context(
                active_model="qms.onestop.dossier",
                active_ids=(first | second | moved_on | other).ids,
            )
            .create({"operation": "handoff"})
        )
        with self.at("2026-03-02 11:00"):
            wizard.action_run()
        outcome = {line.dossier_id.id: line for line in wizard.sudo().line_ids}
        self.assertTrue(outcome[first.id].accepted)
        self.assertTrue(outcome[second.id].accepted)
        self.assertFalse(outcome[moved_on.id].accepted)
        self.assertIn("Proc", outcome[moved_on.id].message)
        self.assertFalse(outcome[other.id].accepted)
        self.assertEqual((wizard.accepted_count, wizard.refused_count), (2, 2))
        self.assertEqual(first.current_line_id.step_id, self.steps[1])
        self.assertIn("cannot be moved now", outcome[other.id].message)
        self.assertEqual(other.state, "result_ready")
        with self.assertRaises(UserError):
            wizard.action_run()

    def test_batch_return_and_print(self):
        ready = self._received()
        self._to_ready(ready)
        open_one = self._received("2026-03-02 09:10")
        wizard = (
            self.env["qms.onestop.batch.wizard"]
            .with_user(self.desk_a)
            .create(
                {
                    "operation": "return",
                    "dossier_ids": [(6, 0, (ready | open_one).ids)],
                    "returned_to": "Công ty TNHH Minh Phát (người nhận: Lê Thu)",
                    "receiver_kind": "authorised",
                    "identity_checked": True,
                    "receiver_id_document": "CCCD 038190004321",
                    "authorisation_number": "02/GUQ",
                    "authorisation_attachment_ids": [(6, 0, self._scan().ids)],
                    "signed_receipt_attachment_ids": [
                        (6, 0, self._scan("ky-nhan.pdf").ids)
                    ],
                }
            )
        )
        wizard.action_run()
        self.assertEqual(ready.state, "returned")
        self.assertEqual(open_one.state, "in_progress")
        self.assertEqual(wizard.refused_count, 1)
        printing = (
            self.env["qms.onestop.batch.wizard"]
            .with_user(self.desk_a)
            .create(
                {"operation": "print", "dossier_ids": [(6, 0, (ready | open_one).ids)]}
            )
        )
        printing.action_run()
        action = printing.action_print()
        self.assertEqual(action["report_name"], "qms_onestop.report_control_sheet")
        self.assertEqual(
            sorted(action["context"]["active_ids"]), sorted((ready | open_one).ids)
        )

    def test_move_an_officer_s_workload(self):
        dossiers = self._received() | self._received("2026-03-02 09:10")
        for dossier in dossiers:
            self._handoff(dossier, "2026-03-02 10:00", to=self.proc_a)
        self.assertEqual(dossiers.current_user_id, self.proc_a)
        Wizard = self.env["qms.onestop.workload.wizard"]
        with self.assertRaises(AccessError):
            Wizard.with_user(self.desk_a).create(
                {
                    "from_user_id": self.proc_a.id,
                    "to_user_id": self.proc2_a.id,
                    "reason": "Nghỉ phép",
                }
            ).action_run()
        refused = Wizard.with_user(self.supervisor_a).create(
            {
                "from_user_id": self.proc_a.id,
                "to_user_id": self.desk_a.id,
                "reason": "Nghỉ phép",
            }
        )
        self.assertEqual(refused.open_count, 2)
        refused.action_run()
        self.assertEqual(refused.refused_count, 2)
        self.assertEqual(dossiers.current_user_id, self.proc_a)
        wizard = Wizard.with_user(self.supervisor_a).create(
            {
                "from_user_id": self.proc_a.id,
                "to_user_id": self.proc2_a.id,
                "reason": "Chuyển công tác",
            }
        )
        with self.at("2026-03-02 14:00"):
            wizard.action_run()
        self.assertEqual(wizard.moved_count, 2)
        self.assertEqual(dossiers.current_user_id, self.proc2_a)
        for dossier in dossiers:
            log = dossier.log_ids[-1]
            self.assertEqual(log.action, "reassign")
            self.assertEqual(log.from_user_id, self.proc_a)
            self.assertIn("Chuyển công tác", log.reason)
            self.assertEqual(log.user_id, self.supervisor_a)

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user
from odoo.tools import mute_logger

from .common import QmsCase


class TestDocumentControl(QmsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.qmr_a = new_test_user(
            cls.env,
            login="doc_qmr_a",
            groups="base.group_user,qms_public_admin.group_qms_qmr",
            company_id=cls.agency_a.id,
            company_ids=[(6, 0, cls.agency_a.ids)],
        )
        cls.reviewer_a = new_test_user(
            cls.env,
            login="doc_reviewer_a",
            groups="base.group_user,qms_public_admin.group_qms_user",
            company_id=cls.agency_a.id,
            company_ids=[(6, 0, cls.agency_a.ids)],
        )
        cls.staff_a = new_test_user(
            cls.env,
            login="doc_staff_a",
            groups="base.group_user,qms_public_admin.group_qms_user",
            company_id=cls.agency_a.id,
            company_ids=[(6, 0, cls.agency_a.ids)],
        )
        cls.iso_b = new_test_user(
            cls.env,
            login="doc_iso_b",
            groups="base.group_user,qms_public_admin.group_qms_iso_officer",
            company_id=cls.agency_b.id,
            company_ids=[(6, 0, cls.agency_b.ids)],
        )
        Unit = cls.env["hr.department"]
        cls.office = Unit.create({"name": "Văn phòng", "company_id": cls.agency_a.id})
        cls.desk = Unit.create(
            {
                "name": "Bộ phận Một cửa",
                "company_id": cls.agency_a.id,
                "parent_id": cls.office.id,
            }
        )
        cls.env["hr.employee"].create(
            [
                {
                    "name": "Staff A",
                    "user_id": cls.staff_a.id,
                    "department_id": cls.desk.id,
                    "company_id": cls.agency_a.id,
                },
                {
                    "name": "Reviewer A",
                    "user_id": cls.reviewer_a.id,
                    "department_id": cls.office.id,
                    "company_id": cls.agency_a.id,
                },
            ]
        )
        cls.procedure_type = cls.env.ref("qms_public_admin.document_type_procedure")
        cls.law = cls.env["qms.legal.document"].create(
            {"name": "977/2024/NĐ-CP", "title": "Nghị định thử", "doc_type": "decree"}
        )

    # ------------------------------------------------------------ helpers
    def _document(self, **vals):
        values = {
            "code": "QT-KSTL",
            "name": "Quy trình kiểm soát tài liệu",
            "type_id": self.procedure_type.id,
            "company_id": self.agency_a.id,
            "owner_unit_id": self.office.id,
            "distribution_unit_ids": [(6, 0, self.office.ids)],
            "legal_basis_ids": [(6, 0, self.law.ids)],
        }
        values.update(vals)
        return self.env["qms.document"].with_user(self.iso_a).create(values)

    def _version(self, document, **vals):
        values = {
            "document_id": document.id,
            "approver_id": self.qmr_a.id,
            "body": "<p>Tài liệu được soạn thảo, xem xét, phê duyệt trước khi ban "
            "hành.</p>",
            "change_summary": "Ban hành lần đầu",
        }
        values.update(vals)
        return self.env["qms.document.version"].with_user(self.iso_a).create(values)

    def _comment(self, action, text):
        wizard = (
            self.env["comment.wizard"]
            .with_user(action["_user"])
            .with_context(**action["context"])
            .create({"comment": text})
        )
        wizard.add_comment()

    def _validate(self, version, user, comment="Đồng ý"):
        action = version.with_user(user).validate_tier()
        self.assertEqual(action["res_model"], "comment.wizard")
        action["_user"] = user
        self._comment(action, comment)

    def _publish(self, version):
        version.with_user(self.iso_a).action_submit_review()
        self._validate(version, self.qmr_a)
        version.with_user(self.qmr_a).action_approve()
        version.with_user(self.iso_a).action_publish()
        return version

    # ------------------------------------------------------------ lifecycle
    def test_lifecycle_publish_supersede(self):
        document = self._document()
        v1 = self._version(document)
        self.assertEqual(v1.version_label, "1.0")
        self.assertEqual(v1.state, "draft")
        # Publishing needs an approval.
        with self.assertRaises(UserError):
            v1.with_user(self.iso_a).action_publish()
        v1.with_user(self.iso_a).action_submit_review()
        self.assertEqual(v1.state, "to_review")
        self.assertTrue(v1.submitted_on)
        with self.assertRaises(UserError):
            v1.with_user(self.iso_a).action_publish()
        # The approver's review activity is created, then closed on validation.
        review_type = self.env.ref("qms_public_admin.mail_activity_version_review")
        activities = v1.activity_ids.filtered(
            lambda a: a.activity_type_id == review_type
        )
        self.assertEqual(activities.user_id, self.qmr_a)
        self._validate(v1, self.qmr_a)
        self.assertFalse(
            v1.activity_ids.filtered(lambda a: a.activity_type_id == review_type)
        )
        v1.with_user(self.qmr_a).action_approve()
        self.assertEqual(v1.approved_by_id, self.qmr_a)
        v1.with_user(self.iso_a).action_publish()
        self.assertEqual(v1.state, "effective")
        self.assertEqual(document.current_version_id, v1)
        self.assertEqual(
            dict(v1._fields["state"]._description_selection(self.env))["effective"],
            "Published",
        )
        # A published version cannot be edited.
        with self.assertRaises(UserError):
            v1.with_user(self.iso_a).write({"body": "<p>Sửa lén</p>"})
        # A minor revision, then a major one.
        action = v1.with_user(self.iso_a).action_new_minor_version()
        v11 = self.env["qms.document.version"].browse(action["res_id"])
        self.assertEqual(v11.version_label, "1.1")
        self.assertEqual(v11.previous_version_id, v1)
        self._publish(v11)
        self.assertEqual(v1.state, "superseded")
        self.assertEqual(v1.superseded_on, v1._qms_today())
        with self.assertRaises(UserError):
            v1.with_user(self.iso_a).write({"change_summary": "x"})
        action = v11.with_user(self.iso_a).action_new_version()
        v2 = self.env["qms.document.version"].browse(action["res_id"])
        self.assertEqual(v2.version_label, "2.0")
        # Obsolete versions stay findable (history) but out of the current list.
        Version = self.env["qms.document.version"].with_user(self.staff_a)
        history = Version.search([("document_id", "=", document.id)])
        self.assertIn(v1, history)
        current = Version.search(
            [
                ("document_id", "=", document.id),
                ("state", "not in", ("superseded", "withdrawn")),
            ]
        )
        self.assertNotIn(v1, current)

    def test_withdraw(self):
        document = self._document()
        v1 = self._publish(self._version(document))
        wizard = (
            self.env["qms.document.withdraw"]
            .with_user(self.qmr_a)
            .create({"version_id": v1.id, "reason": "Bãi bỏ theo quyết định 12/QĐ"})
        )
        wizard.action_confirm()
        self.assertEqual(v1.state, "withdrawn")
        self.assertFalse(document.current_version_id)
        self.assertFalse(
            v1.acknowledgement_ids.filtered(lambda a: a.state == "pending")
        )
        with self.assertRaises(UserError):
            v1._qms_withdraw("lần nữa")

    def test_reject_with_reason_and_peer_review(self):
        document = self._document()
        version = self._version(
            document, peer_reviewer_ids=[(6, 0, self.reviewer_a.ids)]
        )
        version.with_user(self.iso_a).action_submit_review()
        review_type = self.env.ref("qms_public_admin.mail_activity_version_review")
        reviews = version.activity_ids.filtered(
            lambda a: a.activity_type_id == review_type
        )
        # The peer reviewer acts first; the approver waits for them.
        self.assertEqual(reviews.user_id, self.reviewer_a)
        action = version.with_user(self.reviewer_a).reject_tier()
        action["_user"] = self.reviewer_a
        self._comment(action, "Thiếu bước lưu trữ hồ sơ")
        rejected = version.review_ids.filtered(lambda r: r.status == "rejected")
        self.assertEqual(rejected.comment, "Thiếu bước lưu trữ hồ sơ")
        self.assertEqual(version.validation_status, "rejected")
        # Nobody is asked to review a rejected version.
        self.assertFalse(
            version.activity_ids.filtered(lambda a: a.activity_type_id == review_type)
        )
        with self.assertRaises(UserError):
            version.with_user(self.qmr_a).action_approve()
        version.with_user(self.iso_a).action_back_to_draft()
        self.assertEqual(version.state, "draft")
        self.assertFalse(
            version.activity_ids.filtered(lambda a: a.activity_type_id == review_type)
        )

    # ------------------------------------------------------------ bad input
    def test_self_approval_is_forbidden(self):
        document = self._document()
        with self.assertRaises(ValidationError):
            self._version(document, approver_id=self.iso_a.id)
        # The approver must be in the approver group of the document type.
        with self.assertRaises(ValidationError):
            self._version(document, approver_id=self.reviewer_a.id)
        with self.assertRaises(ValidationError):
            self._version(document, peer_reviewer_ids=[(6, 0, self.iso_a.ids)])
        # Changing the author to the approver is refused too.
        version = self._version(document)
        with self.assertRaises(ValidationError):
            version.author_id = self.qmr_a

    def test_self_approval_when_allowed(self):
        self.env["ir.config_parameter"].set_param(
            "qms_public_admin.document_self_approval", "True"
        )
        qmr_document = self._document(code="CS-01")
        version = (
            self.env["qms.document.version"]
            .with_user(self.qmr_a)
            .create(
                {
                    "document_id": qmr_document.id,
                    "body": "<p>Chính sách</p>",
                    "approver_id": self.qmr_a.id,
                }
            )
        )
        version.with_user(self.qmr_a).action_submit_review()
        self._validate(version, self.qmr_a)
        version.with_user(self.qmr_a).action_approve()
        self.assertEqual(version.state, "approved")

    def test_author_cannot_validate(self):
        self.env["ir.config_parameter"].set_param(
            "qms_public_admin.document_self_approval", "True"
        )
        document = self._document()
        version = (
            self.env["qms.document.version"]
            .with_user(self.qmr_a)
            .create({"document_id": document.id, "body": "<p>x</p>"})
        )
        version.approver_id = self.qmr_a
        self.env["ir.config_parameter"].set_param(
            "qms_public_admin.document_self_approval", "False"
        )
        version.with_user(self.qmr_a).action_submit_review()
        with self.assertRaises(UserError):
            self._validate(version, self.qmr_a)
        self.assertEqual(version.validation_status, "pending")

    def test_bad_input(self):
        document = self._document()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self._document()
        # Empty file.
        empty = self.env["ir.attachment"].create(
            {"name": "rong.pdf", "raw": b"", "mimetype": "application/pdf"}
        )
        with self.assertRaises(ValidationError):
            self._version(document, attachment_ids=[(6, 0, empty.ids)])
        # Nothing to review.
        version = self._version(document, body=False)
        with self.assertRaises(UserError):
            version.with_user(self.iso_a).action_submit_review()
        self.assertEqual(version.state, "draft")
        version.write({"body": "<p>Có nội dung</p>", "approver_id": False})
        with self.assertRaises(UserError):
            version.with_user(self.iso_a).action_submit_review()
        # A document with approved versions cannot be deleted.
        version.approver_id = self.qmr_a
        self._publish(version)
        with self.assertRaises(UserError):
            document.unlink()

    # ------------------------------------------------------------ distribution
    def test_distribution_and_acknowledgement(self):
        document = self._document(distribution_user_ids=[(6, 0, self.qmr_a.ids)])
        v1 = self._publish(self._version(document))
        acks = v1.acknowledgement_ids
        # Units include their sub-units (the desk under the office).
        self.assertEqual(acks.user_id, self.staff_a | self.reviewer_a | self.qmr_a)
        self.assertEqual(document.pending_ack_count, 3)
        ack_type = self.env.ref("qms_public_admin.mail_activity_document_acknowledge")
        self.assertEqual(
            v1.activity_ids.filtered(lambda a: a.activity_type_id == ack_type).user_id,
            acks.user_id,
        )
        staff_ack = acks.filtered(lambda a: a.user_id == self.staff_a)
        # Only the recipient confirms; others see only their own lines.
        with self.assertRaises(UserError):
            staff_ack.with_user(self.reviewer_a).action_acknowledge()
        mine = (
            self.env["qms.document.acknowledgement"].with_user(self.staff_a).search([])
        )
        self.assertEqual(mine, staff_ack)
        staff_ack.with_user(self.staff_a).action_acknowledge()
        self.assertEqual(staff_ack.state, "done")
        self.assertTrue(staff_ack.acknowledged_on)
        self.assertNotIn(
            self.staff_a,
            v1.activity_ids.filtered(lambda a: a.activity_type_id == ack_type).user_id,
        )
        with self.assertRaises(AccessError):
            staff_ack.with_user(self.staff_a).write({"state": "pending"})
        # Reminders for the overdue ones.
        acks.sudo().write({"date_due": fields.Date.today() - timedelta(days=1)})
        sent = self.env["qms.document.acknowledgement"]._cron_remind()
        self.assertEqual(sent, 2)
        self.assertEqual(
            acks.filtered(lambda a: a.state == "pending").mapped("reminder_count"),
            [1, 1],
        )
        self.assertEqual(self.env["qms.document.acknowledgement"]._cron_remind(), 0)
        # A new version: the old one need not be read any more.
        action = v1.with_user(self.iso_a).action_new_minor_version()
        v2 = self._publish(self.env["qms.document.version"].browse(action["res_id"]))
        self.assertEqual(
            sorted(v1.acknowledgement_ids.mapped("state")),
            ["cancelled", "cancelled", "done"],
        )
        self.assertEqual(len(v2.acknowledgement_ids), 3)
        self.assertEqual((v1.ack_done_count, v1.ack_pending_count), (1, 0))
        self.assertEqual(v2.ack_pending_count, 3)

    # ------------------------------------------------------------ periodic review
    def test_periodic_review_cron(self):
        document = self._document()
        self._publish(self._version(document))
        today = fields.Date.today()
        self.assertEqual(document.next_review_date.year, today.year + 1)
        document.sudo().next_review_date = today - timedelta(days=2)
        self.env["qms.document"]._cron_periodic_review()
        self.assertTrue(document.review_overdue)
        review_type = self.env.ref(
            "qms_public_admin.mail_activity_document_periodic_review"
        )
        self.assertTrue(
            document.activity_ids.filtered(lambda a: a.activity_type_id == review_type)
        )
        # Running again does not pile up activities.
        self.env["qms.document"]._cron_periodic_review()
        self.assertEqual(
            len(
                document.activity_ids.filtered(
                    lambda a: a.activity_type_id == review_type
                )
            ),
            1,
        )
        review = (
            self.env["qms.document.review"]
            .with_user(self.iso_a)
            .create(
                {
                    "document_id": document.id,
                    "outcome": "confirmed",
                    "note": "Vẫn phù hợp",
                }
            )
        )
        self.assertEqual(review.version_id, document.current_version_id)
        self.assertFalse(document.review_overdue)
        self.assertGreater(document.next_review_date, today)
        self.assertFalse(
            document.activity_ids.filtered(lambda a: a.activity_type_id == review_type)
        )
        with self.assertRaises(UserError):
            review.write({"note": "sửa"})
        # A review that finds changes opens a new draft.
        revise = (
            self.env["qms.document.review"]
            .with_user(self.iso_a)
            .create(
                {
                    "document_id": document.id,
                    "outcome": "revise",
                    "note": "Cập nhật theo Nghị định mới",
                }
            )
        )
        self.assertEqual(revise.new_version_id.state, "draft")
        self.assertEqual(revise.new_version_id.version_label, "2.0")

    def test_legal_change_flags_documents(self):
        document = self._document()
        self._publish(self._version(document))
        self.law.state = "replaced"
        self.assertTrue(document.review_needed)
        self.assertIn("977/2024/NĐ-CP", document.review_reason)
        action = document.current_version_id.with_user(self.iso_a).action_new_version()
        self._publish(self.env["qms.document.version"].browse(action["res_id"]))
        self.assertFalse(document.review_needed)

    # ------------------------------------------------------------ access
    def test_access(self):
        document = self._document()
        published = self._publish(self._version(document))
        action = published.with_user(self.iso_a).action_new_version()
        draft = self.env["qms.document.version"].browse(action["res_id"])
        Version = self.env["qms.document.version"]
        # Staff of the agency read the published version, not the draft.
        self.assertEqual(
            Version.with_user(self.staff_a).search([("document_id", "=", document.id)]),
            published,
        )
        # The author and the ISO officers see the draft; so does its approver.
        self.assertIn(draft, Version.with_user(self.iso_a).search([]))
        self.assertIn(draft, Version.with_user(self.qmr_a).search([]))
        # Another agency sees nothing.
        self.assertFalse(
            self.env["qms.document"]
            .with_user(self.iso_b)
            .search([("id", "=", document.id)])
        )
        with self.assertRaises(AccessError):
            published.with_user(self.iso_b).read(["body"])
        # Confidential: only the listed groups and the people working on it.
        secret = self._document(
            code="HD-MAT",
            name="Hướng dẫn mật",
            confidentiality="confidential",
            allowed_group_ids=[
                (6, 0, self.env.ref("qms_public_admin.group_qms_qmr").ids)
            ],
        )
        secret_v = self._publish(self._version(secret))
        self.assertFalse(
            self.env["qms.document"]
            .with_user(self.staff_a)
            .search([("id", "=", secret.id)])
        )
        with self.assertRaises(AccessError):
            secret_v.with_user(self.staff_a).read(["body"])
        self.assertTrue(
            self.env["qms.document"]
            .with_user(self.qmr_a)
            .search([("id", "=", secret.id)])
        )
        # The DOST inspector reads published, non-confidential versions only.
        seen = Version.with_user(self.inspector).search(
            [("document_id", "in", (document | secret).ids)]
        )
        self.assertEqual(seen, published)
        # A plain user cannot create documents.
        with self.assertRaises(AccessError):
            self.env["qms.document"].with_user(self.staff_a).create(
                {
                    "code": "X",
                    "name": "X",
                    "type_id": self.procedure_type.id,
                    "company_id": self.agency_a.id,
                }
            )

    # ------------------------------------------------------------ search, lists
    def test_full_text_search(self):
        document = self._document()
        version = self._version(
            document,
            attachment_ids=[
                (
                    0,
                    0,
                    {
                        "name": "huong-dan.txt",
                        "datas": base64.b64encode(
                            "Lưu trữ hồ sơ điện tử trên hệ thống".encode()
                        ),
                        "mimetype": "text/plain",
                    },
                )
            ],
        )
        Document = self.env["qms.document"].with_user(self.staff_a)
        # Drafts are not searched.
        self.assertFalse(Document.search([("content_search", "ilike", "điện tử")]))
        self._publish(version)
        self.assertEqual(
            Document.search([("content_search", "ilike", "hồ sơ điện tử")]), document
        )
        self.assertEqual(
            Document.search([("content_search", "ilike", "phê duyệt trước")]),
            document,
        )
        self.assertFalse(Document.search([("content_search", "ilike", "không có")]))

    def test_master_list_pdf_and_xlsx(self):
        document = self._document()
        v1 = self._publish(self._version(document))
        action = v1.with_user(self.iso_a).action_new_minor_version()
        v11 = self._publish(self.env["qms.document.version"].browse(action["res_id"]))
        wizard = (
            self.env["qms.document.master.list"]
            .with_user(self.iso_a)
            .create({"company_id": self.agency_a.id})
        )
        self.assertEqual(wizard._versions(), v11)
        wizard.include_obsolete = True
        self.assertEqual(wizard._versions(), v11 | v1)
        rows = wizard._rows()
        self.assertEqual([r["version"] for r in rows], ["1.1", "1.0"])
        self.assertEqual(rows[1]["state"], "Obsolete")
        wizard.unit_id = self.desk
        self.assertFalse(wizard._versions())
        wizard.unit_id = self.office
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.iso_a)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "qms_public_admin.action_report_document_master_list", wizard.ids
            )
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        xlsx, kind = (
            self.env["ir.actions.report"]
            .with_user(self.iso_a)
            ._render(
                "qms_public_admin.action_report_document_master_list_xlsx",
                wizard.ids,
            )
        )
        self.assertEqual(kind, "xlsx")
        self.assertTrue(xlsx.startswith(b"PK"))

    def test_records_disposal(self):
        record_type = (
            self.env["qms.record.type"]
            .with_user(self.iso_a)
            .create(
                {
                    "name": "Hồ sơ TTHC",
                    "retention_years": 5,
                    "company_id": self.agency_a.id,
                }
            )
        )
        permanent = (
            self.env["qms.record.type"]
            .with_user(self.iso_a)
            .create(
                {
                    "name": "Biên bản",
                    "retention_years": 0,
                    "company_id": self.agency_a.id,
                }
            )
        )
        Record = self.env["qms.quality.record"].with_user(self.iso_a)
        old = Record.create(
            {
                "name": "Hồ sơ 2015",
                "record_type_id": record_type.id,
                "date_closed": "2015-12-31",
            }
        )
        recent = Record.create(
            {
                "name": "Hồ sơ 2025",
                "record_type_id": record_type.id,
                "date_closed": "2025-12-31",
            }
        )
        forever = Record.create(
            {
                "name": "Biên bản 2015",
                "record_type_id": permanent.id,
                "date_closed": "2015-12-31",
            }
        )
        self.assertEqual(str(old.disposal_due_date), "2020-12-31")
        self.assertFalse(forever.disposal_due_date)
        due = Record.search(
            [
                ("state", "=", "kept"),
                ("disposal_due_date", "<=", fields.Date.today()),
                ("company_id", "=", self.agency_a.id),
            ]
        )
        self.assertEqual(due, old)
        with self.assertRaises(UserError):
            old.action_dispose()  # no disposal decision number
        old.disposal_reference = "05/QĐ-HĐXĐGTTL"
        old.action_dispose()
        self.assertEqual(old.state, "disposed")
        for record in (recent, forever):
            record.disposal_reference = "06/QĐ"
            with self.assertRaises(UserError):
                record.action_dispose()
        with self.assertRaises(ValidationError):
            record_type.retention_years = -1

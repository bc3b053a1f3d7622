# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import QmsSystemCase


class TestQualitySystem(QmsSystemCase):
    """The parts of ISO 9001 a part-time ISO officer runs besides procedures:
    context register, competence, templates, forms, plan, inspection,
    communication, and the monthly checklist."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.qmr_b = cls._user("sys_qmr_b", "group_qms_qmr", cls.agency_b)
        cls.unit_b = cls.env["hr.department"].create(
            {"name": "Phòng Tư pháp - hộ tịch", "company_id": cls.agency_b.id}
        )
        cls.tthc = cls.env["qms.tthc"].create(
            {
                "code": "2.000001",
                "name": "Chứng thực bản sao từ bản chính",
                "legal_deadline": 2,
            }
        )
        cls.case = cls.tthc.case_ids
        cls.official = base64.b64encode(b"%PDF official form 01")
        cls.component = cls.env["qms.tthc.component"].create(
            {
                "tthc_id": cls.tthc.id,
                "name": "Tờ khai yêu cầu chứng thực",
                "template": cls.official,
                "template_filename": "to-khai.pdf",
            }
        )

    # ------------------------------------------------------------ helpers
    def _procedure(self, agency, iso, code="QT-CT-01", **vals):
        values = {
            "code": code,
            "name": "Quy trình chứng thực bản sao",
            "company_id": agency.id,
            "tthc_case_id": self.case.id,
            "responsible_id": iso.id,
        }
        values.update(vals)
        return self.env["qms.procedure"].with_user(iso).create(values)

    def _steps(self, unit, hours=(4, 4, 4, 4)):
        names = ["Tiếp nhận", "Thẩm định", "Ký duyệt", "Trả kết quả"]
        return [
            (
                0,
                0,
                {
                    "sequence": i,
                    "name": n,
                    "duration": h,
                    "duration_uom": "hour",
                    "unit_id": unit.id,
                },
            )
            for i, (n, h) in enumerate(zip(names, hours, strict=True))
        ]

    def _make_effective(self, version, iso, qmr):
        version.with_user(iso).action_submit_review()
        version.with_user(qmr).validate_tier()
        version.with_user(iso).action_approve()
        version.with_user(qmr).action_make_effective()
        self.assertEqual(version.state, "effective")

    def _first_version(self, procedure, iso, qmr, hours=(4, 4, 4, 4), forms=()):
        action = procedure.with_user(iso).action_new_draft()
        version = self.env["qms.procedure.version"].browse(action["res_id"])
        unit = self.unit_a if procedure.company_id == self.agency_a else self.unit_b
        version.with_user(iso).write(
            {
                "step_ids": self._steps(unit, hours),
                "form_ids": [(0, 0, values) for values in forms],
            }
        )
        self._make_effective(version, iso, qmr)
        return version

    # ------------------------------------------------------------ 4.1 / 4.2
    def test_context_register_feeds_the_review(self):
        """Issues and parties added or changed in the period, and those not
        reviewed for a year, are compiled into input b) of the review."""
        Issue = self.env["qms.context.issue"].with_user(self.iso_a)
        with freeze_time("2025-03-01"):
            old = Issue.create(
                {
                    "name": "Thiếu cán bộ công chức tư pháp",
                    "kind": "internal",
                    "category": "people",
                    "last_reviewed_on": date(2025, 3, 1),
                }
            )
        with freeze_time("2026-05-10"):
            new = Issue.create(
                {
                    "name": "Nghị định 118/2025/NĐ-CP thay đổi quy định một cửa",
                    "kind": "external",
                    "category": "legal",
                    "response": "Cập nhật các quy trình một cửa",
                    "last_reviewed_on": date(2026, 5, 10),
                }
            )
            party = (
                self.env["qms.interested.party"]
                .with_user(self.iso_a)
                .create(
                    {
                        "name": "Người dân trên địa bàn",
                        "party_type": "citizens",
                        "requirement": "Trả kết quả đúng hẹn, chỉ đi lại một lần",
                        "last_reviewed_on": date(2026, 5, 10),
                    }
                )
            )
        # The ORM stamps the transaction's time: date the entries as if they
        # had been written on the days above.
        for record, day in (
            (old, "2025-03-01"),
            (new, "2026-05-10"),
            (party, "2026-05-10"),
        ):
            self.env.flush_all()
            self.env.cr.execute(
                f"UPDATE {record._table} SET create_date = %s, write_date = %s "
                "WHERE id = %s",
                (day, day, record.id),
            )
            record.invalidate_recordset(["create_date", "write_date"])
        with freeze_time("2026-06-20"):
            self.assertTrue(old.review_due)
            self.assertFalse(new.review_due)
            self.assertEqual(
                Issue.search([("review_due", "=", True)]),
                old,
                "only the issue reviewed fifteen months ago is due",
            )
            review = (
                self.env["qms.management.review"]
                .with_user(self.iso_a)
                .create(
                    {
                        "name": "Xem xét của lãnh đạo 6 tháng đầu năm 2026",
                        "company_id": self.agency_a.id,
                        "planned_date": date(2026, 6, 25),
                        "period_start": date(2026, 1, 1),
                        "period_end": date(2026, 6, 30),
                        "chair_id": self.head_a.id,
                    }
                )
            )
            review.action_prepare_inputs()
            lines = review.input_ids.filtered(
                lambda i: i.section == "b_changes"
            ).line_ids
            status = {line.name: line.status for line in lines}
            self.assertEqual(status[new.name], "New in the period")
            self.assertEqual(status[party.name], "New in the period")
            self.assertEqual(status[old.name], "Not reviewed for a year")
            old.with_user(self.iso_a).action_mark_reviewed()
            self.assertEqual(old.last_reviewed_on, date(2026, 6, 20))
            self.assertFalse(old.review_due)
        # Agency B sees none of it.
        self.assertFalse(self.env["qms.context.issue"].with_user(self.iso_b).search([]))
        with self.assertRaises(AccessError):
            new.with_user(self.iso_b).read(["name"])

    # ------------------------------------------------------------ 7.2 / 7.3
    def test_competence_gaps_close_with_valid_training(self):
        """A role holder without the training the role requires has a gap per
        competence; a training closes it, an expired one opens it again, and
        a course without the certificate the competence needs does not count."""
        auditor = self.env.ref("qms_public_admin.role_internal_auditor")
        awareness = self.env.ref("qms_public_admin.competence_iso_awareness")
        audit_course = self.env.ref("qms_public_admin.competence_internal_audit")
        self.env["qms.competence.assignment"].with_user(self.iso_a).create(
            {"user_id": self.staff_a.id, "role_id": auditor.id}
        )
        Gap = self.env["qms.competence.gap"].with_user(self.iso_a)

        def gaps():
            Gap.invalidate_model()  # a view: read again what the search finds
            return {
                g.competence_id: g.reason
                for g in Gap.search([("user_id", "=", self.staff_a.id)])
            }

        self.assertEqual(gaps(), {awareness: "missing", audit_course: "missing"})
        Training = self.env["qms.training"].with_user(self.iso_a)
        Training.create(
            {
                "user_id": self.staff_a.id,
                "competence_id": audit_course.id,
                "name": "Đào tạo chuyên gia đánh giá nội bộ TCVN ISO 9001:2015",
                "provider": "Sở Khoa học và Công nghệ",
                "date": date.today() - timedelta(days=30),
            }
        )
        self.assertEqual(gaps()[audit_course], "certificate")
        Training.search([("competence_id", "=", audit_course.id)]).write(
            {"certificate_number": "ĐGNB-2026-015"}
        )
        old = Training.create(
            {
                "user_id": self.staff_a.id,
                "competence_id": awareness.id,
                "name": "Phổ biến TCVN ISO 9001:2015",
                "date": date.today() - timedelta(days=800),
            }
        )
        # Awareness is valid 24 months (data): this one expired.
        self.assertEqual(old.date_expiry, old.date + relativedelta(months=24))
        self.assertFalse(old.valid)
        self.assertEqual(gaps(), {awareness: "expired"})
        Training.create(
            {
                "user_id": self.staff_a.id,
                "competence_id": awareness.id,
                "name": "Phổ biến TCVN ISO 9001:2015 (nhắc lại)",
            }
        )
        self.assertEqual(gaps(), {})
        holder = self.env["qms.competence.assignment"].search(
            [("user_id", "=", self.staff_a.id)]
        )
        self.assertEqual(holder.gap_count, 0)
        # The holder must work at the agency.
        with self.assertRaises(ValidationError):
            self.env["qms.competence.assignment"].create(
                {
                    "user_id": self.iso_b.id,
                    "role_id": auditor.id,
                    "company_id": self.agency_a.id,
                }
            )

    def test_awareness_quiz_records_training(self):
        """A new officer takes the awareness quiz of the Surveys app: the
        result lands on the officer's training record, and only a pass closes
        the gap."""
        survey = self.env["survey.survey"].create(
            {
                "title": "Kiểm tra nhận thức ISO 9001 cho cán bộ mới",
                "scoring_type": "scoring_with_answers",
                "scoring_success_min": 50,
                "certification": True,
            }
        )
        question = self.env["survey.question"].create(
            {
                "survey_id": survey.id,
                "title": "Chính sách chất lượng do ai ban hành?",
                "question_type": "simple_choice",
                "suggested_answer_ids": [
                    (
                        0,
                        0,
                        {
                            "value": "Người đứng đầu cơ quan",
                            "is_correct": True,
                            "answer_score": 10,
                        },
                    ),
                    (0, 0, {"value": "Cán bộ ISO", "is_correct": False}),
                ],
            }
        )
        right, wrong = question.suggested_answer_ids
        awareness = self.env.ref("qms_public_admin.competence_iso_awareness")
        awareness.survey_id = survey
        self.env["qms.competence.assignment"].create(
            {
                "user_id": self.staff2_a.id,
                "role_id": self.env.ref("qms_public_admin.role_leader").id,
                "company_id": self.agency_a.id,
            }
        )

        def take(answer):
            user_input = survey._create_answer(user=self.staff2_a)
            user_input._save_lines(question, answer.id)
            user_input._mark_done()
            return user_input

        take(wrong)
        training = self.env["qms.training"].search([("user_id", "=", self.staff2_a.id)])
        self.assertEqual(
            (training.source, training.passed, training.score),
            ("quiz", False, 0.0),
        )
        gap = self.env["qms.competence.gap"].search(
            [("user_id", "=", self.staff2_a.id)]
        )
        self.assertEqual(gap.reason, "failed")
        take(right)
        passed = self.env["qms.training"].search(
            [("user_id", "=", self.staff2_a.id), ("passed", "=", True)]
        )
        self.assertEqual(passed.score, 100.0)
        self.assertEqual(passed.competence_id, awareness)
        self.assertFalse(
            self.env["qms.competence.gap"].search([("user_id", "=", self.staff2_a.id)])
        )

    # ------------------------------------------------------------ templates
    def test_template_change_flags_its_variants(self):
        """Agency B adopts agency A's template; its variant records what it
        changed and why before approval; a new template version flags it; the
        variant's next version closes the flag."""
        template = self._procedure(self.agency_a, self.iso_a, is_template=True)
        v1 = self._first_version(
            template,
            self.iso_a,
            self.qmr_a,
            (3, 4, 4, 3),
            forms=[
                {
                    "name": "Tờ khai",
                    "component_id": self.component.id,
                    "file": self.official,
                }
            ],
        )
        # B reads the template (not A's other procedures) and adopts it.
        self.assertEqual(
            self.env["qms.procedure"]
            .with_user(self.iso_b)
            .search([("company_id", "=", self.agency_a.id)]),
            template,
        )
        action = (
            template.with_user(self.iso_b)
            .with_company(self.agency_b)
            .action_adopt_template()
        )
        wizard = self.env["qms.template.adopt"].browse(action["res_id"])
        # Units are matched by name where they can be (case aside).
        self.assertEqual(wizard.line_ids.unit_id, self.unit_b)
        self.assertEqual(wizard.line_ids.template_unit_name, self.unit_a.name)
        wizard.line_ids.unit_id = False
        with self.assertRaisesRegex(UserError, "Choose the unit"):
            wizard.with_user(self.iso_b).action_adopt()
        wizard.line_ids.unit_id = self.unit_b
        action = wizard.with_user(self.iso_b).action_adopt()
        variant = self.env["qms.procedure"].browse(action["res_id"])
        self.assertEqual(
            (variant.company_id, variant.template_id), (self.agency_b, template)
        )
        draft = variant.version_ids
        self.assertEqual(draft.step_ids.mapped("name"), v1.step_ids.mapped("name"))
        # The official form comes along, without the template's own file.
        self.assertEqual(
            (draft.form_ids.component_id, draft.form_ids.file), (self.component, False)
        )
        self.assertFalse(draft.forms_differ)
        with self.assertRaisesRegex(UserError, "already adopted"):
            template.with_user(self.iso_b).with_company(
                self.agency_b
            ).action_adopt_template()
        # Its own units are no change from the template.
        self.assertIn("Same steps as the template.", variant.variant_diff_html)
        # B's signing leader works mornings only: signing takes 2 h more.
        draft.step_ids.filtered(lambda s: s.name == "Ký duyệt").with_user(
            self.iso_b
        ).duration = 6
        variant.invalidate_recordset(["variant_diff_html"])
        self.assertIn("Ký duyệt", variant.variant_diff_html)
        with self.assertRaisesRegex(UserError, "changed and why"):
            draft.with_user(self.iso_b).action_submit_review()
        variant.with_user(
            self.iso_b
        ).variant_note = "Lãnh đạo ký duyệt buổi sáng: bước ký duyệt cần thêm nửa ngày."
        self._make_effective(draft, self.iso_b, self.qmr_b)
        self.assertEqual(variant.template_version_id, v1)
        self.assertFalse(variant.template_outdated)
        self.assertFalse(variant.review_needed)
        # The province shortens the reception step: version 2 of the template.
        action = v1.with_user(self.iso_a).action_new_version()
        v2 = self.env["qms.procedure.version"].browse(action["res_id"])
        v2.step_ids.filtered(lambda s: s.name == "Tiếp nhận").with_user(
            self.iso_a
        ).duration = 2
        self._make_effective(v2, self.iso_a, self.qmr_a)
        self.assertTrue(variant.review_needed)
        self.assertIn("template", variant.review_reason)
        self.assertTrue(variant.template_outdated)
        self.assertIn(
            variant,
            self.env["qms.procedure"].search([("template_outdated", "=", True)]),
        )
        activity = variant.activity_ids
        self.assertEqual(activity.user_id, self.iso_b)
        self.assertEqual(activity.summary, "Template changed: review the variant")
        # B takes over the change in its own version 2.
        action = draft.with_user(self.iso_b).action_new_version()
        b2 = self.env["qms.procedure.version"].browse(action["res_id"])
        b2.step_ids.filtered(lambda s: s.name == "Tiếp nhận").with_user(
            self.iso_b
        ).duration = 2
        self._make_effective(b2, self.iso_b, self.qmr_b)
        self.assertFalse(variant.review_needed)
        self.assertEqual(variant.template_version_id, v2)
        # A variant follows a template, not any procedure.
        with self.assertRaisesRegex(UserError, "marked as a template"):
            variant.with_user(self.iso_b).template_id = variant
        # The followed version moves only that way.
        with self.assertRaises(UserError):
            variant.with_user(self.iso_b).template_version_id = v1

    def test_catalogue_change_flags_procedures_in_effect(self):
        """A shortened legal deadline and a changed component flag the
        procedure in effect, saying whether its steps still fit."""
        procedure = self._procedure(self.agency_a, self.iso_a)
        self._first_version(procedure, self.iso_a, self.qmr_a, hours=(4, 4, 4, 4))
        other = self._procedure(self.agency_b, self.iso_b, code="QT-CT-02")
        self.assertFalse(procedure.review_needed)
        # 2 working days -> 1 day: the 16 hours of steps no longer fit in 8.
        self.case.legal_deadline = 1
        self.assertTrue(procedure.review_needed)
        self.assertIn("from 2", procedure.review_reason)
        self.assertIn("more than the deadline now allows (8)", procedure.review_reason)
        self.assertFalse(other.review_needed, "no version in effect: nothing to flag")
        procedure._qms_clear_review("Đã rà soát")
        # A component added by the catalogue flags it again.
        self.env["qms.tthc.component"].create(
            {"tthc_id": self.tthc.id, "name": "Giấy tờ tùy thân"}
        )
        self.assertTrue(procedure.review_needed)
        self.assertIn("added Giấy tờ tùy thân", procedure.review_reason)
        # A note change is no change of the rules.
        procedure._qms_clear_review("Đã rà soát")
        self.case.note = "Ghi chú"
        self.assertFalse(procedure.review_needed)

    # ------------------------------------------------------------ forms
    def test_forms_follow_the_official_set(self):
        procedure = self._procedure(self.agency_a, self.iso_a)
        action = procedure.with_user(self.iso_a).action_new_draft()
        version = self.env["qms.procedure.version"].browse(action["res_id"])
        Form = self.env["qms.procedure.form"].with_user(self.iso_a)
        same = Form.create(
            {
                "version_id": version.id,
                "name": "Tờ khai",
                "component_id": self.component.id,
                "file": self.official,
            }
        )
        self.env.flush_all()
        same.invalidate_recordset()
        self.assertFalse(same.differs)
        self.assertFalse(version.forms_differ)
        retyped = Form.create(
            {
                "version_id": version.id,
                "name": "Tờ khai (bản đơn vị tự soạn)",
                "component_id": self.component.id,
                "file": base64.b64encode(b"%PDF retyped by the unit"),
            }
        )
        self.assertTrue(retyped.differs)
        self.assertEqual(
            retyped.difference, "The file differs from the official template"
        )
        with (
            self.assertRaisesRegex(ValidationError, "say why"),
            self.env.cr.savepoint(),
        ):
            Form.create(
                {"version_id": version.id, "name": "Sổ giao nhận", "source": "own"}
            )
        own = Form.create(
            {
                "version_id": version.id,
                "name": "Sổ giao nhận nội bộ",
                "source": "own",
                "own_reason": "Không có mẫu chính thức",
            }
        )
        self.assertTrue(own.differs)
        self.assertTrue(version.forms_differ)
        self.assertEqual(Form.search([("differs", "=", True)]), retyped | own)
        # The catalogue replaces its template: the same file now differs.
        self.component.template = base64.b64encode(b"%PDF official form 02")
        self.assertTrue(same.differs)

    # ------------------------------------------------------------ internal
    def test_internal_process_without_administrative_procedure(self):
        internal = self._procedure(
            self.agency_a,
            self.iso_a,
            code="QT-VT-01",
            name="Quy trình quản lý văn bản đi, đến",
            kind="system",
            process_area="documents",
            tthc_case_id=False,
        )
        version = self._first_version(internal, self.iso_a, self.qmr_a, (8, 8, 8, 8))
        self.assertEqual(internal.effective_version_id, version)
        self.assertFalse(version.legal_hours)
        self.assertEqual(version.total_hours, 32)

    # ------------------------------------------------------------ plan
    def test_plan_tasks_progress_and_reminders(self):
        plan = (
            self.env["qms.implementation.plan"]
            .with_user(self.iso_a)
            .create(
                {
                    "name": "Kế hoạch duy trì HTQLCL năm 2026",
                    "company_id": self.agency_a.id,
                    "year": 2026,
                    "task_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "Cập nhật quy trình theo Nghị định 118/2025",
                                "category": "documents",
                                "user_id": self.iso_a.id,
                                "date_deadline": date(2026, 3, 31),
                            },
                        ),
                        (
                            0,
                            0,
                            {
                                "name": "Đánh giá nội bộ",
                                "category": "audit",
                                "user_id": self.staff_a.id,
                                "date_deadline": date(2026, 10, 31),
                            },
                        ),
                    ],
                }
            )
        )
        update, audit = plan.task_ids.sorted("date_deadline")
        with self.assertRaisesRegex(UserError, "buttons"):
            plan.with_user(self.iso_a).write({"state": "approved"})
        with self.assertRaisesRegex(UserError, "quality representative approves"):
            plan.with_user(self.iso_a).action_approve()
        plan.with_user(self.qmr_a).action_approve()
        self.assertEqual(plan.approved_by_id, self.qmr_a)
        # An owner reports progress on their task only.
        audit.with_user(self.staff_a).progress = 10
        with self.assertRaises(AccessError):
            update.with_user(self.staff_a).progress = 10
        with freeze_time("2026-04-15"):
            self.assertTrue(update.overdue)
            self.assertFalse(audit.overdue)
            self.assertEqual(plan.overdue_count, 1)
            Task = self.env["qms.implementation.task"]
            self.assertEqual(Task._cron_remind_overdue(), 1)
            self.assertEqual(update.activity_ids.user_id, self.iso_a)
            self.assertEqual(Task._cron_remind_overdue(), 0, "once a week at most")
            # The owner reports progress; 100 % is done.
            update.with_user(self.iso_a).progress = 100
            self.assertEqual(
                (update.state, update.date_done), ("done", date(2026, 4, 15))
            )
            self.assertFalse(update.overdue)
            self.assertEqual(plan.progress, 55.0)  # (100 + 10) / 2
        with self.assertRaises(ValidationError):
            audit.progress = 120

    # ------------------------------------------------------------ inspection
    def test_inspection_finding_opens_an_action_and_feeds_the_report(self):
        inspection = (
            self.env["qms.inspection"]
            .with_user(self.inspector)
            .create(
                {
                    "company_id": self.agency_a.id,
                    "kind": "dost",
                    "date": date(2026, 9, 15),
                    "decision_number": "125/QĐ-SKHCN",
                    "inspector_names": "Chi cục TCĐLCL",
                }
            )
        )
        inspection.action_load_checklist()
        criteria = self.env["qms.inspection.criterion"].search([])
        self.assertEqual(inspection.line_ids.criterion_id, criteria)
        with self.assertRaisesRegex(UserError, "result to every line"):
            inspection.action_conclude()
        training = inspection.line_ids.filtered(
            lambda li: (
                li.criterion_id == self.env.ref("qms_public_admin.inspection_training")
            )
        )
        (inspection.line_ids - training).write({"result": "conform"})
        training.write(
            {
                "result": "not_conform",
                "finding": "2 cán bộ một cửa chưa được đào tạo về ISO",
                "requested_fix": "Tổ chức đào tạo nhận thức ISO cho cán bộ một cửa",
            }
        )
        with self.assertRaisesRegex(UserError, "owner of the requested fix"):
            inspection.action_conclude()
        training.write({"user_id": self.iso_a.id, "date_deadline": date(2026, 11, 30)})
        inspection.action_conclude()
        action = training.action_id
        self.assertEqual(
            (
                action.qms_origin,
                action.user_id,
                action.date_deadline,
                action.company_id,
            ),
            ("inspection", self.iso_a, date(2026, 11, 30), self.agency_a),
        )
        self.assertEqual(action.qms_state, "open")
        self.assertEqual((inspection.finding_count, inspection.action_count), (1, 1))
        # Concluded: frozen.
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            inspection.write({"decision_number": "126/QĐ-SKHCN"})
        # The annual report to the DOST lists it.
        report = self.env["qms.dost.report"].create(
            {"company_id": self.agency_a.id, "year": 2026}
        )
        report.action_generate()
        system = report.line_ids.filtered(lambda li: li.section == "system")
        line = system.filtered(lambda li: "15/09/2026" in li.name)
        self.assertEqual(line.name, "DOST inspection of 15/09/2026")
        self.assertEqual(line.value, "1")
        self.assertIn("0 of 1 fix(es) done", line.note)
        # Agency B's ISO officer sees nothing of it.
        self.assertFalse(self.env["qms.inspection"].with_user(self.iso_b).search([]))

    # ------------------------------------------------------------ 7.4
    def test_communication_is_sent_to_the_audience(self):
        message = (
            self.env["qms.communication"]
            .with_user(self.iso_a)
            .create(
                {
                    "name": "Mục tiêu chất lượng năm 2026",
                    "topic": "objectives",
                    "body": "<p>UBND xã ban hành mục tiêu chất lượng năm 2026.</p>",
                    "date_planned": date(2026, 1, 15),
                    "group_ids": [
                        (6, 0, self.env.ref("qms_public_admin.group_qms_qmr").ids)
                    ],
                    "user_ids": [(6, 0, self.staff_a.ids)],
                }
            )
        )
        Communication = self.env["qms.communication"]
        with freeze_time("2026-01-10"):
            Communication._cron_send_due()
            self.assertEqual(message.state, "planned")
        with freeze_time("2026-01-15"):
            self.assertGreaterEqual(Communication._cron_send_due(), 1)
        self.assertEqual(message.state, "sent")
        self.assertTrue(message.sent_on)
        posted = message.message_ids.filtered(
            lambda m: m.message_type == "comment" and "mục tiêu" in (m.body or "")
        )
        # The QMR of agency A (not the one of agency B) and the named officer.
        self.assertEqual(posted.partner_ids, (self.qmr_a | self.staff_a).partner_id)
        self.assertEqual(message.recipient_count, 2)
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            message.with_user(self.iso_a).body = "<p>Sửa</p>"
        with self.assertRaisesRegex(UserError, "initial status"):
            message.with_user(self.iso_a).create(
                {"name": "x", "body": "<p>x</p>", "state": "sent"}
            )

    # ------------------------------------------------------------ checklist
    def test_month_checklist_of_the_iso_officer(self):
        """What to do this month, counted from what is due."""
        Dashboard = (
            self.env["qms.dashboard"].with_user(self.iso_a).with_company(self.agency_a)
        )

        def todo():
            sections = Dashboard.qms_dashboard_data(app="iso")["sections"]
            iso = next(s for s in sections if s["key"] == "iso")
            return {t["action"]["name"]: t for t in iso["todo"]}

        with freeze_time("2026-04-10"):
            self.assertNotIn("Competence Gaps", todo())
            self.env["qms.competence.assignment"].create(
                {
                    "user_id": self.staff_a.id,
                    "role_id": self.env.ref("qms_public_admin.role_desk_officer").id,
                    "company_id": self.agency_a.id,
                }
            )
            plan = self.env["qms.implementation.plan"].create(
                {
                    "name": "Kế hoạch 2026",
                    "company_id": self.agency_a.id,
                    "year": 2026,
                    "task_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "Rà soát tài liệu",
                                "date_deadline": date(2026, 4, 30),
                            },
                        ),
                        (
                            0,
                            0,
                            {
                                "name": "Đánh giá nội bộ",
                                "date_deadline": date(2026, 10, 30),
                            },
                        ),
                    ],
                }
            )
            plan.with_user(self.qmr_a).action_approve()
            self.env["qms.communication"].create(
                {
                    "name": "Chính sách chất lượng",
                    "body": "<p>Chính sách</p>",
                    "company_id": self.agency_a.id,
                    "date_planned": date(2026, 4, 20),
                    "user_ids": [(6, 0, self.staff_a.ids)],
                }
            )
            self.env["qms.context.issue"].create(
                {
                    "name": "Ngân sách hạn chế",
                    "company_id": self.agency_a.id,
                    "category": "economic",
                }
            )
            lines = todo()
            # One desk officer lacking all three competences of the role.
            self.assertIn(
                "Close 3 competence gap(s)", lines["Competence Gaps"]["label"]
            )
            self.assertIn("Move forward 1 task(s)", lines["Plan Tasks Due"]["label"])
            self.assertIn(
                "Send 1 planned message(s)", lines["Messages to Send"]["label"]
            )
            self.assertIn(
                "1 internal or external issue(s)", lines["Issues to Review"]["label"]
            )
            gap_action = lines["Competence Gaps"]["action"]
            self.assertEqual(
                self.env["qms.competence.gap"]
                .with_user(self.iso_a)
                .search_count(gap_action["domain"]),
                3,
            )
        # Agency B's officer has nothing of A's.
        other = (
            self.env["qms.dashboard"].with_user(self.iso_b).with_company(self.agency_b)
        )
        with freeze_time("2026-04-10"):
            sections = other.qms_dashboard_data(app="iso")["sections"]
        iso_b = next(s for s in sections if s["key"] == "iso")
        self.assertFalse(
            [t for t in iso_b["todo"] if t["action"]["name"] == "Competence Gaps"]
        )

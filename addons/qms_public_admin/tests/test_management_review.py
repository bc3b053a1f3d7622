# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import QmsSystemCase


class TestManagementReview(QmsSystemCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # A quality objective with a measured value below its target.
        cls.objective = cls.env["mgmtsystem.objective"].create(
            {
                "name": "Trả kết quả đúng hạn",
                "company_id": cls.agency_a.id,
                "year": 2026,
                "state": "in_progress",
                "indicator_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Tỷ lệ hồ sơ đúng hạn",
                            "frequency": "quarterly",
                            "has_min_target": True,
                            "min_target_value": 95,
                            "state": "active",
                        },
                    )
                ],
            }
        )
        cls.indicator = cls.objective.indicator_ids
        cls.env["mgmtsystem.indicator.value"].create(
            {"indicator_id": cls.indicator.id, "date": date(2026, 3, 31), "value": 91.5}
        ).post()
        # An ISO procedure whose legal basis is amended during the period.
        cls.law = cls.env["qms.legal.document"].create(
            {
                "name": "901/2015/NĐ-CP",
                "title": "Quy định chi tiết Luật Hộ tịch",
                "doc_type": "decree",
                "date_effective": date(2016, 1, 1),
            }
        )
        cls.procedure = cls.env["qms.procedure"].create(
            {
                "code": "QT-HT-01",
                "name": "Đăng ký khai sinh",
                "company_id": cls.agency_a.id,
                "responsible_id": cls.iso_a.id,
            }
        )
        version = cls.env["qms.procedure.version"].create(
            {
                "procedure_id": cls.procedure.id,
                "legal_basis_ids": [(6, 0, cls.law.ids)],
                "step_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Tiếp nhận",
                            "duration": 4,
                            "duration_uom": "hour",
                            "unit_id": cls.unit_a.id,
                        },
                    )
                ],
            }
        )
        version._qms_transition({"state": "effective"})
        cls.risk = cls.env["qms.risk"].create(
            {
                "name": "Thất lạc hồ sơ giữa bộ phận một cửa và phòng chuyên môn",
                "company_id": cls.agency_a.id,
                "owner_id": cls.staff_a.id,
                "likelihood_id": cls.env.ref("qms_public_admin.risk_likelihood_3").id,
                "impact_id": cls.env.ref("qms_public_admin.risk_impact_4").id,
            }
        )

    def _review(self, planned, **vals):
        values = {
            "name": "Xem xét của lãnh đạo",
            "company_id": self.agency_a.id,
            "planned_date": planned,
            "chair_id": self.head_a.id,
            "participant_ids": [(6, 0, (self.qmr_a | self.iso_a).ids)],
        }
        values.update(vals)
        return self.env["qms.management.review"].with_user(self.iso_a).create(values)

    def _inputs(self, review, section):
        return review.input_ids.filtered(lambda i: i.section == section)

    def _run_to_close(self, review, decisions):
        review.action_prepare_inputs()
        review.action_hold()
        review.write(
            {
                "conclusion": "<p>Hệ thống phù hợp, đầy đủ và hiệu lực.</p>",
                "decision_ids": [(0, 0, d) for d in decisions],
            }
        )
        review.action_submit_minutes()
        review.with_user(self.head_a).validate_tier()
        self.assertEqual(review.state, "minutes_approved")
        review.action_close()

    def test_compiled_inputs_and_snapshot(self):
        # A previous review took a decision that became an action.
        with freeze_time("2026-01-15 09:00:00"):
            first = self._review(datetime(2026, 1, 15, 8, 0))
            self._run_to_close(
                first,
                [
                    {
                        "category": "improvement",
                        "description": "Niêm yết lại quy trình tại bộ phận một cửa",
                        "owner_id": self.staff_a.id,
                        "deadline": date(2026, 2, 28),
                    }
                ],
            )
        previous_action = first.action_ids
        self.assertEqual(previous_action.qms_origin, "review")
        self.assertEqual(previous_action.qms_state, "open")
        with freeze_time("2026-05-04 09:00:00"):
            # The decree is replaced: the procedure is flagged for review.
            self.env["qms.legal.document"].create(
                {
                    "name": "902/2026/NĐ-CP",
                    "title": "Thay thế",
                    "doc_type": "decree",
                    "date_effective": date(2026, 5, 1),
                    "replaces_ids": [(6, 0, self.law.ids)],
                }
            )
            self.assertTrue(self.procedure.review_needed)
            review = self._review(datetime(2026, 6, 10, 8, 0))
            self.assertEqual(review.previous_review_id, first)
            self.assertEqual(review.period_start, date(2026, 1, 15))
            review.action_prepare_inputs()
        # Every section in order (addons may add inputs to a section).
        sections = list(dict.fromkeys(review.input_ids.mapped("section")))
        self.assertEqual(
            sections,
            [s for s, _l in self.env["qms.review.input"]._fields["section"].selection],
        )
        actions = self._inputs(review, "a_actions")
        self.assertEqual(actions.line_ids.res_id, previous_action.id)
        self.assertIn("overdue", actions.line_ids.status)
        changes = self._inputs(review, "b_changes").line_ids
        self.assertEqual(
            changes.filtered(
                lambda line: line.res_model == "qms.legal.document"
            ).mapped("res_id"),
            [self.law.replaced_by_id.id, self.law.id],
        )
        self.assertIn(self.procedure.display_name, changes.mapped("name"))
        objectives = self._inputs(review, "c2_objectives").line_ids
        self.assertEqual(objectives.value, "91.5 %")
        self.assertEqual(objectives.status, "Below Target")
        risks = self._inputs(review, "e_risks").line_ids
        self.assertEqual(risks.res_id, self.risk.id)
        self.assertIn("12", risks.value)
        if "qms.audit" not in self.env:
            # Without the audit addon, audit results are presented by hand.
            self.assertEqual(self._inputs(review, "c6_audits").source, "manual")
        snapshot = review.input_ids.line_ids.mapped(
            lambda line: (line.name, line.value, line.status)
        )

        # Held: the inputs are frozen; later changes do not rewrite them.
        review.action_hold()
        with self.assertRaisesRegex(UserError, "before the review is held"):
            review.action_prepare_inputs()
        with self.assertRaises(UserError):
            actions.line_ids.with_user(self.iso_a).write({"value": "x"})
        with self.assertRaises(UserError):
            actions.with_user(self.iso_a).write({"summary": "x"})
        actions.with_user(self.iso_a).comment = "Đã niêm yết, cần kiểm tra lại."
        previous_action.write({"qms_root_cause": "-", "type_action": "improvement"})
        previous_action.action_qms_done()
        self.indicator.value_ids.unlink()
        self.risk.write({"name": "Đổi tên"})
        review.invalidate_recordset()
        self.assertEqual(
            review.input_ids.line_ids.mapped(
                lambda line: (line.name, line.value, line.status)
            ),
            snapshot,
        )

    def test_lifecycle_minutes_and_decisions(self):
        review = self._review(datetime(2026, 6, 10, 8, 0))
        with self.assertRaisesRegex(UserError, "Prepare the inputs"):
            review.action_hold()
        review.action_prepare_inputs()
        review.action_hold()
        self.assertTrue(review.held_date)
        with self.assertRaisesRegex(UserError, "conclusion"):
            review.action_submit_minutes()
        deadline = date.today() + timedelta(days=30)
        review.write(
            {
                "conclusion": "<p>Phù hợp.</p>",
                "decision_ids": [
                    (
                        0,
                        0,
                        {"category": "resources", "description": "Bổ sung 01 máy scan"},
                    ),
                    (
                        0,
                        0,
                        {
                            "category": "qms_change",
                            "description": "Cập nhật quy trình khai sinh",
                            "owner_id": self.iso_a.id,
                            "deadline": deadline,
                        },
                    ),
                ],
            }
        )
        review.action_submit_minutes()
        self.assertEqual(review.state, "held")
        self.assertEqual(review.review_ids.reviewer_ids, self.head_a)
        # Under approval the minutes cannot change.
        with self.assertRaisesRegex(ValidationError, "under validation"):
            review.write({"conclusion": "<p>Khác</p>"})
        # The chair rejects; the secretary edits and submits again.
        review.with_user(self.head_a).reject_tier()
        self.assertEqual(review.validation_status, "rejected")
        review.action_edit_minutes()
        review.conclusion = "<p>Phù hợp, cần bổ sung nguồn lực.</p>"
        review.action_submit_minutes()
        review.with_user(self.head_a).validate_tier()
        self.assertEqual(review.state, "minutes_approved")
        self.assertEqual(review.minutes_approved_by_id, self.head_a)
        # Approved minutes are frozen; owners can still be named.
        with self.assertRaises(UserError):
            review.write({"conclusion": "<p>Khác</p>"})
        scanner = review.decision_ids.filtered(lambda d: d.category == "resources")
        with self.assertRaises(UserError):
            scanner.write({"description": "Khác"})
        with self.assertRaisesRegex(UserError, "owner"):
            review.action_close()
        self.assertEqual(review.state, "minutes_approved")
        scanner.write({"owner_id": self.qmr_a.id, "deadline": deadline})
        review.action_close()
        self.assertEqual(review.state, "closed")
        self.assertEqual(len(review.action_ids), 2)
        self.assertEqual(set(review.action_ids.mapped("qms_origin")), {"review"})
        self.assertEqual(scanner.action_id.user_id, self.qmr_a)
        self.assertEqual(scanner.action_id.qms_state, "open")
        with self.assertRaises(UserError):
            scanner.write({"owner_id": self.iso_a.id})
        with self.assertRaises(UserError):
            review.unlink()

    def test_folded_review_and_minutes_pdf(self):
        review = self._review(
            datetime(2026, 6, 30, 2, 0),
            meeting_kind="folded",
            host_meeting="Giao ban lãnh đạo UBND tháng 6/2026",
        )
        self._run_to_close(
            review,
            [
                {
                    "description": "Số hóa 100% hồ sơ hộ tịch",
                    "owner_id": self.iso_a.id,
                    "deadline": date.today() + timedelta(days=60),
                }
            ],
        )
        # Printed by the ISO officer, whose agency sits under another one.
        self.agency_a.qms_parent_agency_id = self.agency_b
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.iso_a)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "qms_public_admin.action_report_management_review", review.ids
            )
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        html = (
            self.env["ir.actions.report"]
            .with_user(self.iso_a)
            ._render_qweb_html(
                "qms_public_admin.action_report_management_review", review.ids
            )[0]
            .decode()
        )
        self.assertIn("Giao ban lãnh đạo UBND tháng 6/2026", html)
        self.assertIn("Số hóa 100% hồ sơ hộ tịch", html)
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", html)
        self.assertIn(self.agency_b.name, html)

    def test_agencies_see_their_own_reviews(self):
        review = self._review(datetime(2026, 6, 10, 8, 0))
        Review = self.env["qms.management.review"]
        self.assertFalse(Review.with_user(self.iso_b).search([("id", "=", review.id)]))
        self.assertEqual(
            Review.with_user(self.inspector).search([("id", "=", review.id)]), review
        )
        with self.assertRaises(AccessError):
            review.with_user(self.inspector).write({"name": "x"})
        with self.assertRaises(AccessError):
            review.with_user(self.staff_a).write({"name": "x"})

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, timedelta

from freezegun import freeze_time

from .common import AuditCase


class TestAuditFeeds(AuditCase):
    """A year of audits at agency A feeds the management review, the quality
    objectives, the annual report to DOST and the agencies dashboard."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-01-10 09:00:00"):
            cls.plan = (
                cls.env["qms.audit.plan"]
                .with_user(cls.iso_a)
                .create(
                    {
                        "company_id": cls.agency_a.id,
                        "year": 2026,
                        "decision_number": "05/QĐ-UBND",
                        "decision_date": date(2026, 1, 8),
                        "line_ids": [
                            (0, 0, {"department_id": cls.unit_a.id, "month": "3"}),
                            (0, 0, {"department_id": cls.unit2_a.id, "month": "6"}),
                        ],
                    }
                )
            )
            cls.plan.with_user(cls.qmr_a).action_approve()
        cls.march = cls.plan.line_ids.filtered(lambda line: line.month == "3")
        with freeze_time("2026-03-09 09:00:00"):
            cls.audit = cls._audit(
                cls,
                plan_id=cls.plan.id,
                plan_line_id=cls.march.id,
                date_start=date(2026, 3, 10),
                date_end=date(2026, 3, 12),
            )
            cls._slot(
                cls,
                cls.audit,
                day=1,
                datetime_start=datetime(2026, 3, 10, 1, 0),
                datetime_end=datetime(2026, 3, 10, 3, 0),
            )
            cls.audit.with_user(cls.lead_user_b).action_submit_program()
            cls.audit.with_user(cls.qmr_a).validate_tier()
        with freeze_time("2026-03-10 09:00:00"):
            cls.audit.with_user(cls.lead_user_b).action_start()
            cls._finding(cls, cls.audit)
            cls._finding(cls, cls.audit, grade="observation", description="Sổ ghi chép")
        with freeze_time("2026-03-12 16:00:00"):
            cls._report(cls, cls.audit)
        cls.nc = cls.audit.nonconformity_ids
        with freeze_time("2026-03-20 09:00:00"):
            cls.nc.with_user(cls.staff_a).write(
                {"analysis": "Chưa theo dõi hạn", "qms_correction": "Xin lỗi công dân"}
            )
            cls.action = cls._action(
                cls,
                user=cls.staff_a,
                nonconformity_ids=[(6, 0, cls.nc.ids)],
                date_deadline=date(2026, 4, 30),
            )
            cls.nc.with_user(cls.staff_a).action_qms_submit_plan()
            cls.nc.with_user(cls.lead_user_b).action_qms_accept()
        with freeze_time("2026-04-20 09:00:00"):
            cls.action.with_user(cls.staff_a).action_qms_done()
        with freeze_time("2026-04-25 09:00:00"):
            cls.env["qms.action.verification"].with_user(cls.auditor_user_a).create(
                {"action_id": cls.action.id, "result": "effective", "evidence": "Đạt"}
            )
        with freeze_time("2026-07-05 09:00:00"):
            cls.env["qms.audit"]._cron_qms_late_audits()

    def test_plan_versus_actual(self):
        self.assertEqual(self.march.status, "done")
        self.assertTrue(self.march.on_time)
        self.assertEqual(self.march.done_date, date(2026, 3, 12))
        june = self.plan.line_ids - self.march
        self.assertEqual(june.status, "late")
        self.assertEqual((self.plan.done_count, self.plan.late_count), (1, 1))
        self.assertEqual(self.nc.state, "done")
        self.assertTrue(self.nc.qms_closed_on_time)

    def test_management_review_inputs(self):
        with freeze_time("2026-07-06 09:00:00"):
            review = (
                self.env["qms.management.review"]
                .with_user(self.iso_a)
                .create(
                    {
                        "name": "Xem xét của lãnh đạo 6 tháng",
                        "company_id": self.agency_a.id,
                        "planned_date": datetime(2026, 7, 10, 2, 0),
                        "chair_id": self.head_a.id,
                        "period_start": date(2026, 1, 1),
                        "period_end": date(2026, 6, 30),
                    }
                )
            )
            review.action_prepare_inputs()
        audits = review.input_ids.filtered(lambda i: i.section == "c6_audits")
        self.assertEqual(audits.source, "computed")
        names = audits.line_ids.mapped("name")
        self.assertIn(self.audit.display_name, names)
        audit_line = audits.line_ids.filtered(
            lambda x: x.name == self.audit.display_name
        )
        self.assertIn("0 major, 1 minor", audit_line.value)
        plan_line = audits.line_ids.filtered(lambda x: x.name.startswith("Audit plan"))
        self.assertEqual(plan_line.detail, "1 done, 1 late")
        ncs = review.input_ids.filtered(
            lambda i: (
                i.section == "c4_nonconformities"
                and i.title == "Nonconformities (audits and others)"
            )
        )
        self.assertEqual(ncs.line_ids.res_id, self.nc.id)
        self.assertIn(self.unit_a.name, ncs.line_ids.detail)

    def test_objective_data_sources(self):
        objective = (
            self.env["mgmtsystem.objective"]
            .with_user(self.iso_a)
            .create(
                {
                    "name": "Đánh giá nội bộ đúng kế hoạch, khắc phục đúng hạn",
                    "company_id": self.agency_a.id,
                    "year": 2026,
                    "state": "in_progress",
                    "indicator_ids": [
                        (
                            0,
                            0,
                            {
                                "name": "Đánh giá đúng hạn",
                                "frequency": "quarterly",
                                "state": "active",
                                "qms_data_source": "audit_on_time",
                            },
                        ),
                        (
                            0,
                            0,
                            {
                                "name": "NC đóng đúng hạn",
                                "frequency": "quarterly",
                                "state": "active",
                                "qms_data_source": "nc_closed_on_time",
                            },
                        ),
                    ],
                }
            )
        )
        with freeze_time("2026-07-05 09:00:00"):
            objective.with_user(self.iso_a).action_compute_values()
        on_time, closed = objective.indicator_ids.sorted("id")
        self.assertEqual(
            [(v.date, v.value) for v in on_time.value_ids.sorted("date")],
            [(date(2026, 3, 31), 100.0), (date(2026, 6, 30), 0.0)],
        )
        self.assertEqual(
            [(v.date, v.value) for v in closed.value_ids], [(date(2026, 6, 30), 100.0)]
        )

    def test_dost_report_and_dashboard(self):
        with freeze_time("2026-07-05 09:00:00"):
            report = (
                self.env["qms.dost.report"]
                .with_user(self.iso_a)
                .create({"company_id": self.agency_a.id, "year": 2026})
            )
            report.action_generate()
        figures = {
            x.name: (x.value, x.note) for x in report.line_ids if x.section == "audits"
        }
        self.assertEqual(figures["Internal audits planned"][0], "2")
        self.assertEqual(
            figures["Internal audits carried out (report issued)"],
            ("1", "1 of the planned ones on time"),
        )
        self.assertEqual(figures["Nonconformities found"], ("1", "0 major, 1 minor"))
        self.assertEqual(
            figures["Nonconformities closed in the year"], ("1", "1 on time")
        )
        status = (
            self.env["qms.agency.status"]
            .with_user(self.inspector)
            .search([("company_id", "=", self.agency_a.id)])
        )
        self.assertEqual(status.last_audit_date, date(2026, 3, 12))
        self.assertEqual(status.late_audit_count, 1)
        self.assertEqual(status.open_nc_count, 0)

    def test_the_pdfs_render(self):
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        for user, xmlid, record in (
            (self.iso_a, "qms_audit.action_report_audit_plan", self.plan),
            (self.qmr_a, "qms_audit.action_report_audit_program", self.audit),
            (self.staff_a, "qms_audit.action_report_audit", self.audit),
        ):
            pdf, kind = Report.with_user(user)._render_qweb_pdf(xmlid, record.ids)
            self.assertTrue(pdf.startswith(b"%PDF"), xmlid)
        html = (
            Report.with_user(self.staff_a)
            ._render_qweb_html("qms_audit.action_report_audit", self.audit.ids)[0]
            .decode()
        )
        self.assertIn("INTERNAL AUDIT REPORT", html)
        self.assertIn(self.unit_a.name, html)
        self.assertIn(self.nc.ref, html)

    def test_the_iso_officers_dashboard_shows_the_next_audit(self):
        first = self._audit(
            date_start=self.today + timedelta(days=5),
            date_end=self.today + timedelta(days=6),
        )
        self._audit(
            date_start=self.today + timedelta(days=20),
            date_end=self.today + timedelta(days=21),
        )
        data = (
            self.env["qms.dashboard"]
            .with_user(self.iso_a)
            .with_company(self.agency_a)
            .qms_dashboard_data(app="iso")
        )
        iso = next(s for s in data["sections"] if s["key"] == "iso")
        cards = {c["label"]: c for c in iso["cards"]}
        nxt = cards["Next Internal Audit"]
        self.assertEqual(nxt["value"], first.date_start.strftime("%d/%m/%Y"))
        self.assertEqual(nxt["action"]["res_id"], first.id)
        self.assertGreaterEqual(cards["Audits Planned"]["value"], 2)

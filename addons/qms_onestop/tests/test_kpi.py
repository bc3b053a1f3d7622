# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError

from .common import OnestopCase


class TestKpi(OnestopCase):
    """On-time figures on data checked by hand (3-day procedure, received
    Monday 2 March 2026 09:00, due Thursday 5 March 17:00)."""

    def _refuse(self, dossier, local):
        notice = (
            self.env["qms.onestop.notice"]
            .with_user(dossier.current_line_id.user_id)
            .create(
                {
                    "dossier_id": dossier.id,
                    "kind": "refusal",
                    "reason": "Không đủ điều kiện.",
                }
            )
        )
        with self.at(local):
            notice.action_submit()
            self.as_(self.approver_a, notice).validate_tier()
            notice.action_issue()

    def setUp(self):
        super().setUp()
        self.early = self._received()
        self._to_result(
            self.early, ["2026-03-02 10:00", "2026-03-03 09:00", "2026-03-03 11:00"]
        )
        self.on_time = self._received()
        self._to_result(
            self.on_time, ["2026-03-02 10:00", "2026-03-04 09:00", "2026-03-05 16:00"]
        )
        self.late = self._received()
        self._to_result(
            self.late, ["2026-03-02 10:00", "2026-03-05 09:00", "2026-03-06 09:00"]
        )
        self.refused = self._received()
        self._handoff(self.refused, "2026-03-02 10:00")
        self._refuse(self.refused, "2026-03-02 15:00")
        self.withdrawn = self._received()
        with self.at("2026-03-02 11:00"):
            self.as_(self.desk_a, self.withdrawn).action_withdraw("Xin rút")
        self.open = self._received()

    def test_hand_checked_figures(self):
        self.assertEqual(
            [d.timeliness for d in (self.early, self.on_time, self.late, self.refused)],
            ["early", "on_time", "late", "early"],
        )
        # Mon 09:00 -> Tue 11:00 = 6.5 + 3.5 h; -> Thu 16:00 = 6.5 + 8 + 8 + 7 h;
        # -> Fri 09:00 = 6.5 + 3 * 8 + 1.5 h; -> Mon 15:00 = 2.5 + 2 h (8 h a day).
        self.assertEqual(
            [
                d.processing_days
                for d in (self.early, self.on_time, self.late, self.refused)
            ],
            [1.25, 3.69, 4.0, 0.56],
        )
        Dossier = self.env["qms.onestop.dossier"]
        rows = Dossier._qms_kpi_rows(
            [("company_id", "=", self.agency_a.id)],
            date(2026, 3, 1),
            date(2026, 3, 31),
            by="tthc_id",
        )
        self.assertEqual(
            rows["finished"], 4, "withdrawn and open dossiers are not counted"
        )
        self.assertEqual((rows["early"], rows["on_time_only"], rows["late"]), (2, 1, 1))
        self.assertEqual(rows["on_time_rate"], 75.0)
        self.assertAlmostEqual(rows["average_days"], 2.375, delta=0.006)  # 9.5 / 4
        self.assertEqual(rows["groups"][self.tthc]["on_time_rate"], 75.0)
        empty = Dossier._qms_kpi_rows(
            [("company_id", "=", self.agency_a.id)], date(2026, 4, 1), date(2026, 4, 30)
        )
        self.assertIsNone(empty["on_time_rate"])
        # The same figure through read_group (pivot): average of on_time_pct.
        [group] = Dossier._read_group(
            [("company_id", "=", self.agency_a.id), ("timeliness", "!=", False)],
            [],
            ["on_time_pct:avg", "__count"],
        )
        self.assertEqual(group, (75.0, 4))
        # Per officer: every appraisal step and who did it.
        steps = self.env["qms.onestop.dossier.line"].search(
            [
                ("dossier_id", "in", (self.early | self.on_time | self.late).ids),
                ("step_id", "=", self.steps[1].id),
            ]
        )
        # Due Tuesday 10:00: done Tuesday 09:00 is on time (same day), then late twice.
        self.assertEqual(
            sorted(steps.mapped("timeliness")), ["late", "late", "on_time"]
        )

    def test_feeds_objectives_reviews_and_reports(self):
        indicator = self.env["mgmtsystem.indicator"].new(
            {"company_id": self.agency_a.id}
        )
        self.assertEqual(
            indicator._qms_source_dossier_on_time(date(2026, 3, 1), date(2026, 3, 31)),
            75.0,
        )
        self.assertIn(
            "dossier_on_time",
            dict(self.env["mgmtsystem.indicator"]._qms_data_source_selection()),
        )
        review = self.env["qms.management.review"].new(
            {
                "company_id": self.agency_a.id,
                "period_start": date(2026, 1, 1),
                "period_end": date(2026, 6, 30),
            }
        )
        inputs = review._qms_input_c3_performance()
        onestop = [i for i in inputs if "One-stop" in i["title"]][0]
        self.assertEqual(onestop["lines"][0]["value"], "4")
        self.assertIn("75.0", onestop["lines"][0]["status"])
        feedback = review._qms_input_c1_feedback()[0]
        # Late, apologies, refusals; then ratings, low ratings, complaints and
        # proposals, answered on time (none in this agency's period).
        self.assertEqual(
            [line["value"] for line in feedback["lines"]],
            ["1", "0", "1", "0", "0", "0", "0"],
        )
        report = self.env["qms.dost.report"].new(
            {
                "company_id": self.agency_a.id,
                "date_from": date(2026, 1, 1),
                "date_to": date(2026, 12, 31),
            }
        )
        lines = {line["name"]: line["value"] for line in report._qms_dost_service()}
        self.assertEqual(lines["Dossiers received"], "6")
        self.assertEqual(lines["Dossiers handled"], "4")
        self.assertEqual(lines["On-time rate (%)"], "75.0")
        self.env.flush_all()
        status = self.env["qms.agency.status"].search(
            [("company_id", "=", self.agency_a.id)]
        )
        self.assertEqual(status.dossier_count, 6)
        self.assertEqual(status.dossier_on_time_rate, 75.0)
        self.assertEqual(status.dossier_overdue_count, 1, "the open one, due in March")

    def test_monthly_figures_follow_each_result(self):
        """Every result (and the refusal after processing) is counted in its
        agency's month as it happens; a rebuild from the dossiers gives the
        same rows; the figures equal those of the dossiers themselves."""
        Month = self.env["qms.onestop.kpi.month"]
        [row] = Month.search([("company_id", "=", self.agency_a.id)])
        self.assertEqual(
            (row.tthc_id, row.month, row.finished, row.early, row.on_time_only),
            (self.tthc, date(2026, 3, 1), 4, 2, 1),
        )
        self.assertEqual((row.late, row.on_time, row.on_time_rate), (1, 3, 75.0))
        self.assertAlmostEqual(row.days_sum, 9.5, delta=0.02)
        columns = ["finished", "early", "on_time_only", "late", "days_sum"]
        kept = [{k: v for k, v in r.items() if k != "id"} for r in row.read(columns)]
        figures = Month._qms_figures(
            [("company_id", "=", self.agency_a.id)],
            date(2026, 3, 15),
            date(2026, 3, 20),
            by=["tthc_id"],
        )
        rows = self.env["qms.onestop.dossier"]._qms_kpi_rows(
            [("company_id", "=", self.agency_a.id)], date(2026, 3, 1), date(2026, 3, 31)
        )
        for key in ("finished", "early", "on_time_only", "late", "on_time_rate"):
            self.assertEqual(figures[key], rows[key], key)
        self.assertAlmostEqual(
            figures["average_days"], rows["average_days"], delta=0.01
        )
        self.assertEqual(figures["groups"][(self.tthc.id,)]["on_time_rate"], 75.0)
        # Grouped by month: the first day of the agency's month.
        by_month = Month._qms_figures(
            [("company_id", "=", self.agency_a.id)],
            date(2026, 1, 1),
            date(2026, 12, 1),
            ["month"],
        )
        self.assertEqual(list(by_month["groups"]), [(date(2026, 3, 1),)])
        with self.assertRaises(ValueError):
            Month._qms_figures([], date(2026, 1, 1), date(2026, 12, 1), ["state"])
        self.assertEqual(Month._qms_rebuild(self.agency_a), 1)
        [again] = Month.search([("company_id", "=", self.agency_a.id)])
        self.assertEqual(
            [{k: v for k, v in r.items() if k != "id"} for r in again.read(columns)],
            kept,
        )
        # A new result in April opens April's row; March stays as it was.
        april = self._received("2026-04-01 09:00")
        self._to_result(
            april, ["2026-04-01 10:00", "2026-04-02 09:00", "2026-04-02 11:00"]
        )
        self.assertEqual(
            Month.search([("company_id", "=", self.agency_a.id)]).mapped("finished"),
            [1, 4],
        )
        self.assertIsNone(
            Month._qms_figures([], date(2027, 1, 1), date(2027, 2, 1))["on_time_rate"]
        )

    def test_monthly_figures_stay_in_their_agency(self):
        """An officer of agency B sees none of agency A's monthly figures, and
        nobody writes them by hand."""
        Month = self.env["qms.onestop.kpi.month"]
        self.assertTrue(Month.search([("company_id", "=", self.agency_a.id)]))
        self.assertFalse(Month.with_user(self.desk_b).search([]))
        # The figures a user reads follow the same rule.
        self.assertIsNone(
            Month.with_user(self.desk_b)._qms_figures(
                [], date(2026, 3, 1), date(2026, 3, 1)
            )["on_time_rate"]
        )
        self.assertTrue(Month.with_user(self.desk_a).search([]))
        with self.assertRaises(AccessError):
            Month.with_user(self.supervisor_a).create(
                {
                    "company_id": self.agency_a.id,
                    "tthc_id": self.tthc.id,
                    "month": "2026-05-01",
                }
            )

    def test_monitoring_per_procedure_against_objectives(self):
        """Clause 9.1.1: the procedure's measured figures next to the targets
        of the objectives (one set for this procedure wins over the agency's)."""
        self._handoff(self.open, "2026-03-02 10:00")
        slip = (
            self.env["qms.onestop.supplement"]
            .with_user(self.open.current_line_id.user_id)
            .create(
                {
                    "dossier_id": self.open.id,
                    "stage": "processing",
                    "items": "Bổ sung bản sao giấy tờ tùy thân.",
                }
            )
        )
        with self.at("2026-03-02 14:00"):
            slip.action_issue()
        with self.at("2026-03-10 09:00"):
            self.env["qms.onestop.feedback"].with_user(self.desk_a).create(
                {
                    "name": "Trả kết quả trễ hẹn",
                    "kind": "complaint",
                    "dossier_id": self.late.id,
                    "sender_name": "Nguyễn Văn An",
                    "content": "Hồ sơ của tôi trả chậm một ngày.",
                }
            )
        indicator = {
            "frequency": "monthly",
            "state": "active",
        }
        self.env["mgmtsystem.objective"].create(
            {
                "name": "Giải quyết TTHC đúng hạn, ít phải bổ sung",
                "company_id": self.agency_a.id,
                "year": 2026,
                "state": "in_progress",
                "indicator_ids": [
                    (
                        0,
                        0,
                        dict(
                            indicator,
                            name="Đúng hạn (toàn cơ quan)",
                            qms_data_source="dossier_on_time",
                            has_min_target=True,
                            min_target_value=70,
                        ),
                    ),
                    (
                        0,
                        0,
                        dict(
                            indicator,
                            name="Đúng hạn (quy trình thử nghiệm)",
                            qms_data_source="dossier_on_time",
                            qms_procedure_id=self.procedure.id,
                            has_min_target=True,
                            min_target_value=80,
                        ),
                    ),
                    (
                        0,
                        0,
                        dict(
                            indicator,
                            name="Hồ sơ phải bổ sung",
                            qms_data_source="dossier_supplement",
                            has_max_target=True,
                            max_target_value=10,
                        ),
                    ),
                    (
                        0,
                        0,
                        dict(
                            indicator,
                            name="Phản ánh, kiến nghị",
                            qms_data_source="feedback_complaints",
                            qms_measure_unit=False,
                            has_max_target=True,
                            max_target_value=0,
                        ),
                    ),
                ],
            }
        )
        rows = self.procedure._qms_monitor_rows(date(2026, 3, 1), date(2026, 3, 31))
        # 3 of 4 finished on time; 1 of 6 received asked for a supplement.
        self.assertEqual(
            rows,
            [
                ("Handled early or on time", "75 %", "≥ 80 %", "below"),
                ("Asked for a supplement", "16.67 %", "≤ 10 %", "below"),
                ("Complaints", "1", "≤ 0", "below"),
            ],
        )
        supplement = self.env["mgmtsystem.indicator"].search(
            [
                ("qms_data_source", "=", "dossier_supplement"),
                ("company_id", "=", self.agency_a.id),
            ]
        )
        supplement.qms_procedure_id = self.procedure
        self.assertEqual(
            supplement._qms_source_dossier_supplement(
                date(2026, 3, 1), date(2026, 3, 31)
            ),
            16.67,
        )
        # April: nothing received, nothing measured.
        rows = self.procedure._qms_monitor_rows(date(2026, 4, 1), date(2026, 4, 30))
        self.assertEqual([r[1] for r in rows], ["-", "-", "0"])
        self.assertEqual(rows[2][3], "ok")
        self.assertIn("Off target", self.procedure.monitor_html or "")

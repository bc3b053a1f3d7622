# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The service index (Decision 766) and the digitisation indicators on
hand-checked data, the counting of closed dossiers, the periodic report and
the feeds to the management review and the DOST report."""

import datetime
import io

import openpyxl

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import HANDOVER
from .test_desk_services import ServicesCase
from .test_forms import pdf_text

MARCH = datetime.date(2026, 3, 1)


class IndexCase(ServicesCase):
    def _march(self):
        """Four dossiers received in March 2026 at agency A: two online, two
        at the desk; one digitised; two early or on time and one late; one
        electronic result; two paid (one online); two rated (one satisfied)."""
        d1 = self._received("2026-03-02 09:00", channel="online_full")
        d2 = self._received("2026-03-02 09:30", channel="online_full")
        d3 = self._received("2026-03-02 10:00")
        d4 = self._received("2026-03-02 10:30")
        scan = self._scan("to-khai.pdf")
        self.as_(self.desk_a, d1.component_ids.filtered("provided")).write(
            {"attachment_ids": [(6, 0, scan.ids)], "digitised": True}
        )
        self.assertTrue(d1.digitised)
        self.assertFalse(d2.digitised)
        self._to_result(
            d1, ["2026-03-03 08:00", "2026-03-03 09:00", "2026-03-03 10:00"]
        )
        self._to_result(
            d2, ["2026-03-03 08:10", "2026-03-03 09:10", "2026-03-03 10:10"]
        )
        self._to_result(
            d3, ["2026-03-09 08:00", "2026-03-09 09:00", "2026-03-09 10:00"]
        )
        d1.sudo().is_electronic_result = True
        self.assertEqual(
            (d1 | d2 | d3).mapped("timeliness"), ["early", "early", "late"]
        )
        with self.at("2026-03-10 08:00"):
            self.as_(self.desk_a, d1).qms_record_payment(
                150000, "online", reference="PAYGOV-1"
            )
            self.as_(self.desk_a, d3).qms_record_payment(150000, "cash")
            for dossier in (d1, d3):
                self.as_(self.desk_a, dossier).action_return_result(
                    "Nguyễn Văn An", "desk", handover=HANDOVER
                )
        with self.at("2026-03-10 09:00"):
            self.as_(self.desk_a, d1).qms_rate("very_satisfied")
            self.as_(self.desk_a, d3).qms_rate("dissatisfied")
        return d1 | d2 | d3 | d4


@tagged("post_install", "-at_install")
class TestServiceIndex(IndexCase):
    def test_scores_on_hand_checked_data(self):
        self._march()
        Score = self.env["qms.service.index.score"]
        scores = Score._qms_compute_month(MARCH, self.agency_a)
        index = self.env.ref("qms_onestop.service_index_766")
        got = {
            s.indicator_id.code: (s.numerator, s.denominator, s.value, s.points)
            for s in scores.filtered(lambda s: s.index_id == index)
        }
        self.assertEqual(got["on_time"], (2, 3, 66.67, 13.33))
        self.assertEqual(got["online"], (2, 4, 50.0, 6.0))
        self.assertEqual(got["digitised"], (1, 4, 25.0, 2.0))
        self.assertEqual(got["e_result"], (1, 3, 33.33, 2.67))
        self.assertEqual(got["reuse"], (0, 4, 0.0, 0.0))
        self.assertEqual(got["online_payment"], (1, 2, 50.0, 5.0))
        self.assertEqual(got["satisfaction"], (1, 2, 50.0, 3.0))
        # Nothing to measure: left out, not marked down.
        self.assertFalse(
            scores.filtered(
                lambda s: s.indicator_id.code == "feedback_on_time"
            ).measured
        )
        manual = scores.filtered("manual")
        self.assertEqual(
            sorted(
                manual.filtered(lambda s: s.index_id == index).indicator_id.mapped(
                    "code"
                )
            ),
            ["lookup_online", "progress_published", "tthc_published"],
        )
        totals = Score._qms_totals(self.agency_a, [MARCH])[index, MARCH]
        self.assertEqual((totals["points"], totals["reachable"]), (32.0, 70.0))
        # Out of 100 over what was measured: 32 of 70 is 45.7.
        self.assertEqual(totals["score"], 45.7)
        self.assertEqual(totals["band"], "Weak")
        # A value the product does not hold is entered by hand, by a supervisor.
        published = manual.filtered(lambda s: s.indicator_id.code == "tthc_published")
        with self.assertRaises(AccessError):
            published.with_user(self.desk_a).write({"value": 100})
        published.with_user(self.supervisor_a).write({"value": 100})
        self.assertTrue(published.measured)
        self.assertEqual(published.points, 4.0)
        computed = scores.filtered(lambda s: s.indicator_id.code == "online")
        with self.assertRaises(UserError):
            computed[:1].with_user(self.supervisor_a).write({"value": 100})
        # Computing again keeps what was entered by hand.
        Score._qms_compute_month(MARCH, self.agency_a)
        self.assertEqual(published.value, 100)
        totals = Score._qms_totals(self.agency_a, [MARCH])[index, MARCH]
        self.assertEqual((totals["points"], totals["reachable"]), (36.0, 74.0))
        digitisation = self.env.ref("qms_onestop.service_index_digitisation")
        self.assertEqual(
            Score._qms_totals(self.agency_a, [MARCH])[digitisation, MARCH]["points"],
            # 25 % of 40, 33.33 % of 40, 0 % of 20
            23.33,
        )
        # Agency B sees none of agency A's scores.
        self.assertFalse(Score.with_user(self.desk_b).search([]))

    def test_the_leader_sees_the_index(self):
        self._march()
        self.env["qms.service.index.score"]._qms_compute_month(MARCH, self.agency_a)
        board = self.env["qms.dashboard"].with_user(self.approver_a)
        card, table = board._qms_service_index_view(datetime.date(2026, 4, 1))
        self.assertEqual(card["value"], "45.7")
        self.assertEqual(
            table["rows"][-2]["cells"][:3], ["03/2026", "45.7", "32.0 / 70"]
        )
        self.assertEqual(table["rows"][0]["cells"][1], "—")  # nothing measured

    def test_a_component_is_digitised_with_its_scan(self):
        dossier = self._draft()
        component = dossier.component_ids[:1]
        with self.assertRaises(ValidationError):
            self.as_(self.desk_a, component).write({"digitised": True})
        with self.assertRaises(ValidationError):
            self.as_(self.desk_a, dossier).write({"result_digitised": True})


@tagged("post_install", "-at_install")
class TestClosedDossiersCounting(ServicesCase):
    def test_the_counting_rule_says_how_closed_dossiers_count(self):
        rule = self.agency_a.qms_receipt_rule(
            datetime.datetime(2026, 3, 2, 2, 0)
        ).sudo()
        self.assertEqual(
            (rule.refused_counting, rule.stopped_counting, rule.withdrawn_counting),
            ("by_date", "excluded", "excluded"),
        )
        withdrawn = self._received()
        with self.at("2026-03-03 09:00"):
            self.as_(self.desk_a, withdrawn).action_withdraw("Xin rút")
        self.assertFalse(withdrawn.timeliness)
        rule.withdrawn_counting = "by_date"
        again = self._received("2026-03-02 10:00")
        with self.at("2026-03-03 09:00"):
            self.as_(self.desk_a, again).action_withdraw("Xin rút")
        self.assertEqual(again.timeliness, "early")
        self.assertEqual(again.completed_at, again.closed_at)


@tagged("post_install", "-at_install")
class TestPeriodicReport(IndexCase):
    def test_report_figures_pdf_and_xlsx(self):
        self._march()
        self._received("2026-02-27 09:00")  # carried over into March
        Report = self.env["qms.onestop.period.report"].with_user(self.supervisor_a)
        report = Report.create(
            {
                "period": "month",
                "year": 2026,
                "month": 3,
                "company_ids": [(6, 0, self.agency_a.ids)],
            }
        )
        self.assertEqual(report.form_id, self.env.ref("qms_onestop.report_form_06a"))
        with self.at("2026-04-02 08:00"):
            data = report._qms_figures()
        total = data["total"]
        self.assertEqual(
            {k: total[k] for k in ("carried", "new_online", "new_desk", "to_handle")},
            {"carried": 1, "new_online": 2, "new_desk": 2, "to_handle": 5},
        )
        self.assertEqual(
            {k: total[k] for k in ("early", "on_time", "late", "handled")},
            {"early": 2, "on_time": 0, "late": 1, "handled": 3},
        )
        # The one received in February and d4 are still in hand, overdue.
        self.assertEqual((total["in_time"], total["overdue"]), (0, 2))
        self.assertEqual(total["to_handle"], total["handled"] + total["in_hand"])
        self.assertEqual(
            data["sectors"][0]["procedures"][0]["figures"]["new_online"], 2
        )
        self.assertEqual(len(data["columns"]), 15)
        with self.at("2026-04-02 08:00"):
            pdf, kind = (
                self.env["ir.actions.report"]
                .with_user(self.supervisor_a)
                .with_context(force_report_rendering=True)
                ._render("qms_onestop.action_report_period", report.ids)
            )
            self.assertEqual(kind, "pdf")
            text = pdf_text(pdf)
            if text is not None:
                self.assertIn("Biểu 06a/VPCP/KSTT", text)
                self.assertIn("Tổng cộng", text)
            xlsx, kind = self.env["ir.actions.report"]._render(
                "qms_onestop.action_report_period_xlsx", report.ids
            )
        sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).active
        values = [[c.value for c in row] for row in sheet.iter_rows()]
        total_row = next(r for r in values if r[0] == "Total")
        self.assertEqual(total_row[1:6], [1, 2, 2, 0, 5])
        # Another agency is out of reach, and so is a period without a form.
        other = Report.create(
            {
                "period": "month",
                "year": 2026,
                "month": 3,
                "company_ids": [(6, 0, self.agency_b.ids)],
            }
        )
        with self.assertRaises(UserError):
            other._qms_figures()
        old = Report.create(
            {"period": "year", "year": 2019, "company_ids": [(6, 0, self.agency_a.ids)]}
        )
        with self.assertRaises(UserError):
            old._qms_figures()

    def test_province_roll_up(self):
        self._march()
        admin = self.env.ref("base.user_admin")
        admin.company_ids |= self.agency_a | self.agency_b
        report = (
            self.env["qms.onestop.period.report"]
            .with_user(admin)
            .create(
                {
                    "period": "quarter",
                    "year": 2026,
                    "quarter": 1,
                    "company_ids": [(6, 0, (self.agency_a | self.agency_b).ids)],
                }
            )
        )
        with self.at("2026-04-02 08:00"):
            data = report._qms_figures()
        self.assertEqual(
            [a["name"] for a in data["agencies"]],
            sorted((self.agency_a | self.agency_b).mapped("name")),
        )
        self.assertEqual(
            sum(a["figures"]["to_handle"] for a in data["agencies"]),
            data["total"]["to_handle"],
        )


@tagged("post_install", "-at_install")
class TestFeedbackFeeds(IndexCase):
    def test_review_and_dost_report_read_ratings_and_complaints(self):
        self._march()
        Feedback = self.env["qms.onestop.feedback"].with_user(self.desk_a)
        with self.at("2026-03-05 09:00"):
            complaint = Feedback.create(
                {"name": "Chậm", "sender_name": "Lê Cường", "content": "Trả chậm."}
            )
        complaint.answer = "Đã xin lỗi công dân."
        with self.at("2026-03-09 09:00"):
            complaint.action_answer()
        review = self.env["qms.management.review"].new({"company_id": self.agency_a.id})
        lines = review._qms_feedback_lines(
            datetime.datetime(2026, 1, 1), datetime.datetime(2026, 3, 31, 23, 59)
        )
        names = {line["name"]: line for line in lines}
        self.assertEqual(names["Applicant ratings"]["value"], "2")
        self.assertEqual(names["Applicant ratings"]["status"], "50.0% satisfied")
        self.assertEqual(
            names["Low ratings (an improvement action each)"]["value"], "1"
        )
        self.assertEqual(
            names["Complaints and proposals answered on time"]["value"], "1"
        )

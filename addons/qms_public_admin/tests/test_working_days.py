# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, timedelta

from odoo.exceptions import UserError, ValidationError

from .common import QmsCase

# Agencies work on Asia/Ho_Chi_Minh time (UTC+7); Odoo stores UTC.


def utc(*args):
    """A local Vietnamese time written as the UTC value Odoo stores."""
    return datetime(*args) - timedelta(hours=7)


class TestWorkingDays(QmsCase):
    def test_national_days_loaded(self):
        agency = self.agency_a
        # Tết 2026 (16-20 Feb), Culture Day 2026, the 2026 National Day swap.
        for day in range(16, 21):
            self.assertFalse(agency.qms_is_working_day(date(2026, 2, day)))
        self.assertFalse(agency.qms_is_working_day(date(2026, 11, 24)))
        self.assertTrue(agency.qms_is_working_day(date(2026, 8, 22)))
        self.assertFalse(agency.qms_is_working_day(date(2026, 8, 31)))
        self.assertTrue(agency.qms_is_working_day("2026-11-23"))
        # Tết 2027, over a weekend, 4-10 Feb.
        self.assertEqual(
            agency.qms_add_working_days(date(2027, 2, 3), 1), date(2027, 2, 11)
        )

    def test_deadline_over_tet_in_utc(self):
        # Received Fri 13 Feb 2026 09:00 local; 1 working day -> Mon 23 Feb 17:00 local.
        due = self.agency_a.qms_deadline(utc(2026, 2, 13, 9, 0), 1)
        self.assertEqual(due, utc(2026, 2, 23, 17, 0))
        # 5 working days from Thu 31 Dec 2026: New Year off -> 4..8 Jan 2027.
        due = self.agency_a.qms_deadline(utc(2026, 12, 31, 10, 0), 5)
        self.assertEqual(due, utc(2027, 1, 8, 17, 0))

    def test_receipt_outside_office_hours(self):
        agency = self.agency_a
        # Online on Saturday 21 Nov 2026 at 22:00: counts from Mon 23 Nov 07:30.
        self.assertEqual(
            agency.qms_effective_receipt(utc(2026, 11, 21, 22, 0)),
            utc(2026, 11, 23, 7, 30),
        )
        # Same dossier, 2 working days: Tue 24 Nov is Culture Day -> Wed 25, Thu 26.
        self.assertEqual(
            agency.qms_deadline(utc(2026, 11, 21, 22, 0), 2), utc(2026, 11, 26, 17, 0)
        )

    def test_same_day_cutoff_and_hours(self):
        agency = self.agency_a
        self.assertEqual(
            agency.qms_deadline(utc(2026, 11, 23, 14, 0), 0, same_day_cutoff=15.0),
            utc(2026, 11, 23, 17, 0),
        )
        self.assertEqual(
            agency.qms_deadline(utc(2026, 11, 23, 15, 30), 0, same_day_cutoff=15.0),
            utc(2026, 11, 25, 17, 0),
        )
        # Half a day = 4 working hours; hours jump the lunch break.
        self.assertEqual(
            agency.qms_deadline(utc(2026, 11, 23, 10, 0), 0.5),
            utc(2026, 11, 23, 15, 30),
        )
        self.assertEqual(
            agency.qms_deadline(utc(2026, 11, 23, 10, 0), 8, uom="hour"),
            utc(2026, 11, 25, 10, 0),
        )
        with self.assertRaises(UserError):
            agency.qms_deadline(utc(2026, 11, 23, 10, 0), -1)
        with self.assertRaises(UserError):
            agency.qms_deadline(utc(2026, 11, 23, 10, 0), 1, uom="week")

    def test_clock_stop(self):
        agency = self.agency_a
        start, end = utc(2026, 11, 23, 8, 0), utc(2026, 11, 27, 16, 0)
        self.assertEqual(agency.qms_working_hours_between(start, end), 30.5)
        pauses = [(utc(2026, 11, 25, 7, 0), utc(2026, 11, 26, 20, 0))]
        self.assertEqual(agency.qms_working_hours_between(start, end, pauses), 14.5)
        running = [(utc(2026, 11, 27, 8, 0), None)]
        self.assertEqual(agency.qms_working_hours_between(start, end, running), 24.0)

    def test_official_schedule_overrides_computed(self):
        Holiday = self.env["qms.holiday"]
        culture_day = Holiday.search(
            [("date", "=", "2026-11-24"), ("calendar_id", "=", False)]
        )
        self.assertEqual(culture_day.origin, "computed")
        self.assertFalse(self.agency_a.qms_is_working_day(date(2026, 11, 24)))
        # The yearly notice says no day off: archive it; the cache follows.
        culture_day.active = False
        self.assertTrue(self.agency_a.qms_is_working_day(date(2026, 11, 24)))
        # Re-loading the computed days does not bring it back.
        self.assertEqual(Holiday._qms_sync_national_holidays([2026]), 0)
        self.assertTrue(self.agency_a.qms_is_working_day(date(2026, 11, 24)))
        # The notice adds a day off and a make-up Saturday.
        Holiday.create(
            [
                {"name": "Nghỉ bù", "date": "2026-12-28", "kind": "compensatory_off"},
                {"name": "Làm bù", "date": "2026-12-19", "kind": "extra_working_day"},
            ]
        )
        national = Holiday.search([("year", "=", 2026), ("calendar_id", "=", False)])
        self.assertEqual(
            set(national.mapped("origin")),
            {"computed", "official"},
        )
        self.assertFalse(self.agency_a.qms_is_working_day(date(2026, 12, 28)))
        self.assertTrue(self.agency_b.qms_is_working_day(date(2026, 12, 19)))

    def test_agencies_with_different_days_off(self):
        self.env["qms.holiday"].create(
            {
                "name": "Chuyển trụ sở",
                "date": "2026-12-01",
                "kind": "agency_off",
                "origin": "agency",
                "calendar_id": self.calendar_a.id,
            }
        )
        self.assertFalse(self.agency_a.qms_is_working_day(date(2026, 12, 1)))
        self.assertTrue(self.agency_b.qms_is_working_day(date(2026, 12, 1)))
        self.assertEqual(
            self.agency_a.qms_deadline(utc(2026, 11, 30, 9, 0), 1),
            utc(2026, 12, 2, 17, 0),
        )
        self.assertEqual(
            self.agency_b.qms_deadline(utc(2026, 11, 30, 9, 0), 1),
            utc(2026, 12, 1, 17, 0),
        )
        # An agency that does not follow national holidays works on Culture Day.
        self.calendar_b.qms_national_holidays = False
        self.assertTrue(self.agency_b.qms_is_working_day(date(2026, 11, 24)))

    def test_office_hours_change_invalidates_cache(self):
        self.assertEqual(
            self.agency_a.qms_deadline(utc(2026, 11, 23, 10, 0), 2, uom="hour"),
            utc(2026, 11, 23, 13, 30),
        )
        morning = self.calendar_a.attendance_ids.filtered(
            lambda a: a.dayofweek == "0" and a.day_period == "morning"
        )
        morning.hour_to = 12.0
        self.assertEqual(
            self.agency_a.qms_deadline(utc(2026, 11, 23, 10, 0), 2, uom="hour"),
            utc(2026, 11, 23, 12, 0),
        )

    def test_sync_is_idempotent(self):
        Holiday = self.env["qms.holiday"]
        count = Holiday.search_count([])
        self.assertEqual(Holiday._qms_sync_national_holidays(), 0)
        self.assertEqual(Holiday.search_count([]), count)
        created = Holiday._qms_sync_national_holidays([2028])
        self.assertGreater(created, 10)
        self.assertFalse(self.agency_a.qms_is_working_day(date(2028, 1, 1)))

    def test_out_of_range_is_a_clear_error(self):
        with self.assertRaisesRegex(UserError, "Load the holidays"):
            self.agency_a.qms_is_working_day(date(2035, 1, 2))

    def test_bad_holiday_rows(self):
        Holiday = self.env["qms.holiday"]
        with self.assertRaises(ValidationError):
            Holiday.create(
                {"name": "Làm bù", "date": "2026-12-16", "kind": "extra_working_day"}
            )
        with self.assertRaises(ValidationError):
            Holiday.create({"name": "Trùng", "date": "2026-11-24", "kind": "holiday"})

    def test_receipt_rules_by_date_and_agency(self):
        Rule = self.env["qms.receipt.rule"]
        old = self.env.ref("qms_public_admin.receipt_rule_2018")
        new = self.env.ref("qms_public_admin.receipt_rule_2025")
        self.assertEqual(self.agency_a.qms_receipt_rule(utc(2025, 6, 30, 9, 0)), old)
        self.assertEqual(self.agency_a.qms_receipt_rule(utc(2025, 7, 1, 9, 0)), new)
        own = Rule.create(
            {
                "name": "Xã A: ngày tiếp nhận tính là ngày thứ nhất",
                "legal_document_id": new.legal_document_id.id,
                "company_id": self.agency_a.id,
                "valid_from": "2026-01-01",
                "counting_start_offset": 0,
            }
        )
        self.assertEqual(self.agency_a.qms_receipt_rule(utc(2026, 11, 23, 9, 0)), own)
        self.assertEqual(self.agency_b.qms_receipt_rule(utc(2026, 11, 23, 9, 0)), new)
        # Monday 23 Nov counts as day 1 for A: 2 days -> Wed 25 (24 is off).
        self.assertEqual(
            self.agency_a.qms_deadline(utc(2026, 11, 23, 9, 0), 2),
            utc(2026, 11, 25, 17, 0),
        )
        with self.assertRaises(ValidationError):
            Rule.create(
                {
                    "name": "Overlap",
                    "legal_document_id": new.legal_document_id.id,
                    "company_id": self.agency_a.id,
                    "valid_from": "2026-06-01",
                }
            )
        with self.assertRaisesRegex(UserError, "No deadline counting rule"):
            self.agency_b.qms_receipt_rule(utc(2017, 1, 10, 9, 0))

    def test_deadlines_in_a_batch(self):
        """Many due dates at once give the scalar answers, across the change of
        counting rules on 1 July 2025, Tết, and a rule created in the same
        transaction."""
        agency = self.agency_a
        received = [
            utc(2025, 6, 30, 16, 59),  # last day of the 2018 rules
            utc(2025, 7, 1, 6, 0),  # 2025 rules, before opening
            utc(2026, 2, 13, 9, 0),  # before Tết
            utc(2026, 3, 7, 10, 0),  # Saturday
            utc(2026, 11, 23, 16, 0),
        ]
        amounts = [1, 0, 5, 0.5, 3]
        expected = [
            agency.qms_deadline(r, a) for r, a in zip(received, amounts, strict=True)
        ]
        self.assertEqual(agency.qms_deadlines(received, amounts), expected)
        self.assertEqual(expected[2], utc(2026, 2, 27, 17, 0))
        self.assertEqual(
            agency.qms_deadlines(received, 8, "hour")[-1],
            (agency.qms_deadline(received[-1], 8, "hour")),
        )
        self.env["qms.receipt.rule"].create(
            {
                "name": "Xã A: ngày tiếp nhận tính là ngày thứ nhất",
                "legal_document_id": self.env.ref(
                    "qms_public_admin.receipt_rule_2025"
                ).legal_document_id.id,
                "company_id": agency.id,
                "valid_from": "2026-01-01",
                "counting_start_offset": 0,
            }
        )
        # Monday 23 Nov now counts as day 1: 3 days -> Thu 26 (24 is off).
        self.assertEqual(
            agency.qms_deadlines(received, amounts)[-1], (utc(2026, 11, 26, 17, 0))
        )
        with self.assertRaises(UserError):
            agency.qms_deadlines(received, -1)
        self.assertEqual(agency.qms_deadlines([], 3), [])

    def test_calculator(self):
        wizard = self.env["qms.workday.calculator"].create(
            {
                "company_id": self.agency_a.id,
                "received_at": utc(2026, 11, 23, 9, 0),
                "amount": 3,
                "uom": "day",
            }
        )
        self.assertEqual(wizard.due_at, utc(2026, 11, 27, 17, 0))
        self.assertEqual(wizard.effective_receipt_at, utc(2026, 11, 23, 9, 0))
        self.assertEqual(wizard.working_days, 3)

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tools import mute_logger

from .common import QmsCase


class TestAgencySecurity(QmsCase):
    def test_group_ladder(self):
        qmr = self.env.ref("qms_public_admin.group_qms_qmr")
        officer = self.env.ref("qms_public_admin.group_qms_iso_officer")
        user = self.env.ref("qms_public_admin.group_qms_user")
        self.assertIn(officer, qmr.trans_implied_ids)
        self.assertIn(user, qmr.trans_implied_ids)
        self.assertTrue(self.iso_a.has_group("qms_public_admin.group_qms_user"))
        self.assertFalse(self.iso_a.has_group("qms_public_admin.group_qms_qmr"))

    def test_district_level_is_legacy_only(self):
        with self.assertRaisesRegex(ValidationError, "District-level"):
            self.env["res.company"].create(
                {"name": "UBND huyện Cũ", "qms_agency_level": "district_legacy"}
            )
        district = self.env["res.company"].create(
            {
                "name": "UBND huyện Nông Cống (cũ)",
                "qms_agency_level": "district_legacy",
                "qms_valid_to": "2025-06-30",
                "qms_merged_into_id": self.agency_a.id,
            }
        )
        self.assertEqual(district.qms_merged_into_id, self.agency_a)

    def test_parent_agency_cycle_and_unique_code(self):
        self.agency_b.qms_parent_agency_id = self.agency_a
        self.assertIn(self.agency_b, self.agency_a.qms_child_agency_ids)
        with self.assertRaises(ValidationError):
            self.agency_a.qms_parent_agency_id = self.agency_b
        self.agency_a.qms_agency_code = "000.99.01.H99"
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.agency_b.qms_agency_code = "000.99.01.H99"
            self.agency_b.flush_recordset()

    def test_officer_cannot_touch_national_schedule(self):
        culture_day = self.env["qms.holiday"].search(
            [("date", "=", "2026-11-24"), ("calendar_id", "=", False)]
        )
        as_officer = culture_day.with_user(self.iso_a)
        self.assertEqual(as_officer.name, culture_day.name)  # can read
        with self.assertRaises(AccessError):
            as_officer.write({"active": False})
        with self.assertRaises(AccessError):
            self.env["qms.holiday"].with_user(self.iso_a).create(
                {"name": "Nghỉ", "date": "2026-12-30", "kind": "holiday"}
            )

    def test_agency_rows_are_private(self):
        Holiday = self.env["qms.holiday"]
        own = Holiday.with_user(self.iso_a).create(
            {
                "name": "Chuyển trụ sở",
                "date": "2026-12-01",
                "kind": "agency_off",
                "calendar_id": self.calendar_a.id,
            }
        )
        other = Holiday.create(
            {
                "name": "Sự kiện xã B",
                "date": "2026-12-02",
                "kind": "agency_off",
                "calendar_id": self.calendar_b.id,
            }
        )
        self.assertEqual(own.origin, "agency")
        visible = Holiday.with_user(self.iso_a).search([("year", "=", 2026)])
        self.assertIn(own, visible)
        self.assertNotIn(other, visible)
        with self.assertRaises(AccessError):
            other.with_user(self.iso_a).write({"name": "x"})
        # The DOST inspector reads both agencies, writes neither.
        seen = Holiday.with_user(self.inspector).search([("year", "=", 2026)])
        self.assertIn(own, seen)
        self.assertIn(other, seen)
        with self.assertRaises(AccessError):
            own.with_user(self.inspector).write({"name": "x"})

    def test_legal_documents(self):
        Legal = self.env["qms.legal.document"]
        with self.assertRaises(ValidationError):
            Legal.create(
                {"name": "118/2025/NĐ-CP", "title": "Trùng số", "doc_type": "decree"}
            )
        with self.assertRaises(ValidationError):
            Legal.create(
                {
                    "name": "01/2026/QĐ-UBND",
                    "title": "Ngày sai",
                    "date_effective": "2026-05-01",
                    "date_expiry": "2026-01-01",
                }
            )
        local = Legal.with_user(self.iso_a).create(
            {
                "name": "15/QĐ-UBND",
                "title": "Quyết định của UBND xã A",
                "company_id": self.agency_a.id,
            }
        )
        # The same number in another agency is a different document.
        Legal.create(
            {"name": "15/QĐ-UBND", "title": "Của xã B", "company_id": self.agency_b.id}
        )
        self.assertEqual(local.display_name, "15/QĐ-UBND - Quyết định của UBND xã A")
        with self.assertRaises(AccessError):
            self.env.ref("qms_public_admin.legal_decree_118_2025").with_user(
                self.iso_a
            ).write({"title": "x"})

    def test_agencies_are_not_looked_up_on_the_internet(self):
        """An agency's intranet has no internet: the company form types its
        name in a plain field, and no agency is queued for enrichment by an
        outside service (Odoo's partner autocomplete, when installed)."""
        Company = self.env["res.company"]
        arch = Company.get_view(view_type="form")["arch"]
        self.assertNotIn("field_partner_autocomplete", arch)
        if "iap_enrich_auto_done" not in Company._fields:
            self.skipTest("partner_autocomplete is not installed")
        agency = Company.create({"name": "UBND xã Đông Tiến"})
        self.assertTrue(agency.iap_enrich_auto_done)
        self.assertFalse(Company.search([("iap_enrich_auto_done", "=", False)]))

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError

from .common import OnestopCase


class TestPrivacy(OnestopCase):
    def test_personal_data_visible_to_the_handling_officers_only(self):
        dossier = self._received()
        # Desk and processing officers of the agency see it in full.
        for user in (self.desk_a, self.proc_a, self.supervisor_a):
            seen = self.as_(user, dossier)
            self.assertEqual(seen.applicant_id_number, "038090001234")
            self.assertEqual(seen.qms_personal_data()["applicant_phone"], "0912345678")
        # Other users of the agency (the ISO officer) and the DOST inspector
        # across agencies see the dossier masked and are refused the data.
        for user in (self.iso_a, self.inspector):
            seen = self.as_(user, dossier)
            self.assertEqual(seen.applicant_name, "Nguyễn Văn An")
            self.assertEqual(seen.applicant_id_number, "********1234")
            self.assertEqual(seen.applicant_phone, "*******678")
            self.assertEqual(seen.applicant_email, "a***@example.vn")
            self.assertEqual(seen.applicant_address, "12 ***")
            with self.assertRaises(AccessError):
                seen.qms_personal_data()
            with self.assertRaises(AccessError):
                seen.read(["id_number_raw"])
            with self.assertRaises(AccessError):
                self.env["qms.onestop.dossier"].with_user(user).search(
                    [("applicant_id_number", "=", "038090001234")]
                )
        # Another agency's desk does not see the dossier at all.
        with self.assertRaises(AccessError):
            self.as_(self.desk_b, dossier).read(["applicant_name"])
        # The desk finds an applicant's dossiers by identity number.
        found = (
            self.env["qms.onestop.dossier"]
            .with_user(self.desk_a)
            .search([("applicant_id_number", "=", "038090001234")])
        )
        self.assertEqual(found, dossier)
        # The applicant contact belongs to the agency; its number is not public.
        with self.assertRaises(AccessError):
            self.as_(self.desk_a, dossier.applicant_partner_id).read(["qms_id_number"])
        self.assertFalse(
            self.env["res.partner"]
            .with_user(self.desk_b)
            .search([("id", "=", dossier.applicant_partner_id.id)])
        )

    def test_only_the_handling_desk_writes_personal_data(self):
        dossier = self._draft()
        with self.assertRaises(AccessError):
            self.as_(self.iso_a, dossier).write({"applicant_phone": "0900000000"})
        self.as_(self.desk_a, dossier).write({"applicant_phone": "0988888888"})
        self.assertEqual(dossier.qms_personal_data()["applicant_phone"], "0988888888")

    def test_a_new_dossier_s_applicant_data_is_typed_before_saving(self):
        """The desk officer's new dossier form: the identity number, phone,
        email and address are editable at once (not only after a save)."""
        spec = {"personal_visible": {}, "applicant_id_number": {}}
        Dossier = self.env["qms.onestop.dossier"]
        desk = Dossier.with_user(self.desk_a).onchange({}, [], spec)
        self.assertTrue(desk["value"]["personal_visible"])
        reader = self.env["res.users"].create(
            {
                "name": "Chỉ đọc",
                "login": "privacy_reader",
                "company_id": self.agency_a.id,
                "company_ids": [(6, 0, self.agency_a.ids)],
                "groups_id": [
                    (6, 0, self.env.ref("qms_public_admin.group_qms_user").ids)
                ],
            }
        )
        other = Dossier.with_user(reader).onchange({}, [], spec)
        self.assertFalse(other["value"]["personal_visible"])


class TestErasure(OnestopCase):
    """Past the retention period set in the one-stop rules, the data
    protection officer (or the daily job) erases a closed dossier's applicant
    data and scans; the dossier, its figures and its log stay."""

    def test_erasure_after_retention(self):
        dpo = self._officer("dpo_a", "group_onestop_dpo", self.agency_a)
        dossier = self._received("2026-03-02 09:00")
        scan = self.env["ir.attachment"].create(
            {
                "name": "cccd.pdf",
                "raw": b"%PDF-1.4 id",
                "res_model": "qms.onestop.dossier.component",
                "res_id": dossier.component_ids[0].id,
            }
        )
        with self.at("2026-03-03 09:00"):
            self.as_(self.desk_a, dossier).action_withdraw("Xin rút hồ sơ.")
        self.assertEqual(dossier.state, "withdrawn")
        # The rules keep the data: nothing to erase, by hand or by the job.
        with self.assertRaisesRegex(UserError, "retention"):
            self.as_(dpo, dossier).action_anonymise()
        with self.assertRaises(AccessError):
            self.as_(self.desk_a, dossier).action_anonymise()
        rule = self.agency_a.qms_receipt_rule(dossier.closed_at)
        rule.personal_data_retention_years = 2
        with self.at("2028-03-02 09:00"):
            self.env["qms.onestop.dossier"]._cron_qms_anonymise()
            self.assertFalse(dossier.anonymised_at, "two years not yet over")
            with self.assertRaisesRegex(UserError, "retention"):
                self.as_(dpo, dossier).action_anonymise()
        with self.at("2028-03-03 10:00"):
            self.env["qms.onestop.dossier"]._cron_qms_anonymise()
        raw = dossier.sudo()
        self.assertTrue(dossier.anonymised_at)
        self.assertFalse(raw.id_number_raw or raw.phone_raw or raw.email_raw)
        self.assertFalse(raw.address_raw)
        self.assertNotIn("Nguyễn", dossier.applicant_name)
        self.assertFalse(scan.exists())
        self.assertTrue(dossier.name)
        self.assertEqual(dossier.log_ids[-1:].action, "anonymise")
        with self.assertRaisesRegex(UserError, "already erased"):
            self.as_(dpo, dossier).action_anonymise()

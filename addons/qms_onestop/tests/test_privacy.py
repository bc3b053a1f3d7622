# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError

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

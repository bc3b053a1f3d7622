# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from odoo.tests import HttpCase, tagged

from .common import OnestopCase


@tagged("post_install", "-at_install")
class TestPublicLookup(OnestopCase, HttpCase):
    # The page is a read-only route whose attempt counters are written in a
    # transaction of their own; the test framework cannot open a read/write
    # cursor inside a simulated read-only one, so the page runs on a
    # read/write test cursor here (tools/scaleout.py serves it from a real
    # replica).
    readonly_enabled = False

    def lookup(self, code, digits):
        return self.url_open(
            "/tra-cuu-ho-so", data={"code": code, "digits": digits}, timeout=30
        )

    def test_lookup(self):
        before = self.env["qms.onestop.lookup"].sudo().search([]).ids
        dossier = self._received()
        page = self.url_open("/tra-cuu-ho-so")
        self.assertEqual(page.status_code, 200)
        self.assertIn('name="digits"', page.text)
        found = self.lookup(dossier.name, "5678")  # last digits of the phone
        self.assertEqual(found.status_code, 200)
        self.assertIn('id="qms-found"', found.text)
        self.assertIn(dossier.name, found.text)
        self.assertIn("05/03/2026 17:00", found.text)  # the appointment
        for personal in ("Nguyễn Văn An", "0912345678", "038090001234", "Lê Lợi"):
            self.assertNotIn(personal, found.text)
        self.assertIn('id="qms-found"', self.lookup(dossier.name, "1234").text)
        # A wrong second factor looks exactly like an unknown code.
        wrong = self.lookup(dossier.name, "0000")
        unknown = self.lookup("000.00.99.H99-260302-9999", "5678")
        self.assertEqual(wrong.status_code, unknown.status_code)
        self.assertIn('id="qms-none"', wrong.text)

        def without_code(html):
            # The code typed is echoed back; the session's CSRF token is dated.
            html = re.sub(r'csrf_token: "[^"]*"', "", html)
            return re.sub(r'value="[^"]*"', "", html)

        self.assertEqual(without_code(wrong.text), without_code(unknown.text))
        self.assertNotIn('id="qms-found"', self.lookup(dossier.name, "56").text)
        # Attempts are limited per address.
        self.env["ir.config_parameter"].sudo().set_param(
            "qms_onestop.lookup_max_attempts", "5"
        )
        limited = self.lookup(dossier.name, "5678")
        self.assertEqual(limited.status_code, 429)
        self.assertIn('id="qms-limited"', limited.text)
        self.assertNotIn(dossier.name + "</dd>", limited.text)
        attempts = (
            self.env["qms.onestop.lookup"].sudo().search([("id", "not in", before)])
        )
        self.assertEqual(len(attempts), 5)
        self.assertNotIn("127.0.0.1", attempts[0].ip_hash)

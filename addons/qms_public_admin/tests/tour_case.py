# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Guided tours run in headless Chromium, as the demo users, in Vietnamese.

A tour step that logs ``qms-screenshot:<name>`` has the browser's page saved
as ``<name>.png`` in the folder named by the ``QMS_SCREENSHOTS`` environment
variable (nothing is saved without it): the README's screenshots come from
``QMS_SCREENSHOTS=docs/screenshots make test``.
"""

import base64
import os
import pathlib
from unittest.mock import patch

from odoo.tests import HttpCase
from odoo.tests.common import ChromeBrowser

SIGNAL = "qms-screenshot:"


def ensure_vietnamese(env):
    """Vietnamese installed with every installed module's terms (the test
    database is created without it)."""
    if not env["res.lang"]._lang_get("vi_VN").active:
        env["res.lang"]._activate_lang("vi_VN")
        env["ir.module.module"].search(
            [("state", "=", "installed")]
        )._update_translations(["vi_VN"])


def _save(folder, name, future):
    data = future.result(timeout=0).get("data")
    if data:
        (folder / f"{name}.png").write_bytes(base64.b64decode(data))


class QmsTourCase(HttpCase):
    """Runs tours as demo users (their password becomes their login for the
    test) in Vietnamese, saving the screenshots the tours ask for."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ensure_vietnamese(cls.env)

    def tour_user(self, login):
        user = self.env["res.users"].search([("login", "=", login)])
        self.assertTrue(user, f"demo user {login} is missing")
        user.write({"password": login, "lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh"})
        return user

    def run_tour(self, tour, login, url="/odoo", timeout=120, shot_suffix=""):
        self.tour_user(login)
        folder = os.environ.get("QMS_SCREENSHOTS")
        original = ChromeBrowser._handle_console

        def handle_console(browser, type, args=None, **kw):  # pylint: disable=redefined-builtin
            if folder and type == "log" and args:
                text = str(browser._from_remoteobject(args[0]))
                if text.startswith(SIGNAL):
                    path = pathlib.Path(folder)
                    path.mkdir(parents=True, exist_ok=True)
                    name = text[len(SIGNAL) :] + shot_suffix
                    future = browser._websocket_send(
                        "Page.captureScreenshot", with_future=True
                    )
                    future.add_done_callback(lambda f, p=path, n=name: _save(p, n, f))
                    return None
            return original(browser, type, args=args, **kw)

        with patch.object(ChromeBrowser, "_handle_console", handle_console):
            self.start_tour(url, tour, login=login, timeout=timeout)

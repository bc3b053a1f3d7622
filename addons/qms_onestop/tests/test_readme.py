# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The README's integration examples, run as written against the test server
and the demo data."""

import contextlib
import io
import os
import pathlib
import re
from unittest import mock

from odoo.tests import HttpCase, tagged

README = pathlib.Path(__file__).resolve().parents[3] / "README.md"


@tagged("post_install", "-at_install")
class TestReadmeExamples(HttpCase):
    def test_readme_examples_run(self):
        user = self.env.ref("qms_onestop.user_portal_integration", False)
        if not user or not README.exists():
            self.skipTest("needs the demo data and the repository's README")
        text = README.read_text(encoding="utf-8")
        section = text.split("## Integration API (XML-RPC)", 1)[1].split("\n## ", 1)[0]
        blocks = re.findall(r"```python\n(.*?)```", section, re.S)
        self.assertGreaterEqual(len(blocks), 6)
        env = {
            "QMS_URL": self.base_url(),
            "QMS_DB": self.env.cr.dbname,
            "QMS_LOGIN": "dvc.integration",
            "QMS_PASSWORD": "demo",
        }
        namespace = {"__name__": "readme"}
        out = io.StringIO()
        with mock.patch.dict(os.environ, env), contextlib.redirect_stdout(out):
            for block in blocks:
                exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 # pylint: disable=exec-used
        printed = out.getvalue()
        self.assertIn("000.01.30.H56-", printed)
        self.assertIn("(False, 'QMS-404')", printed)
        self.assertIn("withdrawn cancelled", printed)
        self.assertIn("[QMS-400] ", printed)
        dossier = self.env["qms.onestop.dossier"].search(
            [("external_code", "=", "DVC-2026-000123")]
        )
        self.assertEqual(len(dossier), 1)
        self.assertEqual(dossier.state, "withdrawn")

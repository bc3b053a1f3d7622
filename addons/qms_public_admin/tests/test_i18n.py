# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

import polib

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase
from odoo.tools.translate import TranslationModuleReader

OUR_ADDONS = ("qms_public_admin", "qms_audit", "qms_onestop")


def same_in_vietnamese(msgid):
    """A term that reads the same in Vietnamese (OCA's po check clears such a
    msgstr): it has Vietnamese letters, is "ID", is a report-name expression, or
    has no words outside its markup."""
    return (
        msgid == "ID"
        or "object." in msgid
        or any(ord(char) > 127 for char in msgid)
        or not re.search(r"[A-Za-z]{2,}", re.sub(r"<[^>]+>", "", msgid))
    )


class TestVietnamese(TransactionCase):
    def _installed(self):
        return (
            self.env["ir.module.module"]
            .search([("name", "in", OUR_ADDONS), ("state", "=", "installed")])
            .mapped("name")
        )

    def test_vi_po_is_complete(self):
        """Every term the running code exports has a Vietnamese translation."""
        for module in self._installed():
            po = polib.pofile(f"{get_module_path(module)}/i18n/vi.po")
            translated = {e.msgid for e in po if e.msgstr and not e.obsolete}
            # An extraction failure (e.g. an f-string inside _()) silently drops
            # a file's terms: it must not happen.
            with self.assertNoLogs("odoo.tools.translate", level="ERROR"):
                reader = TranslationModuleReader(self.env.cr, modules=[module])
            terms = {row[4] for row in reader if row[0] == module and row[4]}
            # OCA's po-pretty-format clears a msgstr equal to its msgid: terms
            # already in Vietnamese (or "ID") need no msgstr.
            missing = sorted(
                term for term in terms - translated if not same_in_vietnamese(term)
            )
            self.assertFalse(
                missing, f"{module}/i18n/vi.po lacks translations for: {missing}"
            )

    def test_vietnamese_ui_strings(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(self._installed(), ["vi_VN"])
        vi = self.env(context={"lang": "vi_VN"})
        self.assertEqual(
            vi.ref("qms_public_admin.group_qms_iso_officer").name,
            "Cán bộ phụ trách ISO",
        )
        labels = dict(vi["qms.holiday"]._fields["kind"]._description_selection(vi))
        self.assertEqual(labels["extra_working_day"], "Ngày làm việc bù")
        self.assertEqual(
            vi["ir.ui.menu"].browse(vi.ref("qms_public_admin.menu_qms_root").id).name,
            "Chất lượng (ISO)",
        )

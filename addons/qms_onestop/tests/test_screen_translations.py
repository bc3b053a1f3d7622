# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.qms_public_admin.tests.tour_case import ensure_vietnamese
from odoo.tests import TransactionCase, tagged

from .screen_texts import untranslated_texts


@tagged("post_install", "-at_install")
class TestScreenTranslations(TransactionCase):
    """Every text of our screens reads in Vietnamese: the views' own texts and
    the labels and choices of every field they show, including the fields of
    the modules we build on (tier validation, mgmtsystem), and our menus."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ensure_vietnamese(cls.env)

    def test_every_screen_text_is_vietnamese(self):
        found = sorted(untranslated_texts(self.env))
        self.assertFalse(
            found,
            "Shown in English on a Vietnamese screen:\n"
            + "\n".join(f"  {text!r}  ({where})" for text, where in found),
        )

    def test_the_check_finds_an_english_text(self):
        """The check itself: a choice left in English is found."""
        field = self.env["ir.model.fields"]._get("qms.onestop.dossier", "state")
        choice = field.selection_ids.filtered(lambda s: s.value == "in_progress")
        english = choice.with_context(lang="en_US").name
        choice.with_context(lang="vi_VN").name = english
        self.env.registry.clear_cache()
        self.assertIn(english, {text for text, _where in untranslated_texts(self.env)})

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The texts a user sees on our screens, in two languages, to find those left
in English: view texts and attributes, the labels and choices of the fields a
view shows (ours and those of the modules we build on), menus and actions."""

import re

from lxml import etree

OUR_MODULES = ("qms_public_admin", "qms_audit", "qms_onestop")
SHOWN_ATTRS = ("string", "placeholder", "help", "title", "aria-label", "confirm")
HIDDEN = {"1", "True", "true"}


def same_in_vietnamese(text):
    """A text that reads the same in Vietnamese: Vietnamese letters already, an
    acronym or code (ISO, PDF, QR, ID, XML-RPC), or no word at all."""
    words = re.findall(r"[A-Za-z]{2,}", re.sub(r"<[^>]+>", "", text))
    return (
        not words
        or any(ord(char) > 127 for char in text)
        or all(word.isupper() or word in ("Zalo", "Email", "Odoo") for word in words)
    )


def _hidden(node):
    return any(node.get(attr) in HIDDEN for attr in ("invisible", "column_invisible"))


def _walk(model, node_en, node_vi, fields_en, fields_vi, found, where):
    if _hidden(node_en) or node_en.tag in ("templates", "t"):
        return
    for attr in SHOWN_ATTRS:
        a, b = node_en.get(attr), node_vi.get(attr)
        if a and a == b and not same_in_vietnamese(a):
            found.add((a, where))
    for a, b in ((node_en.text, node_vi.text), (node_en.tail, node_vi.tail)):
        a, b = (a or "").strip(), (b or "").strip()
        if a and a == b and not same_in_vietnamese(a):
            found.add((a, where))
    comodel = model
    if node_en.tag == "field" and model:
        name = node_en.get("name")
        info_en = fields_en.get(model, {}).get(name) or {}
        info_vi = fields_vi.get(model, {}).get(name) or {}
        if not node_en.get("string") and not node_en.get("nolabel"):
            label = info_en.get("string") or ""
            if (
                label
                and label == info_vi.get("string")
                and not same_in_vietnamese(label)
            ):
                found.add((label, f"{where}: {model}.{name}"))
        for (key, en), (_k, vi) in zip(
            info_en.get("selection") or [],
            info_vi.get("selection") or [],
            strict=False,
        ):
            if en == vi and not same_in_vietnamese(en):
                found.add((en, f"{where}: {model}.{name}={key}"))
        comodel = info_en.get("relation")
    for child_en, child_vi in zip(node_en, node_vi, strict=False):
        if isinstance(child_en.tag, str):
            _walk(comodel, child_en, child_vi, fields_en, fields_vi, found, where)


def untranslated_texts(env, lang="vi_VN"):
    """{(english text, where)} of texts shown the same in English and ``lang``."""
    found = set()
    data = env["ir.model.data"].search(
        [("module", "in", OUR_MODULES), ("model", "=", "ir.ui.view")]
    )
    views = (
        env["ir.ui.view"]
        .browse(data.mapped("res_id"))
        .filtered(
            lambda v: (
                v.mode == "primary"
                and v.type
                in ("form", "list", "search", "kanban", "graph", "pivot", "calendar")
                and v.model in env
            )
        )
    )
    cache = {}

    def fields_of(model, lang_code):
        key = (model, lang_code)
        if key not in cache:
            cache[key] = (
                env[model]
                .with_context(lang=lang_code)
                .fields_get(attributes=["string", "selection", "relation"])
            )
        return cache[key]

    for view in views:
        model = env[view.model]
        en = model.with_context(lang="en_US").get_view(view.id, view.type)
        vi = model.with_context(lang=lang).get_view(view.id, view.type)
        names = set(en["models"])
        fields_en = {m: fields_of(m, "en_US") for m in names}
        fields_vi = {m: fields_of(m, lang) for m in names}
        _walk(
            view.model,
            etree.fromstring(en["arch"]),
            etree.fromstring(vi["arch"]),
            fields_en,
            fields_vi,
            found,
            view.xml_id or view.name,
        )
    menus = env["ir.model.data"].search(
        [("module", "in", OUR_MODULES), ("model", "in", ("ir.ui.menu",))]
    )
    for menu in env["ir.ui.menu"].browse(menus.mapped("res_id")):
        en = menu.with_context(lang="en_US").name
        if en == menu.with_context(lang=lang).name and not same_in_vietnamese(en):
            found.add((en, f"menu {menu.complete_name}"))
    return found

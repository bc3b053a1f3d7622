"""Writes addons/<addon>/i18n_extra/vi.po: the Vietnamese of the field labels and
choices of the modules we build on (tier validation, mgmtsystem) that our screens
show and their own translations leave out.

Run in an Odoo shell on a database with the three addons and Vietnamese installed:
    QMS_T=/path/T.py python3 -m odoo shell ... < tools/i18n_extra.py
T.py defines T = {english: vietnamese} for new texts; existing entries are kept.
Prints "UNTRANSLATED: <text>" for each text still missing.
"""

# ruff: noqa: F821 - ``env`` is given by odoo shell
import importlib.util
import os
import pathlib
import runpy

import polib

ROOT = pathlib.Path(os.getcwd())
spec = importlib.util.spec_from_file_location(
    "screen_texts", ROOT / "addons/qms_onestop/tests/screen_texts.py"
)
screen_texts = importlib.util.module_from_spec(spec)
spec.loader.exec_module(screen_texts)
OURS = screen_texts.OUR_MODULES
extra = runpy.run_path(os.environ["QMS_T"])["T"] if os.environ.get("QMS_T") else {}

files = {}
for addon in OURS:
    path = ROOT / "addons" / addon / "i18n_extra" / "vi.po"
    files[addon] = polib.pofile(str(path)) if path.exists() else polib.POFile()
known = {e.msgid: e.msgstr for po in files.values() for e in po if e.msgstr}
known.update(extra)


def xmlids(model, res_id):
    data = env["ir.model.data"].search([("model", "=", model), ("res_id", "=", res_id)])
    return [d.complete_name for d in data if d.module not in OURS]


missing = set()
placed = set()
found = screen_texts.untranslated_texts(env)
for text, where in sorted(
    found,
    key=lambda tw: (
        OURS.index(tw[1].split(".")[0]) if tw[1].split(".")[0] in OURS else 9,
        tw,
    ),
):
    view, _sep, target = where.partition(": ")
    addon = view.split(".")[0]
    if not target or addon not in OURS:
        continue  # a text of our own views: our vi.po (tools/i18n_export.sh)
    dotted, _sep, key = target.partition("=")
    model, _sep, fname = dotted.rpartition(".")
    field = env["ir.model.fields"]._get(model, fname)
    if key:
        record = field.selection_ids.filtered(lambda s, k=key: s.value == k)
        refs = [
            f"model:ir.model.fields.selection,name:{x}"
            for x in xmlids("ir.model.fields.selection", record.id)
        ]
    else:
        refs = [
            f"model:ir.model.fields,field_description:{x}"
            for x in xmlids("ir.model.fields", field.id)
        ]
    if not refs:
        continue  # our own field: our vi.po
    if text not in known:
        missing.add(text)
        continue
    # Kept with the lowest of our addons showing it (it depends on the module
    # defining the field).
    refs = [ref for ref in refs if ref not in placed]
    if not refs:
        continue
    placed.update(refs)
    po = files[addon]
    entry = next((e for e in po if e.msgid == text), None)
    if entry is None:
        entry = polib.POEntry(msgid=text, msgstr=known[text], occurrences=[])
        po.append(entry)
    entry.msgstr = known[text]
    for ref in refs:
        if (ref, "") not in entry.occurrences:
            entry.occurrences.append((ref, ""))
    entry.comment = "module: " + refs[0].split(":", 2)[2].split(".")[0]

for addon, po in files.items():
    if not len(po):
        continue
    po.metadata = {
        "Project-Id-Version": "Odoo Server 18.0",
        "Language": "vi",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    po.sort(key=lambda e: e.msgid)
    path = ROOT / "addons" / addon / "i18n_extra" / "vi.po"
    path.parent.mkdir(exist_ok=True)
    po.save(str(path))
for text in sorted(missing):
    print("UNTRANSLATED:", text)

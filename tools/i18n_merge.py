#!/usr/bin/env python3
"""Merge an addon's fresh .pot into its i18n/vi.po, keeping existing translations.

Usage: tools/i18n_merge.py ADDON [TRANSLATIONS.py]
  TRANSLATIONS.py (optional) defines a dict T {msgid: msgstr} for new terms.
Prints the msgids still untranslated; exit 1 if any. Run `oca-checks-po --fix` on the
result afterwards (it clears msgstr equal to msgid, as OCA's pre-commit wants).
"""

import pathlib
import re
import runpy
import sys

import polib

root = pathlib.Path(__file__).resolve().parent.parent
addon = sys.argv[1]
extra = runpy.run_path(sys.argv[2])["T"] if len(sys.argv) > 2 else {}
pot = polib.pofile(str(root / "addons" / addon / "i18n" / f"{addon}.pot"))
po_path = root / "addons" / addon / "i18n" / "vi.po"
old = (
    {e.msgid: e.msgstr for e in polib.pofile(str(po_path))} if po_path.exists() else {}
)
po = polib.POFile(wrapwidth=78)
po.metadata = dict(pot.metadata)
po.metadata.update(
    {
        "Language": "vi",
        "Language-Team": "Vietnamese",
        "Plural-Forms": "nplurals=1; plural=0;",
        "Content-Type": "text/plain; charset=UTF-8",
    }
)
missing = []
for entry in pot:
    entry.msgstr = old.get(entry.msgid) or extra.get(entry.msgid, "")
    same = (
        entry.msgid == "ID"
        or "object." in entry.msgid
        or any(ord(c) > 127 for c in entry.msgid)
        or not re.search(r"[A-Za-z]{2,}", re.sub(r"<[^>]+>", "", entry.msgid))
    )
    if not entry.msgstr and not same:
        missing.append(entry.msgid)
    po.append(entry)
po.save(str(po_path))
for msgid in missing:
    print("UNTRANSLATED:", msgid)
sys.exit(1 if missing else 0)

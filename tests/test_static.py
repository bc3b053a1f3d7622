"""Static checks of the addons: they need no Odoo and no database."""

import ast
import csv
import re
import xml.etree.ElementTree as ET

import polib
import pytest

from conftest import ADDON_NAMES, ADDONS, ROOT

OCA_BASE = {
    "base_tier_validation",
    "report_xlsx",
    "mgmtsystem_action",
    "mgmtsystem_objective",
}


def same_in_vietnamese(msgid):
    """A term that reads the same in Vietnamese: it has Vietnamese letters, is "ID",
    is a report-name expression, or has no words outside its markup."""
    return (
        msgid == "ID"
        or "object." in msgid
        or any(ord(char) > 127 for char in msgid)
        or not re.search(r"[A-Za-z]{2,}", re.sub(r"<[^>]+>", "", msgid))
    )


def manifest(addon):
    return ast.literal_eval((ADDONS / addon / "__manifest__.py").read_text())


def python_models(addon):
    """{model: {"fields": set, "transient": bool}} of an addon's models."""
    models = {}
    for path in sorted((ADDONS / addon).glob("*/*.py")):
        if path.parent.name not in ("models", "wizards"):
            continue
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            attrs = {}
            fields = set()
            for stmt in node.body:
                if isinstance(stmt, ast.Assign) and isinstance(
                    stmt.targets[0], ast.Name
                ):
                    name = stmt.targets[0].id
                    if isinstance(stmt.value, ast.Constant):
                        attrs[name] = stmt.value.value
                    if name == "_inherit" and isinstance(stmt.value, ast.List):
                        attrs[name] = [e.value for e in stmt.value.elts]
                    call = stmt.value
                    if (
                        isinstance(call, ast.Call)
                        and isinstance(call.func, ast.Attribute)
                        and isinstance(call.func.value, ast.Name)
                        and call.func.value.id == "fields"
                    ):
                        fields.add(name)
            bases = {getattr(b, "attr", None) for b in node.bases}
            inherits = attrs.get("_inherit") or []
            inherits = [inherits] if isinstance(inherits, str) else inherits
            extension = attrs.get("_name") in inherits
            if "_name" in attrs and "AbstractModel" not in bases and not extension:
                models[attrs["_name"]] = {
                    "fields": fields,
                    "transient": "TransientModel" in bases,
                }
    return models


def data_files(addon):
    m = manifest(addon)
    return [ADDONS / addon / f for f in m.get("data", []) + m.get("demo", [])]


def xml_files(addon):
    return [f for f in data_files(addon) if f.suffix == ".xml"]


def groups_of(addon):
    groups = set()
    for path in xml_files(addon):
        for rec in ET.parse(path).getroot().iter("record"):
            if rec.get("model") == "res.groups":
                groups.add(f"{addon}.{rec.get('id')}")
    return groups


@pytest.mark.parametrize("addon", ADDON_NAMES)
def test_manifest(addon):
    m = manifest(addon)
    assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", m["version"]), m["version"]
    assert m["license"] == "AGPL-3"
    assert m.get("installable", True)
    for key in ("name", "summary", "author", "website", "category", "depends"):
        assert m.get(key), f"{addon}: manifest lacks {key}"
    for path in data_files(addon):
        assert path.is_file(), f"{addon}: {path} listed in the manifest is missing"
    assert (ADDONS / addon / "static/description/icon.png").is_file()
    assert (ADDONS / addon / "i18n/vi.po").is_file()
    for fragment in ("DESCRIPTION.md", "CONTRIBUTORS.md", "USAGE.md"):
        assert (ADDONS / addon / "readme" / fragment).is_file(), fragment


def test_dependencies():
    core = manifest("qms_public_admin")["depends"]
    assert {"base", "mail", "resource", "hr"} <= set(core)
    assert OCA_BASE <= set(core)
    assert "mgmtsystem_audit" not in core and "mgmtsystem_review" not in core
    audit = manifest("qms_audit")["depends"]
    assert "qms_public_admin" in audit and "mgmtsystem_nonconformity" in audit
    assert "qms_public_admin" in manifest("qms_onestop")["depends"]
    # The core never depends on the addons built on it.
    assert not {"qms_audit", "qms_onestop"} & set(core)


def test_requirements_cover_external_dependencies():
    reqs = (ROOT / "requirements.txt").read_text().lower()
    oca = (ROOT / "requirements-odoo.txt").read_text()
    for addon in ADDON_NAMES:
        m = manifest(addon)
        for lib in m.get("external_dependencies", {}).get("python", []):
            assert re.search(rf"^{lib}\b", reqs, re.M), f"{lib} not in requirements.txt"
        for dep in m["depends"]:
            if dep in OCA_BASE | {"mgmtsystem_nonconformity"}:
                assert re.search(rf"^odoo-addon-{dep}==18\.0\.", oca, re.M), dep


@pytest.mark.parametrize("addon", ADDON_NAMES)
def test_access_lines_for_every_model_and_group(addon):
    models = python_models(addon)
    csv_path = ADDONS / addon / "security/ir.model.access.csv"
    if not models:
        return
    rows = list(csv.DictReader(csv_path.open()))
    assert "security/ir.model.access.csv" in manifest(addon)["data"]
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate access ids"
    groups = groups_of(addon)
    assert groups, f"{addon} defines no group"
    for model in models:
        xmlid = "model_" + model.replace(".", "_")
        model_rows = [r for r in rows if r["model_id:id"] == xmlid]
        assert model_rows, f"{model} has no access line"
        covered = {
            g if "." in g else f"{addon}.{g}"
            for g in (r["group_id:id"] for r in model_rows)
        }
        assert groups <= covered, f"{model}: no line for {sorted(groups - covered)}"


@pytest.mark.parametrize("addon", ADDON_NAMES)
def test_multi_company_rules(addon):
    rules = set()
    for path in xml_files(addon):
        for rec in ET.parse(path).getroot().iter("record"):
            if rec.get("model") == "ir.rule":
                for field in rec.iter("field"):
                    if field.get("name") == "model_id":
                        rules.add(field.get("ref"))
    for model, info in python_models(addon).items():
        if "company_id" in info["fields"]:
            assert "model_" + model.replace(".", "_") in rules, (
                f"{model} has company_id but no record rule"
            )


@pytest.mark.parametrize("addon", ADDON_NAMES)
def test_views_for_every_model(addon):
    views = {}
    for path in xml_files(addon):
        for rec in ET.parse(path).getroot().iter("record"):
            if rec.get("model") != "ir.ui.view":
                continue
            fields = {f.get("name"): f for f in rec.iter("field")}
            if "inherit_id" in fields or "model" not in fields:
                continue
            arch = fields.get("arch")
            root = next(iter(arch), None) if arch is not None else None
            if root is not None:
                views.setdefault(fields["model"].text, set()).add(root.tag)
    for model, info in python_models(addon).items():
        needed = {"form"} if info["transient"] else {"list", "form", "search"}
        assert needed <= views.get(model, set()), (
            f"{model} lacks views: {sorted(needed - views.get(model, set()))}"
        )


def _refs(element):
    """External ids referenced by an XML element of Odoo data."""
    found = []
    for node in element.iter():
        for attr in ("ref", "inherit_id", "parent", "action", "groups", "model_id"):
            value = node.get(attr)
            if not value or (attr == "model_id" and node.tag == "field"):
                continue
            if attr == "groups":
                found += [g.lstrip("!") for g in value.split(",")]
            else:
                found.append(value)
        for attr in ("eval", "domain_force"):
            value = node.get(attr) or ""
            found += re.findall(r"ref\(['\"]([\w.]+)['\"]\)", value)
        if node.tag == "field" and node.get("name") == "groups_id" and node.get("eval"):
            pass
        found += re.findall(r"%\(([\w.]+)\)d", node.text or "")
    return found


@pytest.mark.parametrize("addon", ADDON_NAMES)
def test_xml_parses_and_references_exist(addon):
    """Every XML file parses; every local reference is defined earlier (load order)."""
    m = manifest(addon)
    models = python_models(addon)
    defined = {"model_" + name.replace(".", "_") for name in models}
    # Odoo also names each field: field_<model>__<field>.
    defined |= {
        f"field_{name.replace('.', '_')}__{field}"
        for name, info in models.items()
        for field in info["fields"]
    }
    deps = set(m["depends"])
    for path in xml_files(addon):
        root = ET.parse(path).getroot()
        assert root.tag == "odoo", path
        for element in root:
            xmlid = element.get("id")
            for ref in _refs(element):
                if "." in ref:
                    module = ref.split(".", 1)[0]
                    assert (
                        module == addon
                        or module in deps
                        or module
                        in (
                            "base",
                            "mail",
                            "resource",
                            "hr",
                        )
                    ), f"{path.name}: {ref} is from a module {addon} does not depend on"
                    if module == addon:
                        ref = ref.split(".", 1)[1]
                    else:
                        continue
                assert ref in defined or ref == xmlid, (
                    f"{path.name}: reference {ref!r} is not defined before use"
                )
            if xmlid:
                defined.add(xmlid)
                if element.tag == "menuitem":
                    defined.add(xmlid)


@pytest.mark.parametrize("addon", ADDON_NAMES)
def test_vi_po(addon):
    po = polib.pofile(str(ADDONS / addon / "i18n/vi.po"))
    assert po.metadata.get("Language") == "vi"
    # OCA's po-pretty-format clears a msgstr equal to its msgid: only terms that are
    # already Vietnamese (or universal like "ID") may stay without a msgstr.
    untranslated = [
        e.msgid for e in po.untranslated_entries() if not same_in_vietnamese(e.msgid)
    ]
    assert not untranslated, f"{addon}: untranslated {untranslated}"
    english = [
        e.msgid
        for e in po.translated_entries()
        if e.msgstr.strip() == e.msgid.strip() and not same_in_vietnamese(e.msgid)
    ]
    assert not english, f"{addon}: 'translated' as the English text: {english}"
    for entry in po.translated_entries():
        for placeholder in re.findall(r"%\(\w+\)s|%s", entry.msgid):
            assert placeholder in entry.msgstr, (
                f"{addon}: {placeholder} missing in translation of {entry.msgid!r}"
            )
    pot = ADDONS / addon / "i18n" / f"{addon}.pot"
    assert pot.is_file()
    assert {e.msgid for e in polib.pofile(str(pot))} == {e.msgid for e in po}, (
        f"{addon}: vi.po is not merged with the latest .pot (tools/i18n_merge.py)"
    )


@pytest.mark.parametrize("addon", ADDON_NAMES)
def test_vi_po_of_the_modules_we_build_on(addon):
    """i18n_extra/vi.po: the Vietnamese of the tier validation and mgmtsystem
    labels our screens show; every entry translated, none left as English, each
    pointing at a record of another module."""
    path = ADDONS / addon / "i18n_extra" / "vi.po"
    if not path.exists():
        pytest.skip("no i18n_extra")
    po = polib.pofile(str(path))
    assert po.metadata.get("Language") == "vi"
    for entry in po:
        assert entry.msgstr, f"{addon}: untranslated {entry.msgid!r}"
        assert entry.msgstr != entry.msgid, f"{addon}: English kept {entry.msgid!r}"
        assert entry.occurrences, f"{addon}: {entry.msgid!r} points at nothing"
        for ref, _line in entry.occurrences:
            module = re.match(r"model(?:_terms)?:[\w.]+,\w+:(\w+)\.", ref)
            assert module and module.group(1) not in ADDON_NAMES, (
                f"{addon}: {ref} is not a term of a module we build on"
            )


def test_no_hard_coded_holidays_in_models():
    """Legal numbers live in data: no date literal of a holiday in Python code."""
    for addon in ADDON_NAMES:
        for path in (ADDONS / addon).rglob("*.py"):
            if "tests" in path.parts:
                continue
            text = path.read_text()
            assert not re.search(
                r"date\((?!1970)\d{4},\s*\d{1,2},\s*\d{1,2}\)", text
            ), path


def test_odoo_conf():
    text = (ROOT / "odoo.conf").read_text()
    assert re.search(r"^addons_path\s*=.*\./addons", text, re.M)
    assert re.search(r"^list_db\s*=\s*False", text, re.M)
    assert re.search(r"^http_interface\s*=\s*127\.0\.0\.1", text, re.M)


# What only the dossier's own transitions may do to it.
DOSSIER_INTERNALS = re.compile(
    r"\b(?:dossier|child|origin|dossier_id)\w*(?:\.sudo\(\))?\."
    r"(?:_qms_transition|_qms_close|_qms_stop_clock|_qms_restart_clock|_qms_receive"
    r"|_qms_give_step_time|_qms_open_line|_qms_create_lines|write)\("
)


def test_only_the_dossier_moves_the_dossier():
    """Notices, supplementation requests, transfers, the API and the wizards move a
    dossier through its named transitions, never by writing it."""
    addon = ADDONS / "qms_onestop"
    offenders = []
    for path in sorted([*addon.glob("models/*.py"), *addon.glob("wizards/*.py")]):
        if path.name.startswith("qms_onestop_dossier") and "_line" not in path.name:
            continue  # the dossier's own files
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if DOSSIER_INTERNALS.search(line):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert not offenders, "\n".join(offenders)

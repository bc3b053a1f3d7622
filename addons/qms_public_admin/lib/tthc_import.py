# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reading a procedure-catalogue export (CSV/XLSX rows) into clean values.

Pure Python (no Odoo import). Column names follow the national procedure database
export in Vietnamese; English names are accepted too. Each row gives either values
or errors as (code, parameters), so that the Odoo side words them in the user's
language; ``MESSAGES`` gives the English wording.
"""

import re
import unicodedata

COLUMNS = {
    "code": ("mã thủ tục", "mã tthc", "code"),
    "name": ("tên thủ tục", "tên tthc", "name"),
    "sector": ("lĩnh vực", "sector"),
    "levels": ("cấp thực hiện", "levels"),
    "deadline": ("thời hạn giải quyết", "deadline"),
    "legal": ("căn cứ pháp lý", "legal bases"),
    "online": ("mức độ dvc", "dịch vụ công trực tuyến", "online level"),
    "result": ("kết quả thực hiện", "result"),
}
CODE_RE = re.compile(r"^\d\.\d{6}$")
LEGAL_RE = re.compile(r"\b\d{1,4}/(?:\d{4}/)?[A-ZĐ][A-ZĐ0-9\-]*\b")
LEVEL_WORDS = (
    ("tỉnh", "province"),
    ("xã", "commune"),
    ("huyện", "district_legacy"),
    ("trung ương", "central"),
    ("bộ", "central"),
    ("ngành dọc", "vertical"),
)


MESSAGES = {
    "empty": "the file is empty",
    "missing_columns": "missing column(s): {columns}",
    "bad_code": "procedure code {code!r} is not of the form 1.001234",
    "duplicate_code": "code {code} repeats row {row}",
    "no_name": "the procedure has no name",
    "bad_deadline": "deadline {deadline!r} cannot be read",
}


def message(error):
    """English wording of an error (code, parameters)."""
    code, params = error
    return MESSAGES[code].format(**params)


def _norm(text):
    return unicodedata.normalize("NFC", str(text or "")).strip()


def name_key(name):
    """The key two catalogue names match by (a case, a component, a fee):
    Unicode-normalised, trimmed, case-insensitive."""
    return _norm(name).casefold()


def header_map(headers):
    """{field: column index} for the recognised headers."""
    found = {}
    for index, header in enumerate(headers):
        key = _norm(header).lower()
        for field, names in COLUMNS.items():
            if key in names and field not in found:
                found[field] = index
    return found


def parse_deadline(text):
    """'03 ngày làm việc' -> (3.0, 'day', False); 'Trong ngày' -> (0.0, 'day', True);
    '4 giờ làm việc' -> (4.0, 'hour', False). None when unreadable."""
    text = _norm(text).lower()
    if not text:
        return None
    number = re.search(r"(\d+(?:[.,]\d+)?)", text)
    if number:
        amount = float(number.group(1).replace(",", "."))
        if amount <= 0:
            return None
        after = text[number.end() :]
        uom = "hour" if re.match(r"\s*(giờ|h\b|hour)", after) else "day"
        return amount, uom, False
    if "trong ngày" in text or "ngay" in text or "same day" in text:
        return 0.0, "day", True
    return None


def parse_levels(text):
    text = _norm(text).lower()
    codes = []
    for word, code in LEVEL_WORDS:
        if word in text and code not in codes:
            codes.append(code)
    return codes


def parse_online(text):
    text = _norm(text).lower()
    if "toàn trình" in text or "full" in text or "mức độ 4" in text:
        return "full"
    if "một phần" in text or "partial" in text or "mức độ 3" in text:
        return "partial"
    return "none"


def parse_legal(text):
    """Legal document numbers cited in a text, in order, without duplicates."""
    seen = []
    for match in LEGAL_RE.findall(_norm(text)):
        if match not in seen:
            seen.append(match)
    return seen


def parse_rows(rows):
    """``rows``: header row then data rows (lists of cells).

    Returns (values, errors): values is a list of (row number, dict), errors a
    list of (row number, (code, parameters)). Row numbers count from 1 with the
    header.
    """
    rows = list(rows)
    if not rows:
        return [], [(1, ("empty", {}))]
    columns = header_map(rows[0])
    missing = [f for f in ("code", "name", "deadline") if f not in columns]
    if missing:
        return [], [(1, ("missing_columns", {"columns": ", ".join(missing)}))]
    values, errors, seen = [], [], {}
    for number, row in enumerate(rows[1:], start=2):
        cells = list(row) + [""] * (len(rows[0]) - len(row))

        def cell(field, cells=cells):
            index = columns.get(field)
            return _norm(cells[index]) if index is not None else ""

        if not any(_norm(c) for c in cells):
            continue
        code, name = cell("code"), cell("name")
        problems = []
        if not CODE_RE.match(code):
            problems.append(("bad_code", {"code": code}))
        elif code in seen:
            problems.append(("duplicate_code", {"code": code, "row": seen[code]}))
        if not name:
            problems.append(("no_name", {}))
        deadline = parse_deadline(cell("deadline"))
        if deadline is None:
            problems.append(("bad_deadline", {"deadline": cell("deadline")}))
        if problems:
            errors += [(number, p) for p in problems]
            continue
        seen[code] = number
        amount, uom, same_day = deadline
        values.append(
            (
                number,
                {
                    "code": code,
                    "name": name,
                    "sector": cell("sector"),
                    "levels": parse_levels(cell("levels")),
                    "legal_deadline": amount,
                    "deadline_uom": uom,
                    "is_same_day": same_day,
                    "legal": parse_legal(cell("legal")),
                    "online_level": parse_online(cell("online")),
                    "result_type": cell("result"),
                },
            )
        )
    return values, errors

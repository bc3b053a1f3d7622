"""Validation of the arguments of the integration API (XML-RPC).

Pure Python (no Odoo import), so the static tests cover it. Every check either
returns a clean value or raises ``ApiError(status, key, **params)``: ``status`` is
the documented error code (``QMS-400`` ...), ``key`` names the message that the
Odoo side words in the caller's language (``MESSAGES`` gives the English text).
Field paths such as ``components[1].files[0].data`` say where the problem is.
"""

import base64
import binascii
import datetime as dt
import re
import unicodedata
import xmlrpc.client

BAD_ARGUMENT = "QMS-400"
FORBIDDEN = "QMS-403"
UNKNOWN = "QMS-404"
CONFLICT = "QMS-409"
TOO_LARGE = "QMS-413"
BAD_TYPE = "QMS-415"
REFUSED = "QMS-422"
BUSY = "QMS-423"
INTERNAL = "QMS-500"

STATUSES = {
    BAD_ARGUMENT: "an argument is missing, of the wrong type, too long or badly formed",
    FORBIDDEN: "the account may not do this (group or agency)",
    UNKNOWN: "a code (agency, procedure, case, component, dossier) is unknown",
    CONFLICT: "the dossier's state does not allow this now",
    TOO_LARGE: "a file or a batch is larger than allowed",
    BAD_TYPE: "a file's type is not accepted",
    REFUSED: "a business rule of the one-stop desk refused it",
    BUSY: "someone else is moving the dossier: retry",
    INTERNAL: "unexpected error (logged on the server with the reference)",
}

MESSAGES = {
    "missing": "{field} is required",
    "type": "{field} must be {expected}",
    "too_long": "{field} is longer than {max} characters",
    "choice": "{field} must be one of: {choices}",
    "format": "{field} is not in the expected format ({example})",
    "unknown_keys": "{field} has unknown keys: {keys}",
    "too_many": "{field} holds more than {max} items",
    "empty_list": "{field} must hold at least one item",
    "base64": "{field} is not valid base64",
    "file_size": "{field} is {size} MB; the limit is {max} MB",
    "range": "{field} must be between {min} and {max}",
}

TTHC_CODE_RE = re.compile(r"^\d\.\d{6}$")
AGENCY_CODE_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-]{1,39}$")
DOSSIER_CODE_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-_/]{2,63}$")
EXTERNAL_CODE_RE = re.compile(r"^[^\x00-\x1f]{1,64}$")
LEGAL_NUMBER_RE = re.compile(r"^[0-9A-Za-zĐđ][^\x00-\x1f]{0,63}$")
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M")

# Channels a portal may declare; "level 3/4" are the legacy names of the partial
# and full online services (levels 3 and 4 of the public-service portals before
# Decree 42/2022/NĐ-CP renamed them).
API_CHANNELS = {
    "online_full": "online_full",
    "online_partial": "online_partial",
    "post": "post",
    "level4": "online_full",
    "level3": "online_partial",
}
RETURN_METHODS = ("desk", "post", "online")
RATING_LEVELS = ("very_satisfied", "satisfied", "dissatisfied")


class ApiError(Exception):
    """A refused argument: documented ``status``, message ``key`` and its
    parameters."""

    def __init__(self, status, key, **params):
        super().__init__(status, key, params)
        self.status = status
        self.key = key
        self.params = params

    def __str__(self):
        return f"[{self.status}] " + message(self.key, self.params)


def message(key, params):
    """English wording of a message key."""
    return MESSAGES.get(key, key).format(**params)


def _norm(value):
    return unicodedata.normalize("NFC", value).strip()


def text(value, field, max_len, required=False, pattern=None, example=None):
    """A string (NFC, stripped) or None; longer than ``max_len`` is refused."""
    if value is None or value is False or value == "":
        if required:
            raise ApiError(BAD_ARGUMENT, "missing", field=field)
        return None
    if not isinstance(value, str):
        raise ApiError(BAD_ARGUMENT, "type", field=field, expected="text")
    value = _norm(value)
    if not value:
        if required:
            raise ApiError(BAD_ARGUMENT, "missing", field=field)
        return None
    if len(value) > max_len:
        raise ApiError(BAD_ARGUMENT, "too_long", field=field, max=max_len)
    if pattern is not None and not pattern.match(value):
        raise ApiError(
            BAD_ARGUMENT, "format", field=field, example=example or pattern.pattern
        )
    return value


def number(value, field, minimum, maximum, required=False, integer=False):
    if value is None or value is False:
        if required:
            raise ApiError(BAD_ARGUMENT, "missing", field=field)
        return None
    kinds = (int,) if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds):
        raise ApiError(
            BAD_ARGUMENT,
            "type",
            field=field,
            expected="a whole number" if integer else "a number",
        )
    if not minimum <= value <= maximum:
        raise ApiError(BAD_ARGUMENT, "range", field=field, min=minimum, max=maximum)
    return value


def _options(source, name):
    """The accepted keys of the choice ``name``: the caller's (``source`` is a
    dict of choices, or the ``limits`` of a filing holding one under
    ``choices``), else :data:`CHOICES`. The API passes the keys of the models'
    fields, so a value a model accepts is accepted here."""
    source = source or {}
    keys = (source.get("choices") or source).get(name) or CHOICES[name]
    return {key: key for key in keys}


def choice(value, field, choices, required=False, default=None):
    if value is None or value is False or value == "":
        if required:
            raise ApiError(BAD_ARGUMENT, "missing", field=field)
        return default
    if not isinstance(value, str):
        raise ApiError(BAD_ARGUMENT, "type", field=field, expected="text")
    if value not in choices:
        raise ApiError(
            BAD_ARGUMENT, "choice", field=field, choices=", ".join(sorted(choices))
        )
    return choices[value] if isinstance(choices, dict) else value


def moment(value, field, required=False):
    """A moment as naive UTC: an XML-RPC dateTime, or text in ISO 8601 with an
    offset (``2026-03-02T08:15:00+07:00``) or without (then UTC, as Odoo)."""
    if value is None or value is False or value == "":
        if required:
            raise ApiError(BAD_ARGUMENT, "missing", field=field)
        return None
    if isinstance(value, dt.datetime):
        parsed = value
    elif isinstance(value, str):
        parsed = None
        raw = value.strip()
        try:
            parsed = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            for fmt in DATE_FORMATS:
                try:
                    parsed = dt.datetime.strptime(raw, fmt)
                    break
                except ValueError:
                    continue
        if parsed is None:
            raise ApiError(
                BAD_ARGUMENT, "format", field=field, example="2026-03-02T08:15:00+07:00"
            )
    else:
        raise ApiError(BAD_ARGUMENT, "type", field=field, expected="a date and time")
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.timezone.utc).replace(tzinfo=None)
    if not dt.datetime(2000, 1, 1) <= parsed <= dt.datetime(2100, 1, 1):
        raise ApiError(BAD_ARGUMENT, "range", field=field, min="2000", max="2100")
    return parsed


def day(value, field, required=False):
    """A date, as ``YYYY-MM-DD`` text or an XML-RPC dateTime."""
    if value is None or value is False or value == "":
        if required:
            raise ApiError(BAD_ARGUMENT, "missing", field=field)
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if not isinstance(value, str):
        raise ApiError(BAD_ARGUMENT, "type", field=field, expected="a date")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ApiError(
            BAD_ARGUMENT, "format", field=field, example="2026-03-02"
        ) from None


def struct(value, field, keys, required=True):
    """A dict whose keys are all among ``keys`` (typos are refused, not
    ignored)."""
    if value is None or value is False:
        if required:
            raise ApiError(BAD_ARGUMENT, "missing", field=field)
        return {}
    if not isinstance(value, dict):
        raise ApiError(BAD_ARGUMENT, "type", field=field, expected="a structure")
    unknown = sorted(str(k) for k in value if k not in keys)
    if unknown:
        raise ApiError(
            BAD_ARGUMENT, "unknown_keys", field=field, keys=", ".join(unknown)
        )
    return value


def items(value, field, max_items, required=False):
    if value is None or value is False:
        if required:
            raise ApiError(BAD_ARGUMENT, "missing", field=field)
        return []
    if not isinstance(value, (list, tuple)):
        raise ApiError(BAD_ARGUMENT, "type", field=field, expected="a list")
    if required and not value:
        raise ApiError(BAD_ARGUMENT, "empty_list", field=field)
    if len(value) > max_items:
        raise ApiError(TOO_LARGE, "too_many", field=field, max=max_items)
    return list(value)


def codes(value, field, pattern, max_items, example):
    """One code or a list of codes, as a list without duplicates."""
    if isinstance(value, str):
        value = [value]
    values = items(value, field, max_items, required=True)
    result = []
    for index, code in enumerate(values):
        code = text(
            code,
            f"{field}[{index}]",
            64,
            required=True,
            pattern=pattern,
            example=example,
        )
        if code not in result:
            result.append(code)
    return result


def file(value, field, max_bytes):
    """``{"name", "data" (base64), "mimetype"?}`` -> (name, declared mimetype,
    bytes). The content type is checked by the caller (from the bytes)."""
    value = struct(value, field, ("name", "data", "mimetype"))
    name = text(value.get("name"), f"{field}.name", 255, required=True)
    mimetype = text(value.get("mimetype"), f"{field}.mimetype", 100)
    data = value.get("data")
    if data is None or data == "":
        raise ApiError(BAD_ARGUMENT, "missing", field=f"{field}.data")
    if isinstance(data, xmlrpc.client.Binary):  # an XML-RPC <base64> value
        raw = data.data
    elif isinstance(data, bytes):  # the same, unmarshalled as bytes
        raw = data
    elif isinstance(data, str):
        # The size is checked before decoding (base64 is 4/3 of the bytes).
        if len(data) > max_bytes * 4 // 3 + 8:
            raise ApiError(
                TOO_LARGE,
                "file_size",
                field=f"{field}.data",
                size=round(len(data) * 3 / 4 / 1048576, 1),
                max=round(max_bytes / 1048576, 1),
            )
        try:
            raw = base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            raise ApiError(BAD_ARGUMENT, "base64", field=f"{field}.data") from None
    else:
        raise ApiError(BAD_ARGUMENT, "type", field=f"{field}.data", expected="base64")
    if len(raw) > max_bytes:
        raise ApiError(
            TOO_LARGE,
            "file_size",
            field=f"{field}.data",
            size=round(len(raw) / 1048576, 1),
            max=round(max_bytes / 1048576, 1),
        )
    if not raw:
        raise ApiError(BAD_ARGUMENT, "missing", field=f"{field}.data")
    return name, mimetype, raw


def files(value, field, max_files, max_bytes):
    return [
        file(f, f"{field}[{i}]", max_bytes)
        for i, f in enumerate(items(value, field, max_files))
    ]


DOSSIER_KEYS = (
    "source",
    "external_code",
    "desk",
    "procedure",
    "case",
    "channel",
    "submitted_at",
    "applicant",
    "components",
    "return_method",
    "note",
    "notify",
)
APPLICANT_KEYS = ("name", "type", "id_number", "phone", "email", "address")
COMPONENT_KEYS = ("name", "files")


def dossier(payload, limits, field="dossier"):
    """A dossier filed on a portal, cleaned. ``limits``: max_files, max_bytes,
    max_components."""
    payload = struct(payload, field, DOSSIER_KEYS)
    applicant = struct(payload.get("applicant"), f"{field}.applicant", APPLICANT_KEYS)
    components = _components(
        payload.get("components"), f"{field}.components", limits, required=False
    )
    return {
        "source": text(payload.get("source"), f"{field}.source", 64, required=True),
        "external_code": text(
            payload.get("external_code"),
            f"{field}.external_code",
            64,
            required=True,
            pattern=EXTERNAL_CODE_RE,
            example="G22.99-260302-0001",
        ),
        "desk": text(
            payload.get("desk"),
            f"{field}.desk",
            40,
            required=True,
            pattern=AGENCY_CODE_RE,
            example="000.00.31.H56",
        ),
        "procedure": text(
            payload.get("procedure"),
            f"{field}.procedure",
            20,
            required=True,
            pattern=TTHC_CODE_RE,
            example="1.001193",
        ),
        "case": text(payload.get("case"), f"{field}.case", 255),
        "channel": choice(
            payload.get("channel"),
            f"{field}.channel",
            API_CHANNELS,
            default="online_full",
        ),
        "submitted_at": moment(payload.get("submitted_at"), f"{field}.submitted_at"),
        "applicant": {
            "name": text(
                applicant.get("name"), f"{field}.applicant.name", 255, required=True
            ),
            "type": choice(
                applicant.get("type"),
                f"{field}.applicant.type",
                _options(limits, "applicant_type"),
                default="person",
            ),
            "id_number": text(
                applicant.get("id_number"),
                f"{field}.applicant.id_number",
                20,
                pattern=re.compile(r"^[0-9A-Za-z\-]{6,20}$"),
                example="038090001234",
            ),
            "phone": text(
                applicant.get("phone"),
                f"{field}.applicant.phone",
                20,
                pattern=re.compile(r"^\+?[0-9 .\-]{6,20}$"),
                example="0912345678",
            ),
            "email": text(
                applicant.get("email"),
                f"{field}.applicant.email",
                254,
                pattern=re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$"),
                example="ten@example.vn",
            ),
            "address": text(
                applicant.get("address"), f"{field}.applicant.address", 500
            ),
        },
        "components": components,
        "return_method": choice(
            payload.get("return_method"),
            f"{field}.return_method",
            _options(limits, "return_method"),
            default="online",
        ),
        "note": text(payload.get("note"), f"{field}.note", 2000),
        "notify": _notify(payload.get("notify"), f"{field}.notify", limits),
    }


def _notify(value, field, limits):
    """The channels the applicant chose (codes), or None: the agency's
    defaults. An empty list: the applicant wants no message."""
    if value is None or value is False:
        return None
    channels = items(value, field, 10)
    options = _options(limits, "notify_channel")
    return sorted(
        {
            choice(code, f"{field}[{index}]", options, required=True)
            for index, code in enumerate(channels)
        }
    )


def _components(value, field, limits, required):
    """``[{"name": ..., "files": [...]}, ...]`` cleaned."""
    components = []
    for index, comp in enumerate(
        items(value, field, limits["max_components"], required=required)
    ):
        path = f"{field}[{index}]"
        comp = struct(comp, path, COMPONENT_KEYS)
        components.append(
            {
                "name": text(comp.get("name"), f"{path}.name", 500, required=True),
                "files": files(
                    comp.get("files"),
                    f"{path}.files",
                    limits["max_files"],
                    limits["max_bytes"],
                ),
            }
        )
    return components


TRANSFER_KEYS = ("allotted_days", "origin_code", "documents")


def transfer(payload, limits, field="transfer"):
    """A dossier's part transferred by another agency: a dossier filing plus
    its share of the time limit, its code there, and documents that are not
    components of this agency's procedure."""
    payload = struct(payload, field, DOSSIER_KEYS + TRANSFER_KEYS)
    values = dossier(
        {k: v for k, v in payload.items() if k in DOSSIER_KEYS}, limits, field
    )
    values.update(
        channel="interagency",
        return_method="interagency",
        allotted_days=number(
            payload.get("allotted_days"),
            f"{field}.allotted_days",
            0.01,
            3650,
            required=True,
        ),
        origin_code=text(
            payload.get("origin_code"), f"{field}.origin_code", 64, required=True
        ),
        documents=_components(
            payload.get("documents"), f"{field}.documents", limits, required=False
        ),
    )
    return values


SUPPLEMENT_KEYS = ("components", "note")


def supplement(payload, limits, field="supplement"):
    payload = struct(payload, field, SUPPLEMENT_KEYS)
    return {
        "components": _components(
            payload.get("components"), f"{field}.components", limits, required=True
        ),
        "note": text(payload.get("note"), f"{field}.note", 2000),
    }


RATING_KEYS = ("level", "comment", "source", "answers", "trips")
PAYMENT_KEYS = ("amount", "method", "reference", "receipt_number", "note")
# A portal reports payments made through the payment platform or by transfer;
# cash is taken at the desk.
API_PAYMENT_METHODS = ("online", "bank_transfer")


def rating(payload, field="rating", choices=None):
    payload = struct(payload, field, RATING_KEYS)
    return {
        "level": choice(
            payload.get("level"),
            f"{field}.level",
            _options(choices, "rating_level"),
            required=True,
        ),
        "comment": text(payload.get("comment"), f"{field}.comment", 2000),
        "source": text(payload.get("source"), f"{field}.source", 64),
        "trips": number(payload.get("trips"), f"{field}.trips", 0, 99, integer=True),
        "answers": _answers(payload.get("answers"), f"{field}.answers", choices),
    }


def _answers(value, field, choices):
    """Criterion code → a satisfaction level, or a whole number."""
    value = struct(value, field, _AnyKey(), required=False)
    levels = _options(choices, "rating_level")
    clean = {}
    for code, answer in value.items():
        path = f"{field}.{code}"
        text(code, path, 32, required=True)
        if isinstance(answer, int) and not isinstance(answer, bool):
            clean[code] = number(answer, path, 0, 99, integer=True)
        else:
            clean[code] = choice(answer, path, levels, required=True)
    return clean


class _AnyKey(tuple):
    """Every key is accepted (criteria are data)."""

    def __contains__(self, _key):
        return True


def payment(payload, field="payment"):
    payload = struct(payload, field, PAYMENT_KEYS)
    return {
        "amount": number(
            payload.get("amount"), f"{field}.amount", 1, 10**12, required=True
        ),
        "method": choice(
            payload.get("method"),
            f"{field}.method",
            API_PAYMENT_METHODS,
            required=True,
        ),
        "reference": text(
            payload.get("reference"), f"{field}.reference", 64, required=True
        ),
        "receipt_number": text(
            payload.get("receipt_number"), f"{field}.receipt_number", 64
        ),
        "note": text(payload.get("note"), f"{field}.note", 500),
    }


LEGAL_KEYS = (
    "number",
    "title",
    "type",
    "issuing_body",
    "signed_on",
    "effective_from",
    "effective_until",
    "state",
    "url",
)
LEGAL_TYPES = (
    "law",
    "resolution",
    "ordinance",
    "decree",
    "decision",
    "circular",
    "directive",
    "official_letter",
    "plan",
    "standard",
    "other",
)
LEGAL_STATES = ("draft", "in_force", "partly_amended", "replaced", "expired")


def legal_document(payload, field="document", choices=None):
    payload = struct(payload, field, LEGAL_KEYS)
    values = {
        "number": text(
            payload.get("number"),
            f"{field}.number",
            64,
            required=True,
            pattern=LEGAL_NUMBER_RE,
            example="118/2025/NĐ-CP",
        ),
        "title": text(payload.get("title"), f"{field}.title", 500, required=True),
        "type": choice(
            payload.get("type"),
            f"{field}.type",
            _options(choices, "legal_type"),
            default="other",
        ),
        "issuing_body": text(payload.get("issuing_body"), f"{field}.issuing_body", 255),
        "signed_on": day(payload.get("signed_on"), f"{field}.signed_on"),
        "effective_from": day(payload.get("effective_from"), f"{field}.effective_from"),
        "effective_until": day(
            payload.get("effective_until"), f"{field}.effective_until"
        ),
        "state": choice(
            payload.get("state"),
            f"{field}.state",
            _options(choices, "legal_state"),
            default="in_force",
        ),
        "url": text(payload.get("url"), f"{field}.url", 1000),
    }
    if (
        values["effective_from"]
        and values["effective_until"]
        and values["effective_until"] < values["effective_from"]
    ):
        raise ApiError(
            BAD_ARGUMENT,
            "range",
            field=f"{field}.effective_until",
            min=values["effective_from"].isoformat(),
            max="2100-01-01",
        )
    return values


PROCEDURE_KEYS = (
    "code",
    "name",
    "sector",
    "online_level",
    "result",
    "applicant_type",
    "legal_bases",
    "agencies",
    "cases",
    "components",
    "fees",
    "active",
)
CASE_KEYS = ("name", "deadline", "unit", "same_day")
PROC_COMPONENT_KEYS = ("name", "requirement", "paper_kind", "copies", "case")
FEE_KEYS = ("name", "amount", "type", "case")
ONLINE_LEVELS = ("none", "partial", "full")
REQUIREMENTS = ("mandatory", "conditional", "optional")
PAPER_KINDS = ("original", "copy", "certified_copy", "original_or_copy", "electronic")
FEE_TYPES = ("fee", "charge")


def procedure(payload, field="procedure", choices=None):
    """An administrative procedure of the national catalogue, cleaned."""
    payload = struct(payload, field, PROCEDURE_KEYS)
    cases = []
    for index, case in enumerate(
        items(payload.get("cases"), f"{field}.cases", 50, required=True)
    ):
        path = f"{field}.cases[{index}]"
        case = struct(case, path, CASE_KEYS)
        same_day = case.get("same_day", False)
        if not isinstance(same_day, bool):
            raise ApiError(
                BAD_ARGUMENT, "type", field=f"{path}.same_day", expected="true/false"
            )
        cases.append(
            {
                "name": text(case.get("name"), f"{path}.name", 255, required=True),
                "deadline": number(
                    case.get("deadline"),
                    f"{path}.deadline",
                    0,
                    3650,
                    required=not same_day,
                )
                or 0.0,
                "unit": choice(
                    case.get("unit"),
                    f"{path}.unit",
                    _options(choices, "deadline_unit"),
                    default="day",
                ),
                "same_day": same_day,
            }
        )
    names = [c["name"].lower() for c in cases]
    if len(set(names)) != len(names):
        raise ApiError(
            BAD_ARGUMENT, "format", field=f"{field}.cases", example="distinct names"
        )

    def case_ref(value, path):
        name = text(value, path, 255)
        if name and name.lower() not in names:
            raise ApiError(
                BAD_ARGUMENT,
                "choice",
                field=path,
                choices=", ".join(c["name"] for c in cases),
            )
        return name

    components = []
    for index, comp in enumerate(
        items(payload.get("components"), f"{field}.components", 200)
    ):
        path = f"{field}.components[{index}]"
        comp = struct(comp, path, PROC_COMPONENT_KEYS)
        components.append(
            {
                "name": text(comp.get("name"), f"{path}.name", 500, required=True),
                "requirement": choice(
                    comp.get("requirement"),
                    f"{path}.requirement",
                    _options(choices, "requirement"),
                    default="mandatory",
                ),
                "paper_kind": choice(
                    comp.get("paper_kind"),
                    f"{path}.paper_kind",
                    _options(choices, "paper_kind"),
                    default="original",
                ),
                "copies": number(
                    comp.get("copies"), f"{path}.copies", 1, 100, integer=True
                )
                or 1,
                "case": case_ref(comp.get("case"), f"{path}.case"),
            }
        )
    fees = []
    for index, fee in enumerate(items(payload.get("fees"), f"{field}.fees", 50)):
        path = f"{field}.fees[{index}]"
        fee = struct(fee, path, FEE_KEYS)
        fees.append(
            {
                "name": text(fee.get("name"), f"{path}.name", 255, required=True),
                "amount": number(
                    fee.get("amount"), f"{path}.amount", 0, 10**12, required=True
                ),
                "type": choice(
                    fee.get("type"),
                    f"{path}.type",
                    _options(choices, "fee_type"),
                    default="charge",
                ),
                "case": case_ref(fee.get("case"), f"{path}.case"),
            }
        )
    active = payload.get("active", True)
    if not isinstance(active, bool):
        raise ApiError(
            BAD_ARGUMENT, "type", field=f"{field}.active", expected="true/false"
        )
    return {
        "code": text(
            payload.get("code"),
            f"{field}.code",
            20,
            required=True,
            pattern=TTHC_CODE_RE,
            example="1.001193",
        ),
        "name": text(payload.get("name"), f"{field}.name", 1000, required=True),
        "sector": text(payload.get("sector"), f"{field}.sector", 255),
        "online_level": choice(
            payload.get("online_level"),
            f"{field}.online_level",
            _options(choices, "online_level"),
            default="none",
        ),
        "result": text(payload.get("result"), f"{field}.result", 500),
        "applicant_type": choice(
            payload.get("applicant_type"),
            f"{field}.applicant_type",
            _options(choices, "procedure_applicant_type"),
            default="both",
        ),
        "legal_bases": [
            text(
                n,
                f"{field}.legal_bases[{i}]",
                64,
                required=True,
                pattern=LEGAL_NUMBER_RE,
                example="118/2025/NĐ-CP",
            )
            for i, n in enumerate(
                items(payload.get("legal_bases"), f"{field}.legal_bases", 100)
            )
        ],
        "agencies": [
            text(
                a,
                f"{field}.agencies[{i}]",
                40,
                required=True,
                pattern=AGENCY_CODE_RE,
                example="000.00.31.H56",
            )
            for i, a in enumerate(
                items(payload.get("agencies"), f"{field}.agencies", 1000)
            )
        ],
        "cases": cases,
        "components": components,
        "fees": fees,
        "active": active,
    }


# The accepted keys of each choice when the caller gives none (the static tests).
# The API gives the keys of the models' fields instead (``_qms_api_choices``);
# a test checks that both agree.
CHOICES = {
    "applicant_type": ("person", "organisation"),
    "return_method": RETURN_METHODS,
    "rating_level": RATING_LEVELS,
    "legal_type": LEGAL_TYPES,
    "legal_state": LEGAL_STATES,
    "deadline_unit": ("day", "hour"),
    "requirement": REQUIREMENTS,
    "paper_kind": PAPER_KINDS,
    "fee_type": FEE_TYPES,
    "online_level": ONLINE_LEVELS,
    "procedure_applicant_type": ("individual", "organisation", "both"),
    "notify_channel": ("email", "sms"),
}

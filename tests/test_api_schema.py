"""The integration API's argument checks (pure Python, no Odoo)."""

import base64
import datetime as dt

import pytest

from conftest import load_lib

schema = load_lib("api_schema", addon="qms_onestop")
LIMITS = {"max_files": 2, "max_bytes": 100, "max_components": 3}


def filing(**values):
    payload = {
        "source": "dvc",
        "external_code": "DVC-1",
        "desk": "000.00.31.H56",
        "procedure": "1.001193",
        "applicant": {"name": " Lê Văn Bình "},
    }
    payload.update(values)
    return payload


def error(func, *args):
    with pytest.raises(schema.ApiError) as caught:
        func(*args)
    return caught.value


def test_clean_filing_defaults():
    clean = schema.dossier(filing(channel="level3"), LIMITS)
    assert clean["applicant"]["name"] == "Lê Văn Bình"
    assert clean["channel"] == "online_partial"
    assert clean["return_method"] == "online"
    assert clean["components"] == []


def test_field_paths_and_codes():
    err = error(schema.dossier, filing(applicant={"name": "A", "age": 3}), LIMITS)
    assert (err.status, err.key, err.params["keys"]) == (
        "QMS-400",
        "unknown_keys",
        "age",
    )
    assert "dossier.applicant" in str(err)
    err = error(schema.dossier, filing(procedure="1.1"), LIMITS)
    assert err.key == "format" and err.params["field"] == "dossier.procedure"
    err = error(schema.dossier, filing(external_code=5), LIMITS)
    assert err.key == "type"
    err = error(schema.dossier, "text", LIMITS)
    assert str(err) == "[QMS-400] dossier must be a structure"


def test_files_size_and_base64():
    ok = base64.b64encode(b"%PDF-1.4").decode()
    comp = [{"name": "Tờ khai", "files": [{"name": "a.pdf", "data": ok}]}]
    clean = schema.dossier(filing(components=comp), LIMITS)
    assert clean["components"][0]["files"] == [("a.pdf", None, b"%PDF-1.4")]
    big = base64.b64encode(b"x" * 200).decode()
    comp = [{"name": "Tờ khai", "files": [{"name": "a.pdf", "data": big}]}]
    err = error(schema.dossier, filing(components=comp), LIMITS)
    assert err.status == "QMS-413"
    assert err.params["field"] == "dossier.components[0].files[0].data"
    comp = [{"name": "Tờ khai", "files": [{"name": "a.pdf", "data": "@@@"}]}]
    assert error(schema.dossier, filing(components=comp), LIMITS).key == "base64"
    many = [{"name": str(i)} for i in range(4)]
    assert error(schema.dossier, filing(components=many), LIMITS).status == "QMS-413"


def test_moments_are_utc():
    assert schema.moment("2026-03-02T08:15:00+07:00", "t") == dt.datetime(
        2026, 3, 2, 1, 15
    )
    assert schema.moment("2026-03-02 01:15:00", "t") == dt.datetime(2026, 3, 2, 1, 15)
    assert schema.moment(dt.datetime(2026, 3, 2, 1, 15), "t") == dt.datetime(
        2026, 3, 2, 1, 15
    )
    assert error(schema.moment, "02/03/2026", "t").key == "format"
    assert error(schema.moment, "1900-01-01", "t").key == "range"


def test_procedure_and_legal_document():
    proc = schema.procedure(
        {
            "code": "1.001193",
            "name": "Đăng ký khai sinh",
            "cases": [
                {"name": "Thông thường", "deadline": 3},
                {"name": "Trong ngày", "same_day": True},
            ],
            "fees": [{"name": "Lệ phí", "amount": 0, "case": "thông thường"}],
        }
    )
    assert proc["cases"][1]["deadline"] == 0.0 and proc["fees"][0]["type"] == "charge"
    err = error(
        schema.procedure,
        {
            "code": "1.001193",
            "name": "X",
            "cases": [{"name": "A", "deadline": 1}],
            "fees": [{"name": "F", "amount": 1, "case": "B"}],
        },
    )
    assert err.key == "choice"
    assert (
        error(schema.procedure, {"code": "1.001193", "name": "X", "cases": []}).key
        == "empty_list"
    )
    doc = {
        "number": "118/2025/NĐ-CP",
        "title": "T",
        "effective_from": "2025-07-01",
        "effective_until": "2025-01-01",
    }
    assert error(schema.legal_document, doc).key == "range"


def test_codes_deduplicated():
    codes = schema.codes(["A-1", "A-1", "B-2"], "codes", schema.DOSSIER_CODE_RE, 5, "x")
    assert codes == ["A-1", "B-2"]
    assert schema.codes("A-1", "codes", schema.DOSSIER_CODE_RE, 5, "x") == ["A-1"]
    assert (
        error(schema.codes, [], "codes", schema.DOSSIER_CODE_RE, 5, "x").key
        == "empty_list"
    )

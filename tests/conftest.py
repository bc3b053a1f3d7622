"""Shared helpers of the static tests (they run without Odoo)."""

import datetime as dt
import importlib.util
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
ADDONS = ROOT / "addons"
ADDON_NAMES = ("qms_public_admin", "qms_audit", "qms_onestop")


def load_lib(name, addon="qms_public_admin"):
    """Import ``addons/<addon>/lib/<name>.py`` without importing Odoo."""
    key = f"qms_lib_{addon}_{name}"
    if key not in sys.modules:
        path = ADDONS / addon / "lib" / f"{name}.py"
        spec = importlib.util.spec_from_file_location(key, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]


@pytest.fixture(scope="session")
def workdays():
    return load_lib("workdays")


@pytest.fixture(scope="session")
def vn_calendar(workdays):
    """Mon-Fri 07:30-11:30 and 13:00-17:00, Vietnam's days off 2024-2027."""
    vn = load_lib("vn_holidays")
    rows = vn.vietnam_days(range(2024, 2028))
    off = [d for d, _n, kind in rows if kind != vn.EXTRA_WORKING_DAY]
    extra = [d for d, _n, kind in rows if kind == vn.EXTRA_WORKING_DAY]
    sessions = {w: [(7.5, 11.5), (13.0, 17.0)] for w in range(5)}
    return workdays.WorkCalendar(
        dt.date(2024, 1, 1), dt.date(2027, 12, 31), sessions, off, extra
    )

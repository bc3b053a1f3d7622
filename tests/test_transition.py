"""The server-side switches that open records to their transitions (no Odoo)."""

import datetime as dt
import threading

import pytest

from conftest import load_lib


@pytest.fixture(scope="module")
def transition():
    return load_lib("transition")


def test_unlocked_opens_exactly_the_given_records(transition):
    assert not transition.is_unlocked("qms.audit", [1])
    with transition.unlocked("qms.audit", [1, 2]):
        assert transition.is_unlocked("qms.audit", [1])
        assert transition.is_unlocked("qms.audit", [1, 2])
        assert not transition.is_unlocked("qms.audit", [1, 3])
        assert not transition.is_unlocked("qms.audit.plan", [1])
        assert not transition.is_unlocked("qms.audit", ["new"])
        with transition.unlocked("qms.audit", ["new"]):
            assert transition.is_unlocked("qms.audit", ["new", 2])
        assert not transition.is_unlocked("qms.audit", ["new"])
    assert not transition.is_unlocked("qms.audit", [1])
    assert transition.is_unlocked("qms.audit", [])  # nothing to open


def test_unlocked_closes_on_error(transition):
    with pytest.raises(ValueError):
        with transition.unlocked("qms.onestop.dossier", [7]):
            raise ValueError
    assert not transition.is_unlocked("qms.onestop.dossier", [7])


def test_switches_are_per_thread(transition):
    seen = {}
    inside = threading.Event()
    done = threading.Event()

    def other():
        inside.wait(5)
        seen["unlocked"] = transition.is_unlocked("qms.onestop.dossier", [7])
        seen["clock"] = transition.clock_moment()
        done.set()

    thread = threading.Thread(target=other)
    thread.start()
    moment = dt.datetime(2026, 3, 2, 2, 0)
    with transition.unlocked("qms.onestop.dossier", [7]), transition.clock(moment):
        assert transition.clock_moment() == moment
        inside.set()
        done.wait(5)
    thread.join(5)
    assert seen == {"unlocked": False, "clock": None}
    assert transition.clock_moment() is None

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Generated proofs over the registry: every frozen record of every workflow
model, every record of another agency, every API method with hostile input.

They walk the demo data (a ward and a provincial department with a year of
records in every state), so a new model or state is covered without a new
test. Each walk counts what it tried; the counts are asserted to be non-trivial
so that an empty walk fails instead of passing."""

import logging
import threading
import traceback
import unittest
import uuid
import xmlrpc.client
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo import SUPERUSER_ID, api
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.sql_db import db_connect
from odoo.tests import BaseCase, HttpCase, TransactionCase, tagged
from odoo.tests.common import get_db_name

from ..lib import api_schema

_logger = logging.getLogger(__name__)
OUR_ADDONS = ("qms_public_admin", "qms_audit", "qms_onestop")
# Every context key our code ever read, and more: none may lift a guard.
HOSTILE_CONTEXT = {
    "qms_transition": True,
    "qms_version_transition": True,
    "qms_review_internal": True,
    "qms_minor_version": True,
    "qms_now": "2020-01-01 00:00:00",
    "tracking_disable": True,
    "install_mode": True,
    "active_test": False,
}
CLEAN = (UserError, AccessError, ValidationError, MissingError)
DEMO_LOGINS = (
    "trang.motcua",  # desk officer, ward
    "ngoc.thuly",  # processing specialist, ward
    "vinh.lanhdao",  # approving leader, ward
    "hong.giamsat",  # supervisor, ward
    "tuan.iso",  # ISO officer, ward
    "hai.qmr",  # quality representative, ward
    "huong.iso",  # ISO officer, department of justice
    "bao.dost",  # DOST inspector
    "lan.auditor",  # lead auditor, province
    "dvc.integration",  # integration account
    "lan.dpo",  # data protection officer, ward
)


def our_models(env):
    """Concrete models our addons define or extend, from the registry."""
    rows = env["ir.model"].sudo().search([])
    names = []
    for row in rows:
        modules = set((row.modules or "").replace(" ", "").split(","))
        model = env.registry.get(row.model)
        if (
            model is not None
            and modules & set(OUR_ADDONS)
            and not model._abstract
            and not model._transient
        ):
            names.append(row.model)
    return sorted(names)


def row_counts(env):
    """Rows of every qms_% table and of ir_attachment, in one query."""
    env.flush_all()
    env.cr.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' "
        "AND (table_name LIKE 'qms\\_%%' OR table_name = 'ir_attachment') "
        "ORDER BY table_name"
    )
    tables = [r[0] for r in env.cr.fetchall()]
    env.cr.execute(
        "SELECT " + ", ".join(f'(SELECT count(*) FROM "{t}")' for t in tables)
    )
    return dict(zip(tables, env.cr.fetchone(), strict=True))


def our_frames(exc):
    """The frame that raised ``exc`` when it is in our addons (an unexpected
    error of ours), else nothing (Odoo's own conversions and checks, which our
    overrides merely pass through)."""
    frames = traceback.extract_tb(exc.__traceback__)
    last = frames[-1:] if frames else []
    return [
        f for f in last if "/addons/qms_" in f.filename and "/tests/" not in f.filename
    ]


@tagged("post_install", "-at_install")
class IntegrityCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Users = cls.env["res.users"].with_context(active_test=False)
        cls.users = Users.search([("login", "in", DEMO_LOGINS)])
        if len(cls.users) < len(DEMO_LOGINS) - 1:
            raise unittest.SkipTest("the walks need the demo data")
        cls.admin = cls.env.ref("base.user_admin")
        cls.ward = cls.env.ref("qms_public_admin.agency_commune_hac_thanh")
        cls.justice = cls.env.ref("qms_public_admin.agency_dept_justice")

    def assertRefused(self, attempt, msg):
        """``attempt()`` raises a clean error (and its writes roll back)."""
        try:
            with self.env.cr.savepoint():
                attempt()
        except CLEAN:
            return
        self.fail(f"{msg}: went through")

    def _snapshot(self, record):
        record.invalidate_recordset()
        values = record.sudo().read(
            [n for n, f in record._fields.items() if f.store and f.type != "binary"]
        )[0]
        return {
            k: v for k, v in values.items() if k not in ("write_date", "__last_update")
        }


class TestImmutabilityWalk(IntegrityCase):
    """For every frozen state of every workflow model: write, state change and
    delete, as every demo role and as the administrator, with every ``qms_*``
    context key set, are refused and change nothing."""

    def _locked_models(self):
        for name in our_models(self.env):
            Model = self.env[name]
            if getattr(Model, "_qms_locked_states", None) and hasattr(
                Model, "_qms_state_field"
            ):
                yield Model

    def test_frozen_records_stay_frozen(self):
        tried = models = states = 0
        for Model in self._locked_models():
            state_field = Model._qms_state_field
            frozen_states = [
                s
                for s in Model._qms_locked_states
                if s not in Model._qms_deletable_states
            ]
            models += 1
            for state in frozen_states:
                record = Model.sudo().search([(state_field, "=", state)], limit=1)
                if not record:
                    continue
                states += 1
                other = next(
                    v
                    for v, _label in Model._fields[state_field]._description_selection(
                        self.env
                    )
                    if v != state
                )
                content = self._content_field(Model)
                before = self._snapshot(record)
                for user in self.users | self.admin:
                    rec = record.with_user(user).with_context(**HOSTILE_CONTEXT)
                    attempts = [
                        lambda r=rec, f=state_field, v=other: r.write({f: v}),
                        lambda r=rec: r.unlink(),
                    ]
                    if content:
                        attempts.append(
                            lambda r=rec, c=content: r.write({c: self._value(r, c)})
                        )
                    for attempt in attempts:
                        tried += 1
                        self.assertRefused(
                            attempt, f"{Model._name} {state} as {user.login}"
                        )
                self.assertEqual(
                    self._snapshot(record), before, f"{Model._name} in {state} changed"
                )
        _logger.info(
            "immutability walk: %s models, %s frozen states, %s refused attempts",
            models,
            states,
            tried,
        )
        self.assertGreaterEqual(models, 12)
        self.assertGreaterEqual(states, 12)
        self.assertGreaterEqual(tried, 500)

    def test_lines_of_a_frozen_parent_via_default_keys(self):
        desk = self.users.filtered(lambda u: u.login == "trang.motcua")
        dossier = self.env["qms.onestop.dossier"].search(
            [("state", "=", "returned"), ("receiving_company_id", "=", self.ward.id)],
            limit=1,
        )
        for name, vals in (
            ("qms.onestop.dossier.component", {"name": "Giấy tờ thêm"}),
            ("qms.onestop.dossier.fee", {"name": "Phí thêm", "amount": 1000}),
        ):
            Model = (
                self.env[name]
                .with_user(desk)
                .with_context(default_dossier_id=dossier.id, **HOSTILE_CONTEXT)
            )
            self.assertRefused(lambda M=Model, v=vals: M.create(v), name)

    def _content_field(self, Model):
        """A stored, plain field a user could type into, frozen in a locked
        state."""
        for name in ("name", "reason", "note", "title", "summary", "description"):
            field = Model._fields.get(name)
            if (
                field
                and field.store
                and not field.compute
                and not field.related
                and field.type in ("char", "text", "html")
                and name not in Model._qms_unlocked_fields
            ):
                return name
        return None

    def _value(self, record, name):
        return "X (changed)"


class TestIsolationWalk(IntegrityCase):
    """A user of the ward cannot read, search, write or delete the department's
    records of any of our models, except the documented grants: dossiers
    received at the ward's desk, the records of audits the user is on the team
    of, and (DOST inspector, read only) every agency's records."""

    def _granted(self, user, record):
        """Whether a documented grant lets ``user`` read ``record``."""
        companies = user.company_ids
        if user.has_group("qms_public_admin.group_qms_dost_inspector"):
            return True
        rec = record.sudo()
        if (
            "receiving_company_id" in rec._fields
            and rec.receiving_company_id in companies
        ):
            return True
        if "dossier_id" in rec._fields and rec._fields["dossier_id"].comodel_name == (
            "qms.onestop.dossier"
        ):
            if rec.dossier_id.receiving_company_id in companies:
                return True
        if "rating_id" in rec._fields and rec._fields["rating_id"].comodel_name == (
            "qms.onestop.rating"
        ):
            # A rating's answers go with the rating: its receiving desk too.
            if rec.rating_id.receiving_company_id in companies:
                return True
        if rec._name == "ir.attachment":
            # A dossier's scans go with the dossier: its receiving desk too.
            dossier = rec._qms_dossiers().get(rec.id)
            if dossier and dossier.receiving_company_id in companies:
                return True
        audit = rec if rec._name == "qms.audit" else None
        for path in ("audit_id", "qms_audit_id"):
            if path in rec._fields and rec._fields[path].comodel_name == "qms.audit":
                audit = rec[path]
        if audit and user in audit.team_user_ids:
            return True  # a cross-agency audit team works on its audit
        if rec._name == "qms.auditor":
            return True  # the auditor register is read province-wide
        return False

    def test_other_agency_is_out_of_reach(self):
        ward_users = self.users.filtered(
            lambda u: u.company_ids == self.ward and u.login != "dvc.integration"
        )
        self.assertGreaterEqual(len(ward_users), 5)
        walked = checks = 0
        for name in our_models(self.env):
            Model = self.env[name].sudo().with_context(active_test=False)
            if (
                "company_id" not in Model._fields
                or not Model._fields["company_id"].store
            ):
                continue
            records = Model.search([("company_id", "=", self.justice.id)], limit=3)
            if not records:
                continue
            walked += 1
            for user in ward_users:
                mine = self.env[name].with_user(user).with_context(active_test=False)
                if not mine.has_access("read"):
                    continue
                found = mine.search([("id", "in", records.ids)])
                for rec in found:
                    self.assertTrue(
                        self._granted(user, rec),
                        f"{user.login} finds {name} {rec.id} of the department",
                    )
                for rec in records - found.sudo():
                    checks += 1
                    with self.assertRaises(AccessError, msg=f"{user.login} {name}"):
                        rec.with_user(user).read(["company_id"])
                    hostile = rec.with_user(user).with_context(**HOSTILE_CONTEXT)
                    self.assertRefused(
                        lambda r=hostile: r.write({"company_id": self.ward.id}),
                        f"{user.login} writes {name}",
                    )
                    self.assertRefused(
                        lambda r=hostile: r.unlink(), f"{user.login} deletes {name}"
                    )
                    self.assertEqual(rec.sudo().company_id, self.justice)
        _logger.info(
            "isolation walk: %s models with department records, %s records x users",
            walked,
            checks,
        )
        self.assertGreaterEqual(walked, 10)
        self.assertGreaterEqual(checks, 100)

    def test_dost_inspector_reads_but_never_writes(self):
        inspector = self.users.filtered(lambda u: u.login == "bao.dost")
        dossier = self.env["qms.onestop.dossier"].search(
            [("company_id", "=", self.justice.id), ("state", "=", "returned")], limit=1
        )
        as_inspector = dossier.with_user(inspector)
        self.assertTrue(as_inspector.name)
        self.assertNotEqual(
            as_inspector.applicant_id_number, dossier.sudo().id_number_raw
        )
        with self.assertRaises(AccessError):
            as_inspector.write({"note": "x"})


class TestAttachments(IntegrityCase):
    """Applicants' files belong to the dossier's agency and open only for the
    officers who see the personal data in full; each opening is logged for the
    data protection officer."""

    def test_files_follow_personal_data(self):
        desk = self.users.filtered(lambda u: u.login == "trang.motcua")
        dossier = self.env["qms.onestop.dossier"].search(
            [
                ("company_id", "=", self.justice.id),
                ("receiving_company_id", "=", self.ward.id),
                ("state", "!=", "draft"),
            ],
            limit=1,
        )
        line = dossier.component_ids[:1]
        scan = self.env["ir.attachment"].create(
            {
                "name": "cccd.pdf",
                "raw": b"%PDF-1.4 id card",
                "res_model": line._name,
                "res_id": line.id,
            }
        )
        self.assertEqual(scan.company_id, dossier.company_id)
        # The ward's desk officer received it: she opens the scan, and it is logged.
        self.env.invalidate_all()
        self.assertEqual(scan.with_user(desk).raw, b"%PDF-1.4 id card")
        log = self.env["qms.onestop.personal.access"].search(
            [("dossier_id", "=", dossier.id), ("user_id", "=", desk.id)]
        )
        self.assertEqual(log.mapped("kind"), ["file"])
        # Personal data shown in full is logged too.
        dossier.with_user(desk).read(["applicant_id_number"])
        log = self.env["qms.onestop.personal.access"].search(
            [("dossier_id", "=", dossier.id), ("user_id", "=", desk.id)]
        )
        self.assertEqual(sorted(log.mapped("kind")), ["data", "file"])
        for login in ("huong.iso", "bao.dost", "tuan.iso", "hai.qmr"):
            user = self.users.filtered(lambda u, login=login: u.login == login)
            Attachment = self.env["ir.attachment"].with_user(user)
            self.assertFalse(
                Attachment.search([("id", "=", scan.id)]), f"{login} finds the scan"
            )
            if not dossier.with_user(user).has_access("read"):
                continue
            self.env.invalidate_all()
            with self.assertRaises(AccessError, msg=login):
                scan.with_user(user).read(["raw"])
        # The ward's data protection officer reads the log of her agency only.
        dpo = self.users.filtered(lambda u: u.login == "lan.dpo")
        Log = self.env["qms.onestop.personal.access"].with_user(dpo)
        self.assertFalse(Log.search([("dossier_id", "=", dossier.id)]))
        ward_dossier = self.env["qms.onestop.dossier"].search(
            [("company_id", "=", self.ward.id), ("state", "=", "returned")], limit=1
        )
        ward_dossier.with_user(desk).read(["applicant_phone"])
        self.assertEqual(
            Log.search([("dossier_id", "=", ward_dossier.id)]).user_id, desk
        )
        with self.assertRaises(AccessError):
            Log.search([], limit=1).write({"count": 0})


# ---------------------------------------------------------------- hostile input
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**31), max_value=2**31 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.binary(max_size=30).map(xmlrpc.client.Binary),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(
                st.sampled_from(
                    sorted(
                        set(api_schema.DOSSIER_KEYS)
                        | {"files", "data", "name", "level", "code", "number"}
                        | {"title", "items", "note"}
                    )
                ),
                st.text(max_size=10),
            ),
            inner,
            max_size=6,
        ),
    ),
    max_leaves=12,
)
API_METHODS = (
    "about",
    "receive_dossier",
    "receive_dossiers",
    "dossier_status",
    "dossier_changes",
    "supplement_dossier",
    "withdraw_dossier",
    "rate_dossier",
    "sync_legal_documents",
    "sync_procedures",
)
LANGS = st.one_of(
    st.none(),
    st.sampled_from(["vi_VN", "en_US", "fr_FR", "xx", ""]),
    st.lists(st.text(max_size=3), max_size=2),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2),
    st.integers(),
)


class TestHostileInput(IntegrityCase):
    """Generated malformed calls on every API method, as the integration
    account and as other roles: only documented QMS faults, never a traceback
    from our code, and nothing left behind by a refused call."""

    calls = 0

    @classmethod
    def tearDownClass(cls):
        _logger.info("hostile API calls tried: %s", cls.calls)
        super().tearDownClass()

    def _call(self, user, method, args, lang):
        context = {"lang": lang} if lang is not None else {}
        Api = self.env["qms.onestop.api"].with_user(user)
        before = row_counts(self.env)
        try:
            with self.env.cr.savepoint() as savepoint:
                try:
                    getattr(Api.with_context(**context), method)(*args)
                except CLEAN as exc:
                    message = str(exc.args[0] if exc.args else "")
                    self.assertRegex(message, r"^\[QMS-\d{3}\] ", f"{method}{args!r}")
                    self.assertNotIn("Traceback", message)
                    self.assertEqual(
                        row_counts(self.env), before, f"{method} left rows"
                    )
                    savepoint.rollback()
                    return
                savepoint.rollback()
        except CLEAN:
            return
        except AssertionError:
            raise
        except Exception as exc:  # noqa: BLE001 - the point is to catch them all
            frames = our_frames(exc)
            self.fail(f"{method}{args!r} raised {exc!r} from {frames[-1:]}")
        finally:
            type(self).calls += 1

    @settings(
        max_examples=110,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        method=st.sampled_from(API_METHODS),
        args=st.lists(values, max_size=3),
        lang=LANGS,
        role=st.integers(min_value=0, max_value=2),
    )
    def test_generated_calls_fail_cleanly(self, method, args, lang, role):
        logins = ("dvc.integration", "dvc.integration", "trang.motcua")
        user = self.users.filtered(lambda u: u.login == logins[role])
        self._call(user, method, args, lang)

    @settings(
        max_examples=1000,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        method=st.sampled_from(API_METHODS[1:]),
        item=values,
        lang=LANGS,
    )
    def test_generated_items_fail_cleanly(self, method, item, lang):
        user = self.users.filtered(lambda u: u.login == "dvc.integration")
        many = method in ("receive_dossiers", "sync_legal_documents", "sync_procedures")
        self._call(user, method, [[item] if many else item], lang)

    def test_known_holes(self):
        user = self.users.filtered(lambda u: u.login == "dvc.integration")
        Api = self.env["qms.onestop.api"].with_user(user)
        for lang in (["vi_VN"], {"a": 1}, 5):
            with self.assertRaisesRegex(UserError, r"^\[QMS-400\]"):
                Api.with_context(lang=lang).about()
        # A language that is not installed keeps the code (in the account's
        # language).
        with self.assertRaisesRegex(UserError, r"^\[QMS-404\]"):
            Api.with_context(lang="fr_FR").withdraw_dossier("NO-SUCH-CODE", "x")
        # An XML-RPC <base64> file with a program's bytes reaches the type check.
        exe = xmlrpc.client.Binary(b"MZ\x90\x00" + b"\x00" * 60 + b"PE\x00\x00")
        filing = {
            "source": "hostile.test",
            "external_code": "EXE-1",
            "desk": self.ward.qms_agency_code,
            "procedure": "1.001193",
            "channel": "online_full",
            "applicant": {"name": "Nguyễn Văn A", "phone": "0987654321"},
            "components": [
                {
                    "name": "Tờ khai đăng ký khai sinh theo mẫu",
                    "files": [{"name": "a.exe", "data": exe}],
                }
            ],
        }
        with self.assertRaisesRegex(UserError, r"^\[QMS-415\]"):
            Api.receive_dossier(filing)
        pdf = xmlrpc.client.Binary(b"%PDF-1.4 form")
        filing["components"] = [
            {"name": name, "files": [{"name": "a.pdf", "data": pdf}]}
            for name in (
                "Tờ khai đăng ký khai sinh theo mẫu",
                "Giấy chứng sinh hoặc văn bản của người làm chứng",
            )
        ]
        filing["external_code"] = "PDF-1"
        self.assertTrue(Api.receive_dossier(filing)["code"])

    def test_catalogue_written_only_through_the_api(self):
        user = self.users.filtered(lambda u: u.login == "dvc.integration")
        tthc = self.env["qms.tthc"].search([("code", "=", "1.001193")])
        for Model, record in (
            ("qms.tthc", tthc),
            ("qms.tthc.case", tthc.case_ids[:1]),
            ("qms.tthc.component", tthc.component_ids[:1]),
            ("qms.legal.document", tthc.legal_basis_ids[:1]),
        ):
            as_api = self.env[Model].with_user(user).with_context(**HOSTILE_CONTEXT)
            with self.assertRaises(AccessError, msg=Model):
                record.with_user(user).write({"name": "Đổi tên"})
            with self.assertRaises(AccessError, msg=Model):
                record.with_user(user).unlink()
            with self.assertRaises(AccessError, msg=Model):
                as_api.create({"name": "Mới"})
        self.assertNotEqual(tthc.name, "Đổi tên")


class TestLookupLimits(IntegrityCase):
    """A code is locked for the day after a few wrong second factors, whether
    or not it exists, so the lock says nothing of the code."""

    def test_code_lockout(self):
        Lookup = self.env["qms.onestop.lookup"]
        dossier = self.env["qms.onestop.dossier"].search(
            [("state", "=", "returned"), ("phone_raw", "!=", False)], limit=1
        )
        right = dossier.phone_raw[-4:]
        wrong = "0000" if right != "0000" else "1111"
        salt = uuid.uuid4().hex[:8]
        for attempt in range(3):
            outcome, _values = Lookup._qms_lookup(
                dossier.name, wrong, f"10.{attempt}.0.{salt}"
            )
            self.assertEqual(outcome, "none")
        # From another address, even with the right digits: locked.
        self.assertEqual(
            Lookup._qms_lookup(dossier.name, right, f"10.9.9.{salt}")[0], "code_locked"
        )
        unknown = f"000.00.00.H00-{salt}"
        for _attempt in range(3):
            Lookup._qms_lookup(unknown, wrong, f"10.8.8.{salt}")
        self.assertEqual(
            Lookup._qms_lookup(unknown, wrong, f"10.7.7.{salt}")[0], "code_locked"
        )
        other = self.env["qms.onestop.dossier"].search(
            [("state", "=", "returned"), ("phone_raw", "!=", False)],
            offset=1,
            limit=1,
        )
        self.assertEqual(
            Lookup._qms_lookup(other.name, other.phone_raw[-4:], f"10.6.6.{salt}")[0],
            "found",
        )


@tagged("post_install", "-at_install")
class TestLookupRace(BaseCase):
    """24 requests from one address at the same moment, each in its own
    database transaction (two connections each: the pool allows 64): the
    counter gives each a distinct number, so exactly the limit (10) gets
    through."""

    def test_burst_is_counted_exactly(self):
        db = db_connect(get_db_name())
        key = f"ip:race-{uuid.uuid4().hex}"
        results, errors = [], []
        start = threading.Barrier(24)

        def hit():
            try:
                with db.cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    start.wait(timeout=30)
                    results.append(
                        env["qms.onestop.lookup"]._qms_counts([(key, 15, 1)])[0]
                    )
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        threads = [threading.Thread(target=hit) for _ in range(24)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        with db.cursor() as cr:
            cr.execute(
                "DELETE FROM qms_onestop_lookup_bucket WHERE key = %s "
                "RETURNING attempts",
                [key],
            )
            final = cr.fetchone()[0]
        self.assertFalse(errors)
        self.assertEqual(sorted(results), list(range(1, 25)))
        self.assertEqual(final, 24)
        self.assertEqual(len([r for r in results if r <= 10]), 10)


# ---------------------------------------------------------------- access matrix
def group_columns(env):
    """Our groups (xmlid, short label), in a stable order."""
    data = (
        env["ir.model.data"]
        .sudo()
        .search(
            [("model", "=", "res.groups"), ("module", "in", OUR_ADDONS)],
            order="module, name",
        )
    )
    return [(f"{d.module}.{d.name}", d.name.replace("group_", "")) for d in data]


def actual_matrix(env):
    """{model: {group label: "crud" letters}} from the access rules in force,
    for a user holding just that group (and the internal user group)."""
    Access = env["ir.model.access"]
    matrix = {}
    users = {}
    for xmlid, label in group_columns(env):
        group = env.ref(xmlid)
        users[label] = (
            env["res.users"]
            .sudo()
            .create(
                {
                    "name": f"matrix {label}",
                    "login": f"matrix_{label}",
                    "groups_id": [(6, 0, [env.ref("base.group_user").id, group.id])],
                }
            )
        )
    for model in our_models(env):
        row = {}
        for label, user in users.items():
            letters = "".join(
                letter
                for letter, mode in (
                    ("c", "create"),
                    ("r", "read"),
                    ("u", "write"),
                    ("d", "unlink"),
                )
                if Access.with_user(user).check(model, mode, raise_exception=False)
            )
            row[label] = letters or "-"
        matrix[model] = row
    return matrix


def render_matrix(matrix, labels):
    head = "| model | " + " | ".join(labels) + " |"
    rule = "|---|" + "---|" * len(labels)
    body = [
        f"| `{model}` | " + " | ".join(matrix[model][g] for g in labels) + " |"
        for model in sorted(matrix)
    ]
    return "\n".join([head, rule, *body])


class TestAccessMatrix(IntegrityCase):
    """The group x model x operation matrix declared in
    ``tests/access_matrix.py`` is the one in force, and the README's security
    section shows it."""

    def test_matrix(self):
        from . import access_matrix

        actual = actual_matrix(self.env)
        labels = [label for _xmlid, label in group_columns(self.env)]
        self.assertEqual(
            actual,
            access_matrix.MATRIX,
            "access rules changed: update tests/access_matrix.py and the README "
            "(tools/access_matrix.py prints both)",
        )
        readme = (Path(__file__).parents[3] / "README.md").read_text()
        self.assertIn(render_matrix(access_matrix.MATRIX, labels), readme)


class TestHostileOrm(IntegrityCase):
    """Generated calls of the generic ORM methods on our models, as each demo
    role, with junk values and every ``qms_*`` context key: a refusal is a
    clean error, our code never raises anything else, and a refused call
    leaves no row behind."""

    calls = 0

    @classmethod
    def tearDownClass(cls):
        _logger.info("hostile ORM calls tried: %s", cls.calls)
        super().tearDownClass()

    @settings(
        max_examples=400,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def test_generated_orm_calls(self, data):
        models = our_models(self.env)
        name = data.draw(st.sampled_from(models))
        user = data.draw(st.sampled_from(self.users.sorted("login")))
        Model = self.env[name].with_user(user).with_context(**HOSTILE_CONTEXT)
        fields_ = sorted(n for n, f in Model._fields.items() if f.store)
        vals = data.draw(
            st.dictionaries(
                st.sampled_from(fields_ + ["state", "x_junk"]), scalars, max_size=4
            )
        )
        method = data.draw(
            st.sampled_from(["create", "write", "unlink", "copy", "read", "search"])
        )
        record = self.env[name].sudo().search([], limit=1, order="id desc")
        target = Model.browse(record.ids)
        before = row_counts(self.env)
        type(self).calls += 1
        try:
            with self.env.cr.savepoint() as savepoint:
                try:
                    if method == "create":
                        Model.create(vals)
                    elif method == "write":
                        target.write(vals)
                    elif method == "unlink":
                        target.unlink()
                    elif method == "copy":
                        target.copy(vals)
                    elif method == "read":
                        target.read(list(vals))
                    else:
                        Model.search([(k, "=", v) for k, v in vals.items()], limit=5)
                finally:
                    savepoint.rollback()
        except CLEAN:
            # Refused: nothing it wrote stays (nor anything written aside).
            self.assertEqual(row_counts(self.env), before, f"{name}.{method} rows")
            return
        except AssertionError:
            raise
        except Exception as exc:  # noqa: BLE001 - Odoo's own conversions may fail
            frames = our_frames(exc)
            self.assertFalse(
                frames, f"{name}.{method}({vals!r}) as {user.login}: {exc!r} {frames}"
            )


@tagged("post_install", "-at_install")
class TestFrozenOverRpc(HttpCase):
    """The same refusals through a real XML-RPC client and the demo logins."""

    def test_frozen_over_xmlrpc(self):
        env = self.env
        if not env["res.users"].search([("login", "=", "trang.motcua")]):
            self.skipTest("needs the demo data")
        common = xmlrpc.client.ServerProxy(f"{self.base_url()}/xmlrpc/2/common")
        models = xmlrpc.client.ServerProxy(f"{self.base_url()}/xmlrpc/2/object")
        db = env.cr.dbname
        tried = 0
        for login in ("trang.motcua", "huong.iso", "dvc.integration", "hong.giamsat"):
            uid = common.authenticate(db, login, "demo", {})
            self.assertTrue(uid, login)
            for name in our_models(env):
                Model = env[name]
                states = [
                    s
                    for s in getattr(Model, "_qms_locked_states", ())
                    if s not in getattr(Model, "_qms_deletable_states", ())
                ]
                if not states or not hasattr(Model, "_qms_state_field"):
                    continue
                field = Model._qms_state_field
                record = Model.sudo().search([(field, "in", states)], limit=1)
                if not record:
                    continue
                before = record.read([field, "write_date"])[0]
                for method, args in (
                    ("write", [record.ids, {field: "draft"}]),
                    ("unlink", [record.ids]),
                ):
                    tried += 1
                    with self.assertRaises(xmlrpc.client.Fault, msg=f"{login} {name}"):
                        models.execute_kw(
                            db,
                            uid,
                            "demo",
                            name,
                            method,
                            args,
                            {"context": HOSTILE_CONTEXT},
                        )
                record.invalidate_recordset()
                self.assertEqual(record.read([field, "write_date"])[0], before)
        _logger.info("XML-RPC refusals: %s", tried)
        self.assertGreaterEqual(tried, 60)

"""A province's one-stop data for the benchmarks.

``build_structure`` creates, through the ORM, what staff would configure:
agencies (each with its own copy of the state-agency calendar), their units and
officers, a catalogue of procedures (TTHC) with components, and for each an ISO
procedure whose effective version has 3-8 steps.

``Dossiers.grow`` then adds dossiers received over two years with their
components, processing lines, process log and clock stops, written with
``COPY`` in the shape the ORM writes them: codes per agency and day, due dates
from ``res.company.qms_deadlines``, step due moments and timeliness by the rule
of ``lib/onestop.py``, working time from the agency's calendar. ``check_sample``
recomputes a sample through the ORM and compares.

Shares of outcomes (of the finished dossiers): about 70 % early, 15 % on the
due day, 10 % late; 6 % supplemented once (a clock stop), 3 % partly handled by
another agency (an inter-agency clock stop), 2 % refused, 1 % withdrawn; the
dossiers received in the last ten working days are still open at one of their
steps.
"""

import csv
import datetime as dt
import io
import subprocess
import sys

import numpy as np

SERVICES = [
    ("Đăng ký khai sinh", 1),
    ("Đăng ký kết hôn", 1),
    ("Đăng ký khai tử", 1),
    ("Chứng thực bản sao từ bản chính", 0),
    ("Chứng thực chữ ký trong giấy tờ, văn bản", 0),
    ("Cấp bản sao trích lục hộ tịch", 0),
    ("Đăng ký nhận cha, mẹ, con", 3),
    ("Đăng ký giám hộ", 3),
    ("Xác nhận tình trạng hôn nhân", 3),
    ("Đăng ký thay đổi, cải chính hộ tịch", 3),
    ("Hỗ trợ chi phí mai táng", 5),
    ("Trợ cấp xã hội hằng tháng", 7),
    ("Cấp giấy phép xây dựng nhà ở riêng lẻ", 15),
    ("Đăng ký hộ kinh doanh", 3),
    ("Thay đổi nội dung đăng ký hộ kinh doanh", 3),
    ("Đăng ký biến động đất đai", 10),
    ("Cấp giấy chứng nhận quyền sử dụng đất lần đầu", 20),
    ("Hòa giải tranh chấp đất đai", 12),
    ("Công nhận gia đình văn hóa", 5),
    ("Xác nhận hợp đồng tiếp cận nguồn gen", 7),
]
PLACES = [
    "Hạc Thành",
    "Đông Sơn",
    "Quảng Phú",
    "Hoằng Hóa",
    "Sầm Sơn",
    "Nghi Sơn",
    "Bỉm Sơn",
    "Thọ Xuân",
    "Yên Định",
    "Vĩnh Lộc",
    "Thạch Thành",
    "Hà Trung",
    "Nga Sơn",
    "Hậu Lộc",
    "Quảng Xương",
    "Nông Cống",
    "Triệu Sơn",
    "Thiệu Hóa",
    "Cẩm Thủy",
    "Ngọc Lặc",
]
NAMES = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Minh Châu",
    "Phạm Đức Dũng",
    "Hoàng Thu Hà",
    "Vũ Quang Hải",
    "Đặng Ngọc Lan",
    "Bùi Thanh Long",
    "Đỗ Hữu Nam",
    "Lê Kim Phương",
]
STEP_NAMES = {
    "desk": "Tiếp nhận hồ sơ, lập Giấy tiếp nhận và hẹn trả kết quả",
    "office": "Thẩm định hồ sơ",
    "review": "Kiểm tra, trình ký",
    "sign": "Ký duyệt kết quả",
    "return": "Vào sổ, đóng dấu, trả kết quả",
}
HOUR = 3600
TABLES = (
    "qms_onestop_dossier",
    "qms_onestop_dossier_line",
    "qms_onestop_dossier_log",
    "qms_onestop_dossier_component",
    "qms_onestop_pause",
)


def progress(message):
    print(message, flush=True)


def build_structure(env, agencies=200, per_agency=10, password="bench", seed=2026):
    """Agencies, units, officers (one password for all), procedures in effect.
    Returns the arrays the dossier generator needs."""
    rng = np.random.default_rng(seed)
    env = env(context=dict(env.context, tracking_disable=True, no_reset_password=True))
    base_calendar = env.ref("qms_public_admin.calendar_state_agency")
    progress(f"   agencies: {agencies}")
    companies = env["res.company"].create(
        [
            {
                "name": f"UBND xã {PLACES[i % len(PLACES)]} {i // len(PLACES) + 1}",
                "qms_agency_level": "commune",
                "qms_agency_code": f"000.{30 + i // 100:02d}.{i % 100:02d}.H56",
            }
            for i in range(agencies)
        ]
    )
    calendars = env["resource.calendar"]
    for company in companies:
        calendars |= base_calendar.copy(
            {"name": f"Lịch làm việc {company.name}", "company_id": company.id}
        )
    for company, calendar in zip(companies, calendars, strict=True):
        company.resource_calendar_id = calendar
    progress("   units, officers")
    Unit = env["hr.department"]
    units = {}
    for company in companies:
        for key, name in (
            ("desk", "Bộ phận Một cửa"),
            ("office", "Công chức Tư pháp - Hộ tịch"),
            ("leaders", "Lãnh đạo UBND"),
        ):
            units[company.id, key] = Unit.create(
                {"name": name, "company_id": company.id}
            )
    groups = {
        key: env.ref(f"qms_onestop.group_onestop_{key}")
        for key in ("desk", "processor", "approver", "supervisor")
    }
    user = env.ref("base.group_user")
    officers = {}
    values = []
    for index, company in enumerate(companies):
        for key, group, unit in (
            ("desk", "desk", "desk"),
            ("proc1", "processor", "office"),
            ("proc2", "processor", "office"),
            ("approver", "approver", "leaders"),
            ("supervisor", "supervisor", None),
        ):
            values.append(
                {
                    "name": f"{NAMES[(index + len(values)) % len(NAMES)]} ({key})",
                    "login": f"bench.{index:03d}.{key}",
                    "company_id": company.id,
                    "company_ids": [(6, 0, company.ids)],
                    "groups_id": [(6, 0, [user.id, groups[group].id])],
                    "tz": "Asia/Ho_Chi_Minh",
                    "_unit": unit,
                    "_key": (company.id, key),
                }
            )
    created = env["res.users"].create(
        [{k: v for k, v in val.items() if not k.startswith("_")} for val in values]
    )
    employees = []
    for val, officer in zip(values, created, strict=True):
        officers[val["_key"]] = officer
        if val["_unit"]:
            employees.append(
                {
                    "name": officer.name,
                    "user_id": officer.id,
                    "company_id": val["_key"][0],
                    "department_id": units[val["_key"][0], val["_unit"]].id,
                }
            )
    env["hr.employee"].create(employees)
    # One hash for every bench officer (hashing each would take minutes).
    env.cr.execute(
        "UPDATE res_users SET password = %s WHERE login LIKE 'bench.%%'",
        [env["res.users"]._crypt_context().hash(password)],
    )
    progress(f"   procedures: {agencies * per_agency}")
    tthc_values = []
    for index, company in enumerate(companies):
        for j in range(per_agency):
            name, days = SERVICES[(index + j) % len(SERVICES)]
            tthc_values.append(
                {
                    "code": f"9.{index:03d}{j:03d}",
                    "name": name,
                    "legal_deadline": days,
                    "deadline_uom": "day",
                    "is_same_day": not days,
                    "company_ids": [(6, 0, company.ids)],
                    "component_ids": [
                        (0, 0, {"sequence": 10, "name": "Tờ khai theo mẫu"}),
                        (0, 0, {"sequence": 20, "name": "Giấy tờ tùy thân"}),
                        (
                            0,
                            0,
                            {
                                "sequence": 30,
                                "name": "Văn bản ủy quyền",
                                "requirement": "optional",
                            },
                        ),
                    ],
                }
            )
    tthcs = env["qms.tthc"].create(tthc_values)
    procedures = env["qms.procedure"].create(
        [
            {
                "code": f"QT-{t.code}",
                "name": f"Quy trình {t.name.lower()}",
                "company_id": t.company_ids.id,
                "tthc_case_id": t.case_ids[:1].id,
            }
            for t in tthcs
        ]
    )
    version_values = []
    for procedure, tthc in zip(procedures, tthcs, strict=True):
        company = procedure.company_id.id
        days = tthc.legal_deadline
        inner = int(rng.integers(1, 7))  # 3-8 steps in all
        budget = (days or 0.5) * 8.0 - 1.0
        plan = [("desk", "desk", 0.5)]
        kinds = ["office", "review", "sign"]
        for k in range(inner):
            kind = kinds[min(k, 2)] if k < inner - 1 else "sign"
            plan.append((kind, "leaders" if kind == "sign" else "office", 0))
        share = int(budget / inner * 100) / 100
        plan = [(kind, unit, hours or share) for kind, unit, hours in plan] + [
            ("return", "desk", 0.5)
        ]
        version_values.append(
            {
                "procedure_id": procedure.id,
                "step_ids": [
                    (
                        0,
                        0,
                        {
                            "sequence": (i + 1) * 10,
                            "name": STEP_NAMES[kind],
                            "unit_id": units[company, unit].id,
                            "duration": hours,
                            "duration_uom": "hour",
                        },
                    )
                    for i, (kind, unit, hours) in enumerate(plan)
                ],
            }
        )
    versions = env["qms.procedure.version"].create(version_values)
    versions._qms_transition(
        {"state": "effective", "effective_date": dt.date(2024, 12, 1)}
    )
    env.flush_all()
    return Structure(env, companies, procedures, versions, officers, units)


class Structure:
    """Arrays over the procedures, for vectorised generation."""

    def __init__(self, env, companies, procedures, versions, officers, units):
        self.env = env
        self.companies = companies
        self.codes = {c.id: c.qms_agency_code for c in companies}
        self.procedures = procedures
        self.officers = officers
        self.proc = []
        for procedure, version in zip(procedures, versions, strict=True):
            company = procedure.company_id.id
            steps = version.step_ids.sorted("sequence")
            users = []
            for step in steps:
                if step.unit_id == units[company, "desk"]:
                    users.append(officers[company, "desk"].id)
                elif step.unit_id == units[company, "leaders"]:
                    users.append(officers[company, "approver"].id)
                else:
                    users.append(officers[company, "proc1"].id)
            self.proc.append(
                {
                    "company": company,
                    "tthc": procedure.tthc_case_id.tthc_id.id,
                    "case": procedure.tthc_case_id.id,
                    "procedure": procedure.id,
                    "version": version.id,
                    "days": procedure.tthc_case_id.tthc_id.legal_deadline,
                    "rule": procedure.tthc_case_id.qms_deadline_args(),
                    "steps": steps.ids,
                    "names": steps.mapped("name"),
                    "units": [s.unit_id.id for s in steps],
                    "hours": [s.duration for s in steps],
                    "users": users,
                    "desk": officers[company, "desk"].id,
                    "components": [
                        (
                            c.sequence,
                            c.id,
                            c.copies or 1,
                            c.name,
                            c.requirement,
                            c.paper_kind or None,
                            c.requirement == "mandatory",
                        )
                        for c in procedure.tthc_case_id.tthc_id.component_ids.sorted(
                            "sequence"
                        )
                    ],
                }
            )
        self.proc_company = np.array([p["company"] for p in self.proc])
        self.proc_days = np.array([p["days"] for p in self.proc], dtype=np.float64)
        # Busy procedures are busier (civil status at a commune): Zipf-like.
        ranks = np.arange(1, len(self.proc) + 1)
        weights = 1.0 / np.sqrt(ranks)
        np.random.default_rng(7).shuffle(weights)
        self.weights = weights / weights.sum()

    @classmethod
    def load(cls, env):
        """The structure of a database built earlier by ``build_structure``."""
        companies = env["res.company"].search([("qms_agency_code", "=like", "%.H56")])
        procedures = env["qms.procedure"].search(
            [("company_id", "in", companies.ids), ("code", "=like", "QT-9.%")],
            order="id",
        )
        versions = procedures.mapped("effective_version_id")
        officers = {}
        for officer in env["res.users"].search([("login", "=like", "bench.%")]):
            officers[officer.company_id.id, officer.login.rsplit(".", 1)[1]] = officer
        units = {}
        for unit in env["hr.department"].search([("company_id", "in", companies.ids)]):
            key = {
                "Bộ phận Một cửa": "desk",
                "Công chức Tư pháp - Hộ tịch": "office",
                "Lãnh đạo UBND": "leaders",
            }[unit.name]
            units[unit.company_id.id, key] = unit
        return cls(env, companies, procedures, versions, officers, units)


def _copy(cr, table, columns, rows):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter="\t", lineterminator="\n").writerows(rows)
    buffer.seek(0)
    # Foreign keys are not re-checked row by row: the ids come from the
    # structure and the sequences (the sample check reads them back).
    cr.execute("SET LOCAL session_replication_role = replica")
    cr.copy_expert(
        f"COPY {table} ({', '.join(columns)}) FROM STDIN "
        "WITH (FORMAT csv, DELIMITER E'\\t', NULL '')",
        buffer,
    )
    cr.execute("SET LOCAL session_replication_role = DEFAULT")


def _reserve(cr, table, count):
    """``count`` new ids of ``table`` (as the ORM would draw them)."""
    cr.execute(
        f"SELECT nextval('{table}_id_seq'), setval('{table}_id_seq', "
        f"nextval('{table}_id_seq') + %s - 1)",
        [count],
    )
    first, _last = cr.fetchone()
    return first + 1


def _log(  # noqa: PLR0913 (one argument per column of the log)
    dossier,
    company,
    user,
    action,
    state,
    date,
    *,
    from_line=None,
    to_line=None,
    from_user=None,
    to_user=None,
    from_unit=None,
    to_unit=None,
    timeliness=None,
    reason=None,
):
    """A process log row in ``LOG_COLUMNS`` order (logged by ``user`` at
    ``date``, at the competent agency's own desk)."""
    return (
        dossier, company, company, user, from_line, to_line, from_user, to_user,
        from_unit, to_unit, action, state, timeliness, reason, date, date, user,
    )  # fmt: skip


def classify(done, due):
    """``lib/onestop.classify`` over arrays of local datetime64."""
    late = done > due
    same = done.astype("datetime64[D]") == due.astype("datetime64[D]")
    return np.where(late, "late", np.where(same, "on_time", "early"))


class Dossiers:
    """Grows the dossiers of a ``Structure`` with bulk writes."""

    def __init__(self, structure, start=dt.date(2025, 1, 2), seed=11):
        self.s = structure
        self.env = structure.env
        self.cr = self.env.cr
        self.rng = np.random.default_rng(seed)
        self.start = np.datetime64(start)
        self.now = np.datetime64(dt.datetime.utcnow().replace(microsecond=0), "s")
        company = structure.companies[0]
        self.clock = company._qms_clock()
        self.cal = self.clock.cal
        # Codes go on from those already in the database (a resumed run).
        self.cr.execute(
            r"""SELECT left(name, -5), max(right(name, 4)::int)
                  FROM qms_onestop_dossier WHERE name ~ '-\d{6}-\d{4}$'
              GROUP BY 1"""
        )
        self.counters = dict(self.cr.fetchall())
        self.cr.execute("SELECT count(*) FROM qms_onestop_dossier")
        self.count = self.cr.fetchone()[0]
        self.uid = 1
        self.currency = self.env.ref("base.VND").id

    # --------------------------------------------------------- the moments
    def _positions(self, local):
        return self.cal.positions_batch(local)

    def _moments(self, positions):
        return self.cal.moments_at_batch(np.maximum(positions, 1))

    def grow(self, target, chunk=50_000):
        """Add dossiers until the database holds ``target``. The secondary
        indexes are dropped while rows are copied and built again after (as
        a restore does): the same indexes, much faster than row by row."""
        cr = self.cr
        cr.execute(
            """SELECT i.indexname, i.indexdef FROM pg_indexes i
                WHERE i.tablename = ANY(%s) AND i.schemaname = 'public'
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                                   WHERE c.conname = i.indexname)""",
            [list(TABLES)],
        )
        indexes = cr.fetchall()
        for name, _definition in indexes:
            cr.execute(f'DROP INDEX "{name}"')
        while self.count < target:
            size = min(chunk, target - self.count)
            self._chunk(size)
            self.count += size
            progress(f"   {self.count:>9,} dossiers")
        progress(f"   building {len(indexes)} indexes")
        cr.execute("SET maintenance_work_mem = '1GB'")
        for _name, definition in indexes:
            cr.execute(definition)
        # The monthly figures the results would have counted one by one.
        progress("   monthly on-time figures")
        self.env["qms.onestop.kpi.month"]._qms_rebuild()
        self.cr.commit()
        # A database in service has been vacuumed since its rows were written
        # (autovacuum): so is this one before anything is measured.
        progress("   VACUUM ANALYZE")
        subprocess.run(
            ["psql", "-q", "-d", self.cr.dbname, "-c", "VACUUM ANALYZE"],
            check=True,
        )

    def _chunk(self, m):
        s, rng, cal = self.s, self.rng, self.cal
        proc = rng.choice(len(s.proc), size=m, p=s.weights)
        company = s.proc_company[proc]
        days = s.proc_days[proc]
        now_local = self.clock.to_local_batch(np.array([self.now]))[0]
        today = now_local.astype("datetime64[D]")
        span = (today - self.start).astype(int) - 1
        day = self.start + rng.integers(0, span, m).astype("timedelta64[D]")
        raw = day.astype("datetime64[s]") + rng.integers(
            7 * HOUR, 17 * HOUR + 1800, m
        ).astype("timedelta64[s]")
        received_local = cal.normalize_receipt_batch(raw)
        keep = received_local < now_local - np.timedelta64(1, "h")
        proc, company, days, received_local = (
            proc[keep],
            company[keep],
            days[keep],
            received_local[keep],
        )
        m = len(proc)
        received = self.clock.to_utc_batch(received_local)
        due = np.empty(m, dtype="datetime64[s]")
        for p in np.unique(proc).tolist():
            at = proc == p
            amount, uom, cutoff = s.proc[p]["rule"]
            due[at] = (
                self.env["res.company"]
                .browse(s.proc[p]["company"])
                .qms_deadlines(received[at], amount, uom, cutoff)
            )
        due_local = self.clock.to_local_batch(due)
        # Outcomes.
        r = rng.random(m)
        fate = np.select(
            [r < 0.02, r < 0.03, r < 0.09, r < 0.12, r < 0.22, r < 0.37],
            ["refused", "withdrawn", "supplement", "transfer", "late", "on_time"],
            "early",
        )
        pos_recv = self._positions(received_local)
        pos_due = self._positions(due_local)
        # A clock stop moves the due date by the time it lasted.
        paused = np.isin(fate, ["supplement", "transfer"])
        pause_secs = np.where(paused, rng.integers(1, 5, m) * 8 * HOUR, 0)
        pause_from = pos_recv + ((pos_due - pos_recv) * 0.3).astype(np.int64)
        pos_due = pos_due + pause_secs
        unpaused_due = due_local
        due_local = np.where(paused, self._moments(pos_due), due_local)
        budget = np.maximum(pos_due - pos_recv, HOUR)
        frac = np.where(
            fate == "late",
            1.0 + rng.uniform(0.05, 0.6, m),
            np.where(
                fate == "on_time", rng.uniform(0.97, 1.0, m), rng.uniform(0.1, 0.85, m)
            ),
        )
        pos_done = pos_recv + (budget * frac).astype(np.int64)
        pos_now = self._positions(np.array([now_local]))[0]
        open_ = pos_done >= pos_now - 4 * HOUR
        # An open dossier has not been stopped yet.
        undo = open_ & paused
        pos_due = np.where(undo, pos_due - pause_secs, pos_due)
        due_local = np.where(undo, unpaused_due, due_local)
        paused = paused & ~open_
        pause_secs = np.where(paused, pause_secs, 0)
        pos_done = np.minimum(pos_done, pos_now - 4 * HOUR)
        done_local = self._moments(pos_done)
        timeliness = classify(done_local, due_local)
        pos_return = pos_done + rng.integers(HOUR, 24 * HOUR, m)
        returned = (~open_) & (rng.random(m) < 0.92) & (pos_return < pos_now)
        ids = np.arange(m) + _reserve(self.cr, "qms_onestop_dossier", m)
        names = self._names(company, received_local)
        self._write(locals())

    def _names(self, company, received_local):
        """Codes per agency and day: AGENCY-YYMMDD-NNNN."""
        out = []
        counters = self.counters
        for cid, moment in zip(
            company.tolist(),
            received_local.astype("datetime64[D]").tolist(),
            strict=True,
        ):
            key = f"{self.s.codes[cid]}-{moment:%y%m%d}"
            counters[key] = counters.get(key, 0) + 1
            out.append(f"{key}-{counters[key]:04d}")
        return out

    def _write(self, v):
        s, cr = self.s, self.cr
        m = v["m"]
        to_utc = self.clock.to_utc_batch
        rng = self.rng

        def ts(array):
            return np.datetime_as_string(
                array.astype("datetime64[s]"), unit="s"
            ).tolist()

        received = ts(v["received"])
        due = ts(to_utc(v["due_local"]))
        done_utc = ts(to_utc(v["done_local"]))
        ret_utc = ts(to_utc(self._moments(v["pos_return"])))
        pause_start = ts(to_utc(self._moments(v["pause_from"])))
        pause_end = ts(to_utc(self._moments(v["pause_from"] + v["pause_secs"])))
        now = str(self.now).replace("T", " ")
        proc, fate, open_ = v["proc"], v["fate"], v["open_"]
        returned, timeliness = v["returned"], v["timeliness"]
        worked = v["pos_done"] - v["pos_recv"] - v["pause_secs"]
        day_secs = self.cal.standard_day_seconds
        # How many steps each dossier went through, and where it stands.
        nsteps = np.array([len(s.proc[p]["steps"]) for p in proc.tolist()])
        closed_early = np.isin(fate, ["refused", "withdrawn"]) & ~open_
        stop_at = np.where(
            closed_early | open_,
            (rng.random(m) * (nsteps - 1)).astype(int),
            nsteps,
        )
        line_total = int(nsteps.sum())
        first_line = _reserve(cr, "qms_onestop_dossier_line", line_total)
        line_start = first_line + np.concatenate([[0], np.cumsum(nsteps)[:-1]])
        dossier_rows, line_rows, log_rows, comp_rows, pause_rows = [], [], [], [], []
        currents = []
        step_local_pos = []
        for i in range(m):
            p = s.proc[proc[i]]
            k = nsteps[i]
            hours = np.array(p["hours"])
            # Steps 1..k-1 cover receipt -> result, the last one the return.
            bounds = v["pos_recv"][i] + (
                (v["pos_done"][i] - v["pos_recv"][i])
                * np.concatenate([[0], np.cumsum(hours[:-1]) / hours[:-1].sum()])
            ).astype(np.int64)
            step_local_pos.append((i, bounds, hours))
        # Step moments in one vectorised pass.
        flat_start = np.concatenate([b[:-1] for _i, b, _h in step_local_pos])
        flat_end = np.concatenate([b[1:] for _i, b, _h in step_local_pos])
        flat_hours = np.concatenate([h[:-1] for _i, _b, h in step_local_pos])
        start_local = self._moments(flat_start)
        end_local = self._moments(flat_end)
        due_step_local = self._moments(
            flat_start + (flat_hours * HOUR).astype(np.int64)
        )
        step_time = classify(end_local, due_step_local)
        start_utc = ts(to_utc(start_local))
        end_utc = ts(to_utc(end_local))
        due_step_utc = ts(to_utc(due_step_local))
        # The return step: from the result to the handover.
        ret_due_local = self._moments(v["pos_done"] + HOUR // 2)
        ret_local = self._moments(v["pos_return"])
        ret_time = classify(ret_local, ret_due_local)
        ret_due_utc = ts(to_utc(ret_due_local))
        cursor = 0
        for i in range(m):
            p = s.proc[proc[i]]
            k = int(nsteps[i])
            did = int(v["ids"][i])
            cid = p["company"]
            lid0 = int(line_start[i])
            state = "returned" if returned[i] else "result_ready"
            closing = None
            if fate[i] == "refused" and not open_[i]:
                state, closing = "refused", "Hồ sơ không đủ điều kiện theo quy định."
            elif fate[i] == "withdrawn" and not open_[i]:
                state, closing = "withdrawn", "Người nộp có đơn xin rút hồ sơ."
            elif open_[i]:
                state = "in_progress"
            finished = state in ("returned", "result_ready")
            stop = int(stop_at[i])
            if state == "in_progress":
                currents.append((did, lid0 + stop, p["users"][stop], p["units"][stop]))
            elif state == "result_ready":
                currents.append((did, lid0 + k - 1, p["desk"], p["units"][k - 1]))
            # Lines.
            for j in range(k):
                lid = lid0 + j
                last = j == k - 1
                if last:
                    started = done_utc[i] if finished else None
                    finished_at = ret_utc[i] if state == "returned" else None
                    ldue = ret_due_utc[i] if finished else None
                    ltime = ret_time[i] if state == "returned" else None
                else:
                    started, finished_at = start_utc[cursor + j], end_utc[cursor + j]
                    ldue, ltime = due_step_utc[cursor + j], step_time[cursor + j]
                if state == "in_progress" and j >= stop:
                    lstate = "open" if j == stop else "pending"
                    if j > stop:
                        started = ldue = None
                    finished_at = ltime = None
                elif state in ("refused", "withdrawn") and j >= stop:
                    lstate = "cancelled"
                    if j > stop:
                        started = ldue = finished_at = None
                    ltime = None
                elif last and state == "result_ready":
                    lstate = "open"
                else:
                    lstate = "done"
                spent = None
                if lstate == "done":
                    spent = (
                        round((flat_end[cursor + j] - flat_start[cursor + j]) / HOUR, 2)
                        if not last
                        else round((v["pos_return"][i] - v["pos_done"][i]) / HOUR, 2)
                    )
                line_rows.append(
                    (
                        lid,
                        did,
                        cid,
                        j + 1,
                        p["steps"][j],
                        p["units"][j],
                        p["users"][j] if started else None,
                        p["tthc"],
                        p["names"][j],
                        lstate,
                        ltime,
                        p["hours"][j],
                        spent,
                        last,
                        started,
                        started,
                        ldue,
                        finished_at,
                        None if not ltime else (0.0 if ltime == "late" else 100.0),
                        self.uid,
                        self.uid,
                        now,
                        now,
                    )
                )
            # Process log: receipt, each handoff, then the outcome.
            log_rows.append(
                _log(
                    did,
                    cid,
                    p["desk"],
                    "receive",
                    "in_progress",
                    received[i],
                    to_line=lid0,
                    to_user=p["desk"],
                    to_unit=p["units"][0],
                )
            )
            # Into each next step, the return step included (then the result).
            moves = k - 1 if finished else min(stop, k - 1)
            for j in range(moves):
                log_rows.append(
                    _log(
                        did,
                        cid,
                        p["users"][j],
                        "handoff",
                        "in_progress",
                        end_utc[cursor + j],
                        from_line=lid0 + j,
                        to_line=lid0 + j + 1,
                        from_user=p["users"][j],
                        to_user=p["users"][j + 1],
                        from_unit=p["units"][j],
                        to_unit=p["units"][j + 1],
                        timeliness=step_time[cursor + j],
                    )
                )
            if finished:
                log_rows.append(
                    _log(
                        did,
                        cid,
                        p["users"][k - 2],
                        "result_ready",
                        "result_ready",
                        done_utc[i],
                        timeliness=timeliness[i],
                    )
                )
            if state == "returned":
                log_rows.append(
                    _log(
                        did,
                        cid,
                        p["desk"],
                        "return",
                        "returned",
                        ret_utc[i],
                        from_line=lid0 + k - 1,
                        from_user=p["desk"],
                        from_unit=p["units"][k - 1],
                        timeliness=ret_time[i],
                    )
                )
            if closing:
                log_rows.append(
                    _log(
                        did,
                        cid,
                        p["users"][stop],
                        "refuse" if state == "refused" else "withdraw",
                        state,
                        end_utc[cursor + max(stop - 1, 0)],
                        reason=closing,
                    )
                )
            cursor += k - 1
            # Components: the mandatory ones provided.
            for c in p["components"]:
                comp_rows.append((did, cid, cid, *c, self.uid, self.uid, now, now))
            pause_reason = None
            if v["paused"][i]:  # never an open dossier (see _chunk)
                pause_reason = (
                    "supplement" if fate[i] == "supplement" else "interagency"
                )
                pause_rows.append(
                    (
                        did,
                        cid,
                        cid,
                        pause_reason,
                        pause_start[i],
                        pause_end[i],
                        self.uid,
                        self.uid,
                        now,
                        now,
                    )
                )
                if pause_reason == "supplement":
                    log_rows.append(
                        _log(
                            did,
                            cid,
                            p["users"][1],
                            "supplement_request",
                            "waiting_supplement",
                            pause_start[i],
                        )
                    )
                    log_rows.append(
                        _log(
                            did,
                            cid,
                            p["desk"],
                            "supplement_received",
                            "in_progress",
                            pause_end[i],
                        )
                    )
            proc_days = round(worked[i] / day_secs, 2) if finished else None
            away = (
                round(v["pause_secs"][i] / day_secs, 2)
                if finished and pause_reason == "interagency"
                else (0.0 if finished else None)
            )
            ontime = None
            late = None
            tval = None
            if finished:
                tval = timeliness[i]
                ontime = 0.0 if tval == "late" else 100.0
                late = 100.0 if tval == "late" else 0.0
            dossier_rows.append(
                (
                    did,
                    cid,
                    cid,
                    p["tthc"],
                    p["case"],
                    p["procedure"],
                    p["version"],
                    p["desk"],
                    v["names"][i],
                    state,
                    "counter",
                    "desk",
                    "person",
                    NAMES[i % len(NAMES)],
                    f"0380{rng.integers(10**7, 10**8)}",
                    f"09{rng.integers(10**7, 10**8)}",
                    state == "returned" and NAMES[i % len(NAMES)] or None,
                    tval,
                    received[i][:10],
                    0,
                    proc_days,
                    away,
                    None,
                    received[i],
                    received[i],
                    due[i],
                    due[i],
                    done_utc[i] if finished else None,
                    ret_utc[i] if state == "returned" else None,
                    end_utc[cursor - k + 1 + max(stop - 1, 0)] if closing else None,
                    closing,
                    ret_utc[i]
                    if state == "returned"
                    else (done_utc[i] if finished else received[i]),
                    ontime,
                    late,
                    False,
                    1,
                    self.currency,
                    self.uid,
                    self.uid,
                    now,
                    now,
                )
            )
        _copy(cr, "qms_onestop_dossier", DOSSIER_COLUMNS, dossier_rows)
        _copy(cr, "qms_onestop_dossier_line", LINE_COLUMNS, line_rows)
        # The open step of each open dossier (the lines exist now).
        cr.execute(
            "CREATE TEMP TABLE IF NOT EXISTS bench_current "
            "(id int, line int, usr int, unit int) ON COMMIT DELETE ROWS"
        )
        _copy(cr, "bench_current", ["id", "line", "usr", "unit"], currents)
        cr.execute(
            """UPDATE qms_onestop_dossier d
                  SET current_line_id = c.line, current_user_id = c.usr,
                      current_unit_id = c.unit
                 FROM bench_current c WHERE c.id = d.id;
               TRUNCATE bench_current"""
        )
        _copy(cr, "qms_onestop_dossier_log", LOG_COLUMNS, log_rows)
        _copy(cr, "qms_onestop_dossier_component", COMPONENT_COLUMNS, comp_rows)
        _copy(cr, "qms_onestop_pause", PAUSE_COLUMNS, pause_rows)


DOSSIER_COLUMNS = [
    "id", "company_id", "receiving_company_id", "tthc_id", "tthc_case_id",
    "procedure_id", "procedure_version_id", "received_by_id", "name", "state",
    "channel",
    "return_method", "applicant_type", "applicant_name", "id_number_raw",
    "phone_raw", "returned_to", "timeliness", "receipt_date", "fee_total",
    "processing_days", "interagency_days", "submitted_at", "received_at",
    "clock_start_at", "due_at", "appointment_at", "completed_at", "returned_at",
    "closed_at", "closing_reason", "last_action_at", "on_time_pct", "late_pct",
    "is_stuck", "set_count", "currency_id", "create_uid", "write_uid", "create_date",
    "write_date",
]  # fmt: skip
LINE_COLUMNS = [
    "id", "dossier_id", "company_id", "sequence", "step_id", "unit_id", "user_id",
    "tthc_id", "name", "state", "timeliness", "allotted_hours", "spent_hours",
    "is_return_step", "assigned_at", "started_at", "due_at", "finished_at",
    "on_time_pct", "create_uid", "write_uid", "create_date", "write_date",
]  # fmt: skip
LOG_COLUMNS = [
    "dossier_id", "company_id", "receiving_company_id", "user_id", "from_line_id",
    "to_line_id", "from_user_id", "to_user_id", "from_unit_id", "to_unit_id",
    "action", "state", "step_timeliness", "reason", "date", "create_date",
    "create_uid",
]  # fmt: skip
COMPONENT_COLUMNS = [
    "dossier_id", "company_id", "receiving_company_id", "sequence", "component_id",
    "copies", "name", "requirement", "paper_kind", "provided", "create_uid",
    "write_uid", "create_date", "write_date",
]  # fmt: skip
PAUSE_COLUMNS = [
    "dossier_id", "company_id", "receiving_company_id", "reason", "start_at",
    "end_at", "create_uid", "write_uid", "create_date", "write_date",
]  # fmt: skip


def check_sample(env, size=300, seed=5):
    """Recompute a sample of generated dossiers through the ORM: the due date
    (``qms_deadline``), the stored computed fields, the KPI figures (the rule
    of ``_qms_kpi_values``) and each step's due moment and timeliness. Returns
    the number of dossiers checked; raises on the first difference."""
    from odoo.addons.qms_onestop.lib import onestop

    cr = env.cr
    cr.execute(
        """SELECT d.id FROM qms_onestop_dossier d
            WHERE d.name LIKE '%%.H56-%%'
              AND NOT EXISTS (SELECT 1 FROM qms_onestop_pause p
                               WHERE p.dossier_id = d.id)
            ORDER BY md5(d.id::text || %s) LIMIT %s""",
        [str(seed), size],
    )
    dossiers = env["qms.onestop.dossier"].browse([r for (r,) in cr.fetchall()])
    problems = []
    for d in dossiers:
        company = d.company_id
        expected_due = company.qms_deadline(
            d.received_at, *d.tthc_case_id.qms_deadline_args()
        )
        if expected_due != d.due_at:
            problems.append((d.name, "due_at", d.due_at, expected_due))
        # What the ORM computes for a new dossier of the same procedure.
        probe = d.new(
            {
                "tthc_id": d.tthc_id.id,
                "tthc_case_id": d.tthc_case_id.id,
                "company_id": company.id,
                "receiving_company_id": d.receiving_company_id.id,
                "received_at": d.received_at,
            }
        )
        for f in ("procedure_id", "receipt_date"):
            if probe[f] != d[f]:
                problems.append((d.name, f, d[f], probe[f]))
        # The receipt snapshots the version in effect.
        if d.procedure_version_id != probe.procedure_id.effective_version_id:
            problems.append((d.name, "version", d.procedure_version_id, None))
        expected = [
            (c["name"], c["requirement"], c["requirement"] == "mandatory")
            for c in d._qms_component_values(d.tthc_case_id)
        ]
        got = [(c.name, c.requirement, c.provided) for c in d.component_ids]
        if got != expected:
            problems.append((d.name, "components", got, expected))
        if d.state in ("result_ready", "returned"):
            kpi = d._qms_kpi_values(
                onestop.classify(
                    company._qms_to_local(d.completed_at),
                    company._qms_to_local(d.due_at),
                ),
                d.completed_at,
            )
            for f, value in kpi.items():
                if d[f] != value and not (
                    isinstance(value, float) and abs(d[f] - value) <= 0.011
                ):
                    problems.append((d.name, f, d[f], value))
        for line in d.line_ids.filtered(lambda ln: ln.state == "done"):
            if line.is_return_step:
                continue
            due = company._qms_to_utc(
                company._qms_call(
                    "add_working_hours",
                    company._qms_call(
                        "normalize_receipt", company._qms_to_local(line.started_at)
                    ),
                    line.allotted_hours,
                )
            )
            if abs((due - line.due_at).total_seconds()) > 1:
                problems.append(
                    (d.name, f"line {line.sequence} due_at", line.due_at, due)
                )
            rule = onestop.classify(
                company._qms_to_local(line.finished_at), company._qms_to_local(due)
            )
            if rule != line.timeliness:
                problems.append(
                    (d.name, f"line {line.sequence}", line.timeliness, rule)
                )
        d.current_line_id.mapped("user_id")
        if d.state == "in_progress" and (
            d.current_line_id.state != "open"
            or d.current_user_id != d.current_line_id.user_id
        ):
            problems.append((d.name, "current line", d.current_line_id, None))
    env.invalidate_all()
    if problems:
        for problem in problems[:20]:
            print("   MISMATCH", *problem, file=sys.stderr)
        raise AssertionError(f"{len(problems)} generated values differ from the ORM's")
    return len(dossiers)

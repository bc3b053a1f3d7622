#!/usr/bin/env python3
"""A province's year(s) of dossiers on one machine: every hot path measured at
each size against a baseline of the same run, and drawn against the dossier
count.

Builds (in a throwaway database unless --db names an existing one built by an
earlier run): 200 agencies with their units and officers, 2,000 procedures with
effective versions of 3-8 steps (through the ORM), then dossiers over two years
in stages (default 100,000, 300,000 and 1,000,000) with their lines, logs, components
and clock stops (bulk ``COPY`` in the ORM's shape; a sample is recomputed
through the ORM and compared at each stage, see ``province.py``).

At each stage, in the Odoo process (rolled back afterwards):
- KPIs: on-time rate by agency x procedure x month. Baseline: hand-written SQL
  ``GROUP BY``; measured: ``_read_group`` (reports, indicators, DOST report),
  the public ``read_group`` the pivot and graph views call, ``_qms_kpi_rows``;
- handoff: ``action_handoff`` of open steps by their officers (p50, p95);
- intake: ``receive_dossiers`` (50 a call) and ``receive_dossier``;
- status: ``dossier_status`` of 50 codes; baseline: a ``search_read`` of the
  same 50 dossiers by code;
and against a real server with workers (``--workers``, default 2) over XML-RPC:
- intake: ``receive_dossiers`` of 50, dossiers/s; ``receive_dossier`` p50/p95;
  baseline: a trivial ``read`` of the caller's own user;
- handoff: ``--clients`` (default 8) concurrent clients on distinct dossiers for
  ``--duration`` seconds (default 60): p50/p95, handoffs/s, errors.
Each query of one handoff, one intake and one status call is EXPLAINed; a
sequential scan over a dossier table is reported.

Results: printed, written to bench/province.json and drawn in
bench/province.png (each figure against the dossier count).

Needs Odoo 18, PostgreSQL and about 6 GB of disk for 1,000,000 dossiers.
Usage: python3 bench/bench_province.py [--sizes 100000,300000,1000000] [--db NAME]
       [--keep] [--workers 2] [--clients 8] [--duration 60]
"""

import argparse
import base64
import json
import os
import pathlib
import platform
import random
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import xmlrpc.client

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import province  # noqa: E402
from common import KPI_SQL, median_ms  # noqa: E402

PDF = base64.b64encode(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").decode()
# The tables the generator makes big (it creates no applicant contact and no
# chatter message: a scan of res_partner here is a scan of a small table).
BIG_TABLES = (
    "qms_onestop_dossier",
    "qms_onestop_dossier_line",
    "qms_onestop_dossier_log",
    "qms_onestop_dossier_component",
    "qms_onestop_pause",
)


def addons_path():
    import odoo

    base = pathlib.Path(odoo.__file__).resolve().parent
    paths = [str(base.parent / "addons"), str(base / "addons"), str(ROOT / "addons")]
    return ",".join(p for p in paths if os.path.isdir(p))


def launcher():
    """The command that starts Odoo. With workers, Odoo starts its websocket
    (gevent) process again as ``sys.executable sys.argv[0] gevent``: under
    ``python3 -m odoo`` that is odoo/__main__.py run as a script, which fails
    on its relative import and is respawned forever; the installed ``odoo``
    launcher (odoo-bin) starts it correctly."""
    found = shutil.which("odoo")
    return [found] if found else [sys.executable, "-m", "odoo"]


def odoo_cmd(db, *extra, server=False):
    return [
        *(launcher() if server else [sys.executable, "-m", "odoo"]),
        "-c",
        str(ROOT / "odoo.conf"),
        f"--addons-path={addons_path()}",
        "-d",
        db,
        *extra,
    ]


def pct(values, q):
    values = sorted(values)
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def payloads(tag, count, desk, procedures):
    return [
        {
            "source": "bench.portal",
            "external_code": f"{tag}-{i}",
            "desk": desk,
            "procedure": procedures[i % len(procedures)],
            "applicant": {
                "name": province.NAMES[i % len(province.NAMES)],
                "id_number": f"0380{90000000 + i}",
                "phone": f"09{12000000 + i}",
            },
            "components": [
                {"name": name, "files": [{"name": "scan.pdf", "data": PDF}]}
                for name in ("Tờ khai theo mẫu", "Giấy tờ tùy thân")
            ],
        }
        for i in range(count)
    ]


def desk_and_procedures(structure, index):
    """An agency's code and the codes of the procedures it handles."""
    company = structure.companies[index]
    codes = [
        p.tthc_case_id.tthc_id.code
        for p in structure.procedures
        if p.company_id == company
    ]
    return structure.codes[company.id], codes


# ---------------------------------------------------------------- EXPLAIN
class QueryLog:
    """The SELECTs a block of ORM work runs, to EXPLAIN them afterwards."""

    explained = 0

    def __init__(self, cr):
        self.cr = cr
        self.queries = []

    def __enter__(self):
        cursor = self.cr
        original = cursor.execute
        self.original = original

        def execute(query, params=None, log_exceptions=True):
            text = query.code if hasattr(query, "code") else str(query)
            args = query.params if hasattr(query, "params") else params
            if text.lstrip().upper().startswith("SELECT"):
                self.queries.append((text, args))
            return original(query, params, log_exceptions)

        cursor.execute = execute
        return self

    def __exit__(self, *exc):
        self.cr.execute = self.original

    def scans(self):
        """Sequential scans over the big tables in the plans of the queries."""
        found = []
        QueryLog.explained += len(self.queries)
        for text, args in self.queries:
            try:
                with self.cr.savepoint():
                    self.original("EXPLAIN " + text, args)
                    plan = [line for (line,) in self.cr.fetchall()]
            except Exception:  # noqa: BLE001 (a query that cannot be explained)
                continue
            for line in plan:
                for table in BIG_TABLES:
                    if f"Seq Scan on {table} " in line + " ":
                        found.append((table, " ".join(text.split())[:160]))
        return found


# ---------------------------------------------------------- in the process
def measure_in_process(env, structure, integ, results):
    from odoo import fields

    Dossier = env["qms.onestop.dossier"]
    cr = env.cr
    start, end = "2025-01-01 00:00:00", "2026-12-31 23:59:59"
    domain = [
        ("timeliness", "!=", False),
        ("completed_at", ">=", start),
        ("completed_at", "<=", end),
    ]
    groupby = ["company_id", "tthc_id", "completed_at:month"]

    def sql():
        cr.execute(KPI_SQL, [start, end])
        return cr.fetchall()

    base, rows = median_ms(sql, 3)
    internal, groups = median_ms(
        lambda: Dossier._read_group(domain, groupby, ["__count", "on_time_pct:avg"]),
        3,
    )
    public, pivot = median_ms(
        lambda: Dossier.read_group(domain, ["on_time_pct:avg"], groupby, lazy=False),
        3,
    )
    kpi, _figures = median_ms(
        lambda: Dossier._qms_kpi_rows(
            [], fields.Date.to_date(start), fields.Date.to_date(end[:10])
        ),
        3,
    )
    Month = env["qms.onestop.kpi.month"]
    monthly, figures = median_ms(
        lambda: Month._qms_figures(
            [], start[:10], end[:10], by=("company_id", "tthc_id", "month")
        ),
        3,
    )
    assert len(rows) == len(groups) == len(pivot), (len(rows), len(groups), len(pivot))
    # The monthly figures are those of the dossiers (UTC months in the SQL
    # baseline, local months in the figures: compared in total).
    total = sum(count for *_key, count, _avg in rows)
    assert figures["finished"] == total, (figures["finished"], total)
    assert len(figures["groups"]) <= len(rows) * 1.1
    results.update(
        kpi_groups=len(rows),
        kpi_sql_ms=base,
        kpi_read_group_internal_ms=internal,
        kpi_read_group_pivot_ms=public,
        kpi_rows_ms=kpi,
        kpi_monthly_ms=monthly,
    )
    print(
        f"   KPI groups {len(rows)}: SQL {base:.0f} ms, _read_group {internal:.0f} ms,"
        f" read_group (pivot) {public:.0f} ms, _qms_kpi_rows {kpi:.0f} ms,"
        f" monthly figures {monthly:.0f} ms ({len(figures['groups'])} groups)"
    )

    # Status of 50 codes, against a search_read of the same dossiers.
    cr.execute("SELECT name FROM qms_onestop_dossier ORDER BY md5(id::text) LIMIT 1000")
    codes = [c for (c,) in cr.fetchall()]
    api = env["qms.onestop.api"].with_user(integ)
    times, base_times = [], []
    for i in range(10):
        batch = codes[i * 50 : (i + 1) * 50]
        t = time.perf_counter()
        api.dossier_status(batch)
        times.append((time.perf_counter() - t) * 1e3)
        env.invalidate_all()
        t = time.perf_counter()
        Dossier.with_user(integ).search_read(
            [("name", "in", batch)], ["name", "state", "due_at"]
        )
        base_times.append((time.perf_counter() - t) * 1e3)
        env.invalidate_all()
    with QueryLog(cr) as log:
        api.dossier_status(codes[:50])
    results.update(
        status50_ms=statistics.median(times),
        status50_base_ms=statistics.median(base_times),
    )
    print(
        f"   status of 50: {results['status50_ms']:.0f} ms"
        f" (search_read of the same: {results['status50_base_ms']:.0f} ms)"
    )
    scans = log.scans()

    # Handoff of open steps by their officers.
    cr.execute(
        """SELECT d.id, l.id, l.user_id FROM qms_onestop_dossier d
             JOIN qms_onestop_dossier_line l ON l.id = d.current_line_id
            WHERE d.state = 'in_progress' AND l.state = 'open'
              AND l.user_id IS NOT NULL
         ORDER BY md5(d.id::text) LIMIT 200"""
    )
    todo = cr.fetchall()
    times = []
    for index, (dossier_id, line_id, user_id) in enumerate(todo):
        env.invalidate_all()
        dossier = Dossier.with_user(user_id).browse(dossier_id)
        if index == 0:
            with QueryLog(cr) as log:
                dossier.action_handoff(line_id)
                env.flush_all()
            scans += log.scans()
            continue
        t = time.perf_counter()
        dossier.action_handoff(line_id)
        env.flush_all()
        times.append((time.perf_counter() - t) * 1e3)
    results.update(
        handoff_p50_ms=pct(times, 50),
        handoff_p95_ms=pct(times, 95),
        handoffs=len(times),
    )
    print(
        f"   handoff x{len(times)}: p50 {results['handoff_p50_ms']:.1f} ms,"
        f" p95 {results['handoff_p95_ms']:.1f} ms"
    )

    # Intake.
    desk, procedures = desk_and_procedures(structure, 0)
    tag = f"inproc-{results['dossiers']}"
    with QueryLog(cr) as log:
        api.receive_dossiers(payloads(tag + "-w", 5, desk, procedures))
    scans += log.scans()
    batch_times = []
    for call in range(4):
        t = time.perf_counter()
        out = api.receive_dossiers(payloads(f"{tag}-b{call}", 50, desk, procedures))
        env.flush_all()
        batch_times.append(time.perf_counter() - t)
        assert all(item["ok"] for item in out), out[:2]
    single = []
    for index, payload in enumerate(payloads(f"{tag}-s", 30, desk, procedures)):
        t = time.perf_counter()
        api.receive_dossier(payload)
        env.flush_all()
        if index:
            single.append((time.perf_counter() - t) * 1e3)
    results.update(
        intake_batch_per_s=200 / sum(batch_times),
        intake_single_p50_ms=pct(single, 50),
        intake_single_p95_ms=pct(single, 95),
    )
    print(
        f"   intake: batch {results['intake_batch_per_s']:.1f} dossiers/s,"
        f" single p50 {results['intake_single_p50_ms']:.0f} ms,"
        f" p95 {results['intake_single_p95_ms']:.0f} ms"
    )
    results["seq_scans"] = sorted({f"{t}: {q}" for t, q in scans})
    results["explained"] = QueryLog.explained
    print(
        f"   {QueryLog.explained} queries of a status call, a handoff and an intake"
        f" EXPLAINed: {len(results['seq_scans'])} sequential scans of a big table"
    )
    for line in results["seq_scans"]:
        print(f"   SEQ SCAN {line}")


# ------------------------------------------------------------ over XML-RPC
class Server:
    def __init__(self, db, workers, port):
        self.db, self.workers, self.port = db, workers, port

    def __enter__(self):
        self.log = open(f"/tmp/bench_province_{self.port}.log", "w")  # noqa: SIM115
        self.proc = subprocess.Popen(
            odoo_cmd(
                self.db,
                f"--db-filter=^{self.db}$",
                f"--workers={self.workers}",
                f"--http-port={self.port}",
                f"--gevent-port={self.port + 1}",
                "--max-cron-threads=0",
                "--limit-time-real=900",
                "--limit-time-cpu=900",
                "--limit-memory-soft=4294967296",
                "--limit-memory-hard=6442450944",
                "--log-level=warn",
                server=True,
            ),
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), 1).close()
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError("the server did not start")
        self.common = f"http://127.0.0.1:{self.port}/xmlrpc/2/common"
        self.object = f"http://127.0.0.1:{self.port}/xmlrpc/2/object"
        return self

    def __exit__(self, *exc):
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()
        text = pathlib.Path(self.log.name).read_text(errors="replace")
        self.errors = text.count("Traceback") + text.count(" ERROR ")

    def login(self, login, password="bench"):
        uid = xmlrpc.client.ServerProxy(self.common).authenticate(
            self.db, login, password, {}
        )
        if not uid:
            raise RuntimeError(f"cannot log in as {login}")
        return uid


def measure_server(server, structure, results, clients, duration):
    proxy = xmlrpc.client.ServerProxy(server.object, allow_none=True)
    uid = server.login("bench.integration")
    key = api_keys(structure.env, structure.env["res.users"].browse(uid))[uid]

    def call(model, method, *args, **kwargs):
        return proxy.execute_kw(server.db, uid, key, model, method, list(args), kwargs)

    for _ in range(5):  # each worker checks the password once
        call("res.users", "read", [uid], ["name"])
    base = []
    for _ in range(30):
        t = time.perf_counter()
        call("res.users", "read", [uid], ["name"])
        base.append((time.perf_counter() - t) * 1e3)
    desk, procedures = desk_and_procedures(structure, 1)
    tag = f"rpc-{results['dossiers']}-{int(time.time())}"
    call(
        "qms.onestop.api", "receive_dossiers", payloads(tag + "-w", 5, desk, procedures)
    )
    t = time.perf_counter()
    for n in range(4):
        out = call(
            "qms.onestop.api",
            "receive_dossiers",
            payloads(f"{tag}-b{n}", 50, desk, procedures),
        )
        assert all(item["ok"] for item in out), out[:2]
    batch = 200 / (time.perf_counter() - t)
    single = []
    for payload in payloads(f"{tag}-s", 40, desk, procedures):
        t = time.perf_counter()
        call("qms.onestop.api", "receive_dossier", payload)
        single.append((time.perf_counter() - t) * 1e3)
    results.update(
        rpc_read_p50_ms=pct(base, 50),
        rpc_intake_batch_per_s=batch,
        rpc_intake_single_p50_ms=pct(single, 50),
        rpc_intake_single_p95_ms=pct(single, 95),
    )
    print(
        f"   XML-RPC: trivial read p50 {results['rpc_read_p50_ms']:.0f} ms;"
        f" intake batch {batch:.1f} dossiers/s; single p50"
        f" {results['rpc_intake_single_p50_ms']:.0f} ms,"
        f" p95 {results['rpc_intake_single_p95_ms']:.0f} ms"
    )
    # As many clients as workers (no request waits for a free worker), then
    # the asked number (requests queue for the workers and the 2 cores).
    agencies = structure.companies.ids
    per_client = 4
    concurrent_handoffs(
        server,
        structure,
        results,
        agencies[: server.workers * per_client],
        server.workers,
        duration // 2,
        "_unqueued",
    )
    concurrent_handoffs(
        server,
        structure,
        results,
        agencies[server.workers * per_client :][: clients * per_client],
        clients,
        duration,
    )


def api_keys(env, users):
    """An RPC API key per user, as an integration or a script would log in
    (Odoo checks a key with 6,000 rounds, a password with 600,000)."""
    keys = {}
    for user in users:
        keys[user.id] = (
            env["res.users.apikeys"]
            .with_user(user)
            .sudo()
            ._generate("rpc", "bench_province", None)
        )
    env.cr.commit()
    return keys


def concurrent_handoffs(  # noqa: PLR0913 (a benchmark's knobs)
    server, structure, results, companies, clients, duration, suffix=""
):
    """``clients`` threads share ``companies`` (each its own agencies, so each
    dossier is moved by one client only) and hand off their open steps, as
    each agency's supervisor, for ``duration`` seconds once all are connected
    and each worker has seen each of them (Odoo checks a key and builds a
    user's access caches once per worker process)."""
    env = structure.env
    env.cr.execute(
        """SELECT d.company_id, array_agg(d.id ORDER BY md5(d.id::text))
             FROM qms_onestop_dossier d
            WHERE d.state = 'in_progress'
         GROUP BY d.company_id"""
    )
    work = dict(env.cr.fetchall())
    supervisors = {c: structure.officers[c, "supervisor"] for c in companies}
    keys = api_keys(env, supervisors.values())
    latencies, errors, lock = [], [], threading.Lock()
    barrier = threading.Barrier(clients + 1)

    def client(index):
        mine = companies[index::clients]
        proxy = xmlrpc.client.ServerProxy(server.object, allow_none=True)
        queue = [(c, d) for c in mine for d in work.get(c, [])]
        random.Random(index).shuffle(queue)

        def call(company_id, model, method, *args):
            user = supervisors[company_id]
            return proxy.execute_kw(
                server.db, user.id, keys[user.id], model, method, list(args)
            )

        try:
            for company_id in mine * 2 * server.workers:
                call(
                    company_id,
                    "res.users",
                    "read",
                    [supervisors[company_id].id],
                    ["name"],
                )
        finally:
            barrier.wait()
        deadline = time.time() + duration
        while time.time() < deadline and queue:
            company_id, dossier_id = queue.pop(0)
            try:
                row = call(
                    company_id,
                    "qms.onestop.dossier",
                    "read",
                    [dossier_id],
                    ["state", "current_line_id"],
                )[0]
                if row["state"] != "in_progress" or not row["current_line_id"]:
                    continue
                t = time.perf_counter()
                call(
                    company_id,
                    "qms.onestop.dossier",
                    "action_handoff",
                    [dossier_id],
                    row["current_line_id"][0],
                )
                elapsed = (time.perf_counter() - t) * 1e3
                with lock:
                    latencies.append(elapsed)
                queue.append((company_id, dossier_id))  # its next step, later
            except Exception as exc:  # noqa: BLE001 (counted, not raised in a thread)
                text = getattr(exc, "faultString", str(exc))
                with lock:
                    errors.append(text.strip().splitlines()[-1][:200])

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.time()
    for thread in threads:
        thread.join()
    elapsed = time.time() - started
    figures = {
        "rpc_handoff_clients": clients,
        "rpc_handoff_p50_ms": pct(latencies, 50),
        "rpc_handoff_p95_ms": pct(latencies, 95),
        "rpc_handoffs_per_s": len(latencies) / elapsed,
        "rpc_handoff_errors": len(errors),
    }
    results.update({key + suffix: value for key, value in figures.items()})
    print(
        f"   {clients} clients x {elapsed:.0f} s: {len(latencies)} handoffs"
        f" ({figures['rpc_handoffs_per_s']:.1f}/s), p50"
        f" {figures['rpc_handoff_p50_ms']:.0f} ms, p95"
        f" {figures['rpc_handoff_p95_ms']:.0f} ms, errors {len(errors)}"
    )
    for error in sorted(set(errors))[:5]:
        print(f"   ERROR {error}")


# ------------------------------------------------------------------ sizes
def database_sizes(cr, results):
    cr.execute("SELECT pg_database_size(current_database())")
    results["db_bytes"] = cr.fetchone()[0]
    cr.execute(
        """SELECT relname, pg_total_relation_size(oid) FROM pg_class
            WHERE relname = ANY(%s)""",
        [list(BIG_TABLES)],
    )
    results["tables_bytes"] = dict(cr.fetchall())
    for table in BIG_TABLES:
        cr.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 (constant names)
        results.setdefault("rows", {})[table] = cr.fetchone()[0]
    print(f"   database {results['db_bytes'] / 2**30:.2f} GiB; rows {results['rows']}")


def plot(stages, path):
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: no figure drawn")
        return
    x = [s["dossiers"] for s in stages]
    panels = [
        (
            "KPIs by agency x procedure x month (ms)",
            [
                ("kpi_sql_ms", "SQL GROUP BY (baseline)"),
                ("kpi_read_group_internal_ms", "ORM _read_group (reports)"),
                ("kpi_read_group_pivot_ms", "read_group (pivot)"),
                ("kpi_rows_ms", "ORM _qms_kpi_rows (totals only)"),
                ("kpi_monthly_ms", "monthly figures (dashboard)"),
            ],
        ),
        (
            "Handoff (ms)",
            [
                ("handoff_p50_ms", "in process p50"),
                ("handoff_p95_ms", "in process p95"),
                ("rpc_handoff_p95_ms_unqueued", "XML-RPC, clients = workers, p95"),
                ("rpc_handoff_p95_ms", "XML-RPC, 8 concurrent clients, p95"),
            ],
        ),
        (
            "Intake (dossiers/s)",
            [
                ("intake_batch_per_s", "in process, 50 a call"),
                ("rpc_intake_batch_per_s", "XML-RPC, 50 a call"),
            ],
        ),
        (
            "Single intake and status (ms)",
            [
                ("rpc_intake_single_p95_ms", "receive_dossier p95 (XML-RPC)"),
                ("status50_ms", "dossier_status of 50"),
                ("status50_base_ms", "search_read of 50 (baseline)"),
                ("rpc_read_p50_ms", "trivial XML-RPC read"),
            ],
        ),
        ("Database (GiB)", [("db_gib", "database size")]),
    ]
    for stage in stages:
        stage["db_gib"] = stage["db_bytes"] / 2**30
    fig, axes = plt.subplots(1, len(panels), figsize=(5 * len(panels), 4))
    for ax, (title, series) in zip(axes, panels, strict=True):
        for key, label in series:
            ys = [s.get(key) for s in stages]
            if any(y is not None for y in ys):
                ax.plot(x, ys, marker="o", label=label)
        ax.set_xscale("log")
        ax.set_xlabel("dossiers")
        ax.set_title(title, fontsize=10)
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=7)
        ax.set_ylim(bottom=0)
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    print(f"figure: {path}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,300000,1000000")
    parser.add_argument("--db")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--agencies", type=int, default=200)
    parser.add_argument("--per-agency", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--port", type=int, default=8079)
    parser.add_argument("--out", default=str(ROOT / "bench" / "province"))
    args = parser.parse_args()
    try:
        import odoo
        from odoo import SUPERUSER_ID, api
    except ImportError:
        sys.exit("Odoo 18 is not importable: this benchmark needs it.")
    sizes = [int(s) for s in args.sizes.split(",")]
    db = args.db or f"qms_province_{os.getpid()}"
    fresh = not args.db
    clock = time.perf_counter()
    if fresh:
        print(f"== {db}: installing qms_onestop without demo data")
        subprocess.run(["createdb", db], check=True)
        subprocess.run(
            odoo_cmd(
                db,
                "-i",
                "qms_onestop",
                "--without-demo=all",
                "--stop-after-init",
                "--log-level=warn",
            ),
            check=True,
        )
    odoo.tools.config.parse_config(
        ["-c", str(ROOT / "odoo.conf"), f"--addons-path={addons_path()}"]
    )
    stages = []
    try:
        registry = odoo.modules.registry.Registry(db)
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            if fresh:
                print(f"== structure ({time.perf_counter() - clock:.0f} s)")
                t = time.perf_counter()
                structure = province.build_structure(
                    env, args.agencies, args.per_agency
                )
                integ = (
                    env["res.users"]
                    .with_context(no_reset_password=True)
                    .create(
                        {
                            "name": "Cổng Dịch vụ công (bench)",
                            "login": "bench.integration",
                            "company_id": structure.companies[0].id,
                            "company_ids": [(6, 0, structure.companies.ids)],
                            "groups_id": [
                                (
                                    6,
                                    0,
                                    [
                                        env.ref("base.group_user").id,
                                        env.ref(
                                            "qms_public_admin.group_qms_integration"
                                        ).id,
                                    ],
                                )
                            ],
                        }
                    )
                )
                cr.execute(
                    "UPDATE res_users SET password = %s WHERE id = %s",
                    [env["res.users"]._crypt_context().hash("bench"), integ.id],
                )
                cr.commit()
                print(f"   built in {time.perf_counter() - t:.0f} s")
            structure = province.Structure.load(env)
            integ = env["res.users"].search([("login", "=", "bench.integration")])
            generator = province.Dossiers(structure)
            for size in sizes:
                print(f"== {size:,} dossiers ({time.perf_counter() - clock:.0f} s)")
                t = time.perf_counter()
                generator.grow(size)
                cr.commit()
                print(f"   generated in {time.perf_counter() - t:.0f} s")
                checked = province.check_sample(env)
                print(
                    f"   {checked} sampled dossiers recomputed through the ORM: equal"
                )
                results = {"dossiers": generator.count}
                database_sizes(cr, results)
                measure_in_process(env, structure, integ, results)
                cr.rollback()
                env.invalidate_all()
                registry.clear_cache()
                with Server(db, args.workers, args.port) as server:
                    measure_server(
                        server, structure, results, args.clients, args.duration
                    )
                results["server_errors"] = server.errors
                print(f"   server log: {server.errors} errors or tracebacks")
                stages.append(results)
                # The server's intake and handoffs are real: recount.
                cr.execute("SELECT count(*) FROM qms_onestop_dossier")
                generator.count = cr.fetchone()[0]
    finally:
        if stages:
            meta = {
                "date": time.strftime("%Y-%m-%d"),
                "machine": f"{os.cpu_count()} cores, "
                f"Python {platform.python_version()}",
                "workers": args.workers,
                "stages": stages,
            }
            pathlib.Path(args.out + ".json").write_text(json.dumps(meta, indent=1))
            plot(stages, args.out + ".png")
            summary(stages)
        if fresh and not args.keep:
            odoo.sql_db.close_all()
            subprocess.run(["dropdb", "--if-exists", db], check=False)
    print(f"== done in {time.perf_counter() - clock:.0f} s")


def summary(stages):
    keys = [
        ("kpi_sql_ms", "KPI baseline: SQL GROUP BY (ms)"),
        ("kpi_read_group_internal_ms", "KPI _read_group (ms)"),
        ("kpi_read_group_pivot_ms", "KPI read_group, pivot (ms)"),
        ("kpi_rows_ms", "KPI _qms_kpi_rows (ms)"),
        ("kpi_monthly_ms", "KPI monthly figures, dashboard (ms)"),
        ("handoff_p95_ms", "handoff in process p95 (ms)"),
        ("rpc_handoff_p95_ms_unqueued", "handoff XML-RPC, clients = workers, p95"),
        ("rpc_handoff_p95_ms", "handoff XML-RPC, all clients, p95 (ms)"),
        ("rpc_handoffs_per_s", "handoffs/s, concurrent clients"),
        ("rpc_handoff_errors", "handoff errors"),
        ("server_errors", "server log errors"),
        ("intake_batch_per_s", "intake in process (dossiers/s)"),
        ("rpc_intake_batch_per_s", "intake XML-RPC batch (dossiers/s)"),
        ("rpc_intake_single_p95_ms", "intake XML-RPC single p95 (ms)"),
        ("rpc_read_p50_ms", "baseline: trivial XML-RPC read (ms)"),
        ("status50_ms", "dossier_status of 50 (ms)"),
        ("status50_base_ms", "baseline: search_read of 50 (ms)"),
        ("db_gib", "database (GiB)"),
    ]
    print("\n" + "-" * 44 + "".join(f"{s['dossiers']:>14,}" for s in stages))
    for key, label in keys:
        print(
            f"{label:<44}"
            + "".join(f"{s.get(key, float('nan')):>14.1f}" for s in stages)
        )
    last = stages[-1]
    base = last["kpi_sql_ms"]
    print()
    for label, value in (
        ("KPI read_group (pivot) / SQL", last["kpi_read_group_pivot_ms"] / base),
        ("KPI _read_group / SQL", last["kpi_read_group_internal_ms"] / base),
        ("KPI monthly figures / SQL", last["kpi_monthly_ms"] / base),
        (
            "intake single p95 / trivial read",
            last["rpc_intake_single_p95_ms"] / last["rpc_read_p50_ms"],
        ),
        ("status / search_read", last["status50_ms"] / last["status50_base_ms"]),
    ):
        print(f"{label:<34} x {value:.2f}")


if __name__ == "__main__":
    random.seed(1)
    main()

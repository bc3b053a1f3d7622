#!/usr/bin/env python3
"""The province deployment in small, on this machine: a PostgreSQL primary and
a streaming replica (pg_basebackup -R, second port), Odoo's multi-process
server on both (--workers, the websocket process, the cron worker, the
queue_job runner), and a smoke run against it over XML-RPC and HTTP:

- login, ``about``, ``receive_dossier``, a handoff by the officer the step went
  to, ``dossier_status``, the changes feed, the public lookup page;
- a batch above ``max_batch`` filed by the job runner, polled to the end;
- the proof, from each server's own statistics (pg_stat_user_tables), that the
  status, feed and lookup reads ran on the replica and every write on the
  primary;
- the websocket (gevent) process stays up (no respawn in the log).

With ``--measure`` it also measures, in the same run, status and lookup reads
per second with and without the replica and intake throughput with 1, 2 and 4
workers, and prints a table for bench/RESULTS.md.

    python3 tools/scaleout.py [--db DB] [--keep] [--measure]

The database (default: a new one with the three addons and demo data) lives on
the machine's PostgreSQL (the primary); the replica is a copy of that cluster in
a temporary folder, removed at the end. Needs Odoo 18 importable, its ``odoo``
launcher, PostgreSQL's server binaries, and root (to run them as postgres).
"""

import argparse
import base64
import contextlib
import glob
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import xmlrpc.client

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS = "qms_public_admin,qms_audit,qms_onestop"
REPLICA_PORT = 5439
PDF = base64.b64encode(b"%PDF-1.4 scanned form").decode()


def log(message):
    print(f"[scaleout] {message}", flush=True)


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kwargs)


def as_postgres(cmd):
    return run(["su", "postgres", "-c", cmd])


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pg_bindir():
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not dirs:
        sys.exit("ERROR: PostgreSQL's server binaries are not installed.")
    return dirs[-1]


def odoo_addons_path():
    import odoo

    return f"{os.path.join(os.path.dirname(odoo.__path__[0]), 'addons')},{ROOT}/addons"


def psql(sql, port=None, host=None, db="postgres"):
    import psycopg2

    kwargs = {"dbname": db}
    if port:
        kwargs.update(port=port, host=host)
    with contextlib.closing(psycopg2.connect(**kwargs)) as conn:
        conn.autocommit = True
        with conn.cursor() as cr:
            cr.execute(sql)
            return cr.fetchall() if cr.description else None


# --------------------------------------------------------------- the replica
class Replica:
    """A hot standby of the machine's cluster on REPLICA_PORT."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="qms-replica-")
        self.data = os.path.join(self.dir, "data")
        self.socket = os.path.join(self.dir, "run")
        os.makedirs(self.socket)
        shutil.chown(self.dir, "postgres", "postgres")
        shutil.chown(self.socket, "postgres", "postgres")
        self.bindir = pg_bindir()

    def start(self):
        log("pg_basebackup -R of the primary")
        as_postgres(f"{self.bindir}/pg_basebackup -D {self.data} -R -X stream -c fast")
        # Debian keeps the cluster's configuration outside its data folder:
        # give the copy its own (access rules as the primary's).
        conf = glob.glob("/etc/postgresql/*/main")
        for name in ("pg_hba.conf", "pg_ident.conf"):
            target = os.path.join(self.data, name)
            if conf and not os.path.exists(target):
                shutil.copy(os.path.join(conf[-1], name), target)
                shutil.chown(target, "postgres", "postgres")
        target = os.path.join(self.data, "postgresql.conf")
        if not os.path.exists(target) or conf:
            with open(target, "w") as handle:
                handle.write("hot_standby = on\nmax_connections = 100\n")
            shutil.chown(target, "postgres", "postgres")
        as_postgres(
            f"{self.bindir}/pg_ctl -D {self.data} -l {self.dir}/replica.log -w "
            f"-o '-p {REPLICA_PORT} -k {self.socket} -c hot_standby=on "
            "-c hot_standby_feedback=on' start"
        )
        recovering = psql(
            "SELECT pg_is_in_recovery()", port=REPLICA_PORT, host=self.socket
        )
        assert recovering == [(True,)], "the replica is not a standby"
        log(f"streaming replica up on port {REPLICA_PORT} ({self.socket})")

    def wait_caught_up(self, timeout=30):
        target = psql("SELECT pg_current_wal_lsn()::text")[0][0]
        deadline = time.time() + timeout
        while time.time() < deadline:
            ok = psql(
                f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn",
                port=REPLICA_PORT,
                host=self.socket,
            )[0][0]
            if ok:
                return
            time.sleep(0.1)
        raise RuntimeError("the replica did not catch up")

    def stop(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            as_postgres(f"{self.bindir}/pg_ctl -D {self.data} -m fast -w stop")
        with contextlib.suppress(OSError):
            with open(os.path.join(self.dir, "replica.log")) as handle:
                tail = handle.read()[-2000:]
            if " ERROR: " in tail or "PANIC" in tail:
                log("replica log:\n" + tail)
        shutil.rmtree(self.dir, ignore_errors=True)


# --------------------------------------------------------------- the server
class Server:
    """Odoo's multi-process server through its own launcher."""

    def __init__(self, db, workers, replica=None, crons=1):
        self.db, self.workers, self.replica, self.crons = db, workers, replica, crons
        self.port = free_port()
        self.logfile = tempfile.mktemp(prefix="qms-odoo-", suffix=".log")
        self.proc = None

    def start(self):
        launcher = shutil.which("odoo")
        if not launcher:
            sys.exit("ERROR: Odoo's launcher 'odoo' is not on the PATH.")
        cmd = [
            launcher,
            "-c",
            os.path.join(ROOT, "odoo.conf"),
            f"--addons-path={odoo_addons_path()}",
            "-d",
            self.db,
            f"--db-filter=^{self.db}$",
            f"--workers={self.workers}",
            f"--max-cron-threads={self.crons}",
            f"--http-port={self.port}",
            f"--gevent-port={free_port()}",
            "--load=base,web,queue_job",
            f"--logfile={self.logfile}",
            "--log-level=info",
        ]
        if self.replica:
            cmd += [
                f"--db_replica_host={self.replica.socket}",
                f"--db_replica_port={REPLICA_PORT}",
            ]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True)
        deadline = time.time() + 120
        while time.time() < deadline:
            with contextlib.suppress(OSError):
                urllib.request.urlopen(self.url("/web/login"), timeout=5)
                return self
            time.sleep(0.5)
        raise RuntimeError(f"Odoo did not answer; see {self.logfile}")

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self):
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(30)
            if self.proc.poll() is None:
                os.killpg(self.proc.pid, signal.SIGKILL)

    def log_text(self):
        with open(self.logfile, encoding="utf-8", errors="replace") as handle:
            return handle.read()


class Client:
    def __init__(self, server, login, password):
        self.server, self.db = server, server.db
        common = xmlrpc.client.ServerProxy(server.url("/xmlrpc/2/common"))
        self.uid = common.authenticate(self.db, login, password, {})
        assert self.uid, f"login {login} refused"
        self.password = password
        self.models = xmlrpc.client.ServerProxy(
            server.url("/xmlrpc/2/object"), allow_none=True
        )

    def call(self, model, method, *args, **kwargs):
        return self.models.execute_kw(
            self.db, self.uid, self.password, model, method, list(args), kwargs
        )

    def api(self, method, *args, **kwargs):
        return self.call("qms.onestop.api", method, *args, **kwargs)


def filing(ext, **values):
    payload = {
        "source": "scaleout.smoke",
        "external_code": ext,
        "desk": "000.01.30.H56",
        "procedure": "1.001193",
        "channel": "online_full",
        "applicant": {
            "name": "Lê Văn Bình",
            "id_number": "038095004321",
            "phone": "0987654321",
        },
        "components": [
            {
                "name": "Tờ khai đăng ký khai sinh theo mẫu",
                "files": [{"name": "to-khai.pdf", "data": PDF}],
            },
            {
                "name": "Giấy chứng sinh hoặc văn bản của người làm chứng",
                "files": [{"name": "chung-sinh.pdf", "data": PDF}],
            },
        ],
    }
    payload.update(values)
    return payload


class WebSession:
    """A browser's session: JSON-RPC as the web client calls it."""

    def __init__(self, server, login, password):
        import http.cookiejar
        import json

        self.json = json
        self.server = server
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        self.rpc(
            "/web/session/authenticate",
            {"db": server.db, "login": login, "password": password},
        )

    def rpc(self, path, params):
        body = self.json.dumps({"jsonrpc": "2.0", "method": "call", "params": params})
        request = urllib.request.Request(
            self.server.url(path),
            body.encode(),
            {"Content-Type": "application/json"},
        )
        with self.opener.open(request, timeout=60) as response:
            answer = self.json.loads(response.read())
        assert "error" not in answer, answer.get("error")
        return answer["result"]

    def call_kw(self, model, method, args, kwargs=None):
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )


def lookup(server, code, digits):
    data = urllib.parse.urlencode({"code": code, "digits": digits}).encode()
    with urllib.request.urlopen(server.url("/tra-cuu-ho-so"), data, timeout=30) as r:
        return r.status, r.read().decode()


# --------------------------------------------------------------- statistics
TABLES = ("qms_onestop_dossier", "qms_onestop_dossier_log", "qms_onestop_kpi_month")


def table_stats(port=None, host=None, db=None):
    rows = psql(
        "SELECT relname, coalesce(seq_scan, 0) + coalesce(idx_scan, 0), n_tup_ins "
        "FROM pg_stat_user_tables WHERE relname = ANY(ARRAY"
        f"{list(TABLES)!r})",
        port=port,
        host=host,
        db=db,
    )
    return {name: {"scans": scans, "inserts": ins} for name, scans, ins in rows}


def delta(after, before):
    return {t: {k: after[t][k] - before[t][k] for k in after[t]} for t in after}


# --------------------------------------------------------------- the smoke
def smoke(server, replica, runs=20):
    db = server.db
    portal = Client(server, "dvc.integration", "demo")
    about = portal.api("about")
    assert about["login"] == "dvc.integration", about
    log(f"login and about: {len(about['agencies'])} agencies")

    def stats():
        # A backend reports its counts when idle at most every 10 s.
        time.sleep(11)
        return (
            table_stats(db=db),
            table_stats(port=REPLICA_PORT, host=replica.socket, db=db),
        )

    admin = Client(server, "admin", "admin")
    # A test deployment: the lookup's per-address limit would stop the
    # repeated lookups of one client (the limit has its own tests).
    admin.call(
        "ir.config_parameter", "set_param", "qms_onestop.lookup_max_attempts", "100000"
    )
    primary0, replica0 = stats()
    stamp = int(time.time())
    receipt = portal.api("receive_dossier", filing(f"SMOKE-{stamp}"))
    code = receipt["code"]
    log(f"receive_dossier: {code}, appointment {receipt['appointment_at']}")
    # The desk officer of the receiving ward sees the dossier and its step.
    clerk = Client(server, "trang.motcua", "demo")
    [dossier] = clerk.call(
        "qms.onestop.dossier", "search_read", [("name", "=", code)], ["current_line_id"]
    )
    [line] = clerk.call(
        "qms.onestop.dossier.line", "read", [dossier["current_line_id"][0]], ["user_id"]
    )
    [officer] = clerk.call("res.users", "read", [line["user_id"][0]], ["login"])
    desk = Client(server, officer["login"], "demo")
    desk.call("qms.onestop.dossier", "action_handoff", [dossier["id"]])
    log(f"handoff by {officer['login']}")
    primary1, replica1 = stats()
    replica.wait_caught_up()

    for _n in range(runs):
        [status] = portal.api("dossier_status", [code])
        portal.api("dossier_changes", 0, False, 5)
        page_status, page = lookup(server, code, "4321")
    # A leader's dashboards in the web client: Odoo sends them to the replica.
    leader = WebSession(server, "hong.giamsat", "demo")
    for _n in range(runs):
        months = leader.call_kw(
            "qms.onestop.kpi.month",
            "web_read_group",
            [[], ["finished:sum", "on_time:sum"], ["month:month"]],
        )
        leader.call_kw(
            "qms.onestop.dossier", "web_read_group", [[], ["state"], ["state"]]
        )
    assert "groups" in months, months
    assert status["code"] == code and status["state"] == "in_progress", status
    assert page_status == 200 and 'id="qms-found"' in page, page_status
    log(
        f"dossier_status, dossier_changes, lookup and two dashboard read_groups, "
        f"{runs} times each"
    )
    primary2, replica2 = stats()

    writes_primary = delta(primary1, primary0)
    writes_replica = delta(replica1, replica0)
    reads_primary = delta(primary2, primary1)
    reads_replica = delta(replica2, replica1)
    report = {
        "writes on the primary": writes_primary,
        "writes counted on the replica": writes_replica,
        "reads on the primary": reads_primary,
        "reads on the replica": reads_replica,
    }
    for name, value in report.items():
        log(f"  {name}: {value}")
    dossier_reads_replica = reads_replica["qms_onestop_dossier"]["scans"]
    dossier_reads_primary = reads_primary["qms_onestop_dossier"]["scans"]
    assert writes_primary["qms_onestop_dossier"]["inserts"] == 1, report
    assert writes_primary["qms_onestop_dossier_log"]["inserts"] >= 1, report
    assert all(v["inserts"] == 0 for v in writes_replica.values()), report
    assert dossier_reads_replica >= 3 * runs, report
    assert dossier_reads_primary == 0, report
    assert reads_replica["qms_onestop_dossier_log"]["scans"] >= runs, report
    assert reads_replica["qms_onestop_kpi_month"]["scans"] >= runs, report
    assert reads_primary["qms_onestop_kpi_month"]["scans"] == 0, report
    log(
        f"PROVED: {dossier_reads_replica} dossier scans on the replica, "
        f"{dossier_reads_primary} on the primary during the reads; the writes "
        "(1 dossier, its log) on the primary only"
    )

    # A batch above max_batch goes through the job runner.
    size = int(
        admin.call(
            "ir.config_parameter", "get_param", "qms_onestop.api_max_batch", "50"
        )
    )
    batch = [filing(f"SMOKE-{stamp}-B{n}") for n in range(size + 5)]
    answer = portal.api("receive_dossiers", batch)
    assert answer["state"] == "queued", answer
    deadline = time.time() + 300
    while time.time() < deadline:
        state = portal.api("batch_status", answer["job"])
        if state["state"] in ("done", "failed"):
            break
        time.sleep(1)
    assert state["state"] == "done" and state["done"] == len(batch), state
    assert all(r["ok"] for r in state["results"]), state["results"][:3]
    log(f"batch of {len(batch)} filed by the job runner in {answer['parts']} parts")
    return report


def check_log(server):
    text = server.log_text()
    respawns = text.count("Unable to load module") + text.count(
        "attempted relative import"
    )
    gevent = "Evented Service (longpolling) running" in text or (
        "Evented" in text and "running" in text
    )
    errors = [
        line
        for line in text.splitlines()
        if " ERROR " in line or " CRITICAL " in line or "Traceback" in line
    ]
    # Caches are cleared when something changed them (the smoke's own
    # set_param: once per worker), not at every call: a replica whose
    # signaling sequences are read instead of the primary's would clear them
    # twice per XML-RPC call.
    clears = text.count("Invalidating caches after database signaling")
    reloads = text.count("Reloading the model registry")
    log(f"cache clears by signaling: {clears}, registry reloads: {reloads}")
    assert clears <= 2 * (server.workers + 2), f"{clears} cache clears"
    assert not reloads, f"{reloads} registry reloads"
    assert not respawns, "the websocket process is respawning (see the log)"
    assert gevent, "the websocket (gevent) process did not start"
    assert not errors, "errors in the server log:\n" + "\n".join(errors[:20])
    log("websocket process up, no error in the server log")


# --------------------------------------------------------------- measures
def hammer(clients, seconds, work):
    """Each client runs ``work(client_index, n)`` in a loop; calls/s, p95."""
    stop = time.time() + seconds
    times, errors = [], []

    def loop(index):
        n = 0
        while time.time() < stop:
            start = time.perf_counter()
            try:
                work(index, n)
                times.append(time.perf_counter() - start)
            except Exception as exc:  # noqa: BLE001 - counted and reported
                errors.append(exc)
            n += 1

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(clients)]
    began = time.time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.time() - began
    p95 = statistics.quantiles(times, n=20)[-1] * 1000 if len(times) > 20 else 0
    return len(times) / elapsed, p95, len(errors)


def measure(db, replica, seconds, clients=4):
    """Reads with and without the replica, intake with 1, 2 and 4 workers;
    each against the rate of a trivial XML-RPC call (``common.version``, no
    database) on the same server in the same run."""
    rows = []

    def baseline(server):
        common = [
            xmlrpc.client.ServerProxy(server.url("/xmlrpc/2/common"))
            for _ in range(clients)
        ]
        return hammer(clients, seconds, lambda i, n: common[i].version())

    for label, rep in (("primary only", None), ("primary + replica", replica)):
        server = Server(db, 2, rep, crons=0).start()
        try:
            portal = Client(server, "dvc.integration", "demo")
            code = portal.api("receive_dossier", filing(f"M-{time.time()}"))["code"]
            if rep:
                rep.wait_caught_up()
            pool = [Client(server, "dvc.integration", "demo") for _ in range(clients)]
            base = baseline(server)
            status = hammer(
                clients,
                seconds,
                lambda i, n, c=pool, k=code: c[i].api("dossier_status", [k]),
            )
            page = hammer(
                clients, seconds, lambda i, n, s=server, k=code: lookup(s, k, "4321")
            )
            rows.append((f"trivial call, 2 workers, {label}", *base, base[0]))
            rows.append((f"dossier_status, 2 workers, {label}", *status, base[0]))
            rows.append((f"lookup page, 2 workers, {label}", *page, base[0]))
        finally:
            server.stop()
    for workers in (1, 2, 4):
        server = Server(db, workers, replica, crons=0).start()
        try:
            pool = [Client(server, "dvc.integration", "demo") for _ in range(clients)]
            base = baseline(server)
            tag = f"W{workers}-{int(time.time())}"
            rate = hammer(
                clients,
                seconds,
                lambda i, n, tag=tag, c=pool: c[i].api(
                    "receive_dossier", filing(f"{tag}-{i}-{n}")
                ),
            )
            rows.append((f"trivial call, {workers} worker(s)", *base, base[0]))
            rows.append((f"receive_dossier, {workers} worker(s)", *rate, base[0]))
        finally:
            server.stop()
    print(f"\n{clients} clients that never pause, {seconds} s per line\n")
    print("| path | calls/s | p95 ms | errors | rate / trivial call |")
    print("|---|---|---|---|---|")
    for name, rate, p95, errors, base in rows:
        print(f"| {name} | {rate:.1f} | {p95:.0f} | {errors} | {rate / base:.2f} |")
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="an existing database with demo data")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--measure", action="store_true")
    parser.add_argument("--seconds", type=int, default=20)
    args = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("ERROR: run as root (PostgreSQL's replica runs as postgres).")
    db = args.db or f"qms_scaleout_{os.getpid()}"
    created = not args.db
    replica = Replica()
    server = None
    try:
        if created:
            log(f"installing {ADDONS} with demo data into {db}")
            run(
                [
                    sys.executable,
                    "-m",
                    "odoo",
                    "-c",
                    os.path.join(ROOT, "odoo.conf"),
                    f"--addons-path={odoo_addons_path()}",
                    "-d",
                    db,
                    "-i",
                    ADDONS,
                    "--stop-after-init",
                    "--log-level=warn",
                ],
                cwd=ROOT,
            )
        replica.start()
        server = Server(db, args.workers, replica).start()
        log(f"Odoo with {args.workers} workers on port {server.port}")
        smoke(server, replica)
        time.sleep(2)
        check_log(server)
        server.stop()
        server = None
        if args.measure:
            measure(db, replica, args.seconds)
        log("SMOKE PASSED")
    finally:
        if server:
            server.stop()
        replica.stop()
        if created and not args.keep:
            with contextlib.suppress(subprocess.CalledProcessError):
                run(["dropdb", "--if-exists", db])


if __name__ == "__main__":
    main()

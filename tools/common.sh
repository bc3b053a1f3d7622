# Shared checks of the project's commands (sourced, not run).
# Prints one clear line and exits 2 when a prerequisite is missing.

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2
ADDONS="qms_public_admin,qms_audit,qms_onestop"

have_odoo() {
  python3 -c "import odoo.release as r; assert r.version_info[0] == 18" >/dev/null 2>&1
}

require_odoo() {
  if ! have_odoo; then
    echo "ERROR: Odoo 18.0 is not importable by python3 (install Odoo 18.0 Community first; see README, Prerequisites)." >&2
    exit 2
  fi
}

require_postgres() {
  # Starts an installed but stopped cluster and creates this user's superuser role,
  # saying so in one line; stops with one line when PostgreSQL is not installed.
  if psql -d postgres -tAc "select 1" >/dev/null 2>&1; then
    return 0
  fi
  local me did=""
  me=$(id -un)
  if ! pg_isready -q >/dev/null 2>&1; then
    if ! command -v pg_lsclusters >/dev/null 2>&1; then
      echo "ERROR: PostgreSQL is not installed (install the postgresql package; see README, Prerequisites)." >&2
      exit 2
    fi
    local cluster
    cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
    if [ -z "$cluster" ] || ! pg_ctlcluster $cluster start >/dev/null 2>&1; then
      echo "ERROR: PostgreSQL is installed but could not be started (try: pg_ctlcluster ${cluster:-<version> main} start)." >&2
      exit 2
    fi
    for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
    did="started PostgreSQL cluster $cluster"
  fi
  if ! psql -d postgres -tAc "select 1" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && su postgres -c "createuser -s '$me'" >/dev/null 2>&1; then
      did="${did:+$did; }created the PostgreSQL superuser role '$me'"
    elif sudo -n -u postgres createuser -s "$me" >/dev/null 2>&1; then
      did="${did:+$did; }created the PostgreSQL superuser role '$me'"
    fi
  fi
  if ! psql -d postgres -tAc "select 1" >/dev/null 2>&1; then
    echo "ERROR: PostgreSQL is not reachable for user '$me' (create a superuser role for this user: createuser -s $me)." >&2
    exit 2
  fi
  echo "== set-up: $did"
}

require_python_deps() {
  # Installs the missing pinned requirements (the Odoo-side ones only where Odoo is
  # importable) and says in one line what it installed.
  local missing=""
  missing=$(python3 tools/missing_requirements.py requirements.txt)
  install_requirements "$missing" requirements.txt
  if have_odoo; then
    missing=$(python3 tools/missing_requirements.py requirements-odoo.txt)
    install_requirements "$missing" requirements-odoo.txt
  fi
}

install_requirements() {
  [ -z "$1" ] && return 0
  # shellcheck disable=SC2086  # one requirement per word
  if ! python3 -m pip install -q --disable-pip-version-check $1 >/dev/null 2>&1; then
    echo "ERROR: could not install the missing Python packages: $(echo $1) (run: pip install -r $2)." >&2
    exit 2
  fi
  echo "== set-up: installed what $2 lists and was missing: $(echo $1)"
}

require_oca() {
  local missing
  missing=$(python3 - <<'PY'
import importlib.util
mods = ["base_tier_validation", "report_xlsx", "mgmtsystem_action",
        "mgmtsystem_objective", "mgmtsystem_nonconformity", "queue_job"]
print(" ".join(m for m in mods if importlib.util.find_spec("odoo.addons." + m) is None))
PY
)
  if [ -n "$missing" ]; then
    echo "ERROR: missing OCA addons: $missing (run: pip install -r requirements-odoo.txt)." >&2
    exit 2
  fi
}

odoo_addons_path() {
  python3 -c "import odoo, os; print(os.path.join(os.path.dirname(odoo.__path__[0]), 'addons'))"
}

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
  if ! psql -d postgres -tAc "select 1" >/dev/null 2>&1; then
    echo "ERROR: PostgreSQL is not reachable for user '$(id -un)' (start it and create a superuser role for this user; see README, Prerequisites)." >&2
    exit 2
  fi
}

require_python_deps() {
  local missing
  missing=$(python3 - <<'PY'
import importlib.util
mods = {"holidays": "holidays", "numpy": "numpy", "pytest": "pytest"}
print(" ".join(n for m, n in mods.items() if importlib.util.find_spec(m) is None))
PY
)
  if [ -n "$missing" ]; then
    echo "ERROR: missing Python packages: $missing (run: pip install -r requirements.txt)." >&2
    exit 2
  fi
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

#!/usr/bin/env bash
# Installs each addon alone (with and without demo data) and all three together, then
# uninstalls them; fails on an error or warning in any log. Needs Odoo 18.
set -uo pipefail
source "$(dirname "$0")/common.sh"
require_odoo
require_postgres
require_oca
ADDONS_PATH="$(odoo_addons_path),$PWD/addons"
LOG="$(mktemp -t qms-check-XXXX.log)"
fail=0

run() {  # run <db> <odoo args...>
  local db=$1; shift
  : > "$LOG"
  if ! python3 -m odoo -c odoo.conf --addons-path="$ADDONS_PATH" -d "$db" "$@" \
      --stop-after-init --log-level=info --logfile="$LOG"; then
    echo "FAILED: $db $*"; tail -20 "$LOG"; fail=1; return
  fi
  if grep -E " (WARNING|ERROR|CRITICAL) " "$LOG" | grep -v "Running as user 'root'" | head -5 | grep .; then
    echo "WARNINGS: $db $*"; fail=1
  fi
}

uninstall() {  # uninstall <db> <module...>
  local db=$1; shift
  local mods; mods=$(printf "'%s'," "$@")
  python3 -m odoo shell -c odoo.conf --addons-path="$ADDONS_PATH" -d "$db" --log-level=warn \
    --no-http <<PY 2>&1 | grep -v "Running as user" | tail -5
names = [${mods%,}]
env['ir.module.module'].search([('name', 'in', names), ('state', '=', 'installed')]).button_immediate_uninstall()
env.cr.commit()
env.invalidate_all()
states = sorted(set(env['ir.module.module'].search([('name', 'in', names)]).mapped('state')))
left = env['ir.model'].search([('model', '=like', 'qms.%')]).mapped('model')
print('UNINSTALLED', states, 'models left:', left)
PY
}

for spec in "qms_public_admin:demo" "qms_public_admin:nodemo" "qms_audit:demo" "qms_onestop:nodemo" "qms_public_admin,qms_audit,qms_onestop:nodemo"; do
  mods=${spec%%:*}; demo=${spec##*:}
  db="qms_check_$$"
  dropdb --if-exists "$db" >/dev/null 2>&1
  args=(-i "$mods")
  [ "$demo" = nodemo ] && args+=(--without-demo=all)
  echo "== install $mods ($demo)"
  run "$db" "${args[@]}"
  echo "== uninstall $mods"
  # Uninstalling the core takes the addons that depend on it along.
  out=$(uninstall "$db" qms_public_admin qms_audit qms_onestop); echo "$out"
  if ! echo "$out" | grep -q "UNINSTALLED \['uninstalled'\] models left: \[\]" \
      || echo "$out" | grep -qE " (ERROR|WARNING|CRITICAL) "; then
    echo "FAILED: uninstall $mods"; fail=1
  fi
  dropdb --if-exists "$db" >/dev/null 2>&1
done
rm -f "$LOG"
[ $fail = 0 ] && echo "== all install/uninstall checks passed" || echo "== install/uninstall checks FAILED"
exit $fail

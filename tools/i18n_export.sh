#!/usr/bin/env bash
# Regenerates the addons' .pot files from a scratch database and merges them into
# vi.po (tools/i18n_merge.py), then formats the .po files as OCA's hook wants.
# Usage: tools/i18n_export.sh [TRANSLATIONS.py]
set -uo pipefail
source "$(dirname "$0")/common.sh"
require_odoo
require_postgres
ADDONS_PATH="$(odoo_addons_path),$PWD/addons"
DB="qms_i18n_$$"
trap 'dropdb --if-exists "$DB" >/dev/null 2>&1' EXIT
python3 -m odoo -c odoo.conf --addons-path="$ADDONS_PATH" -d "$DB" -i "$ADDONS" \
  --without-demo=all --stop-after-init --log-level=warn \
  || { echo "ERROR: installing the addons failed; nothing exported." >&2; exit 1; }
rc=0
for m in ${ADDONS//,/ }; do
  python3 -m odoo -c odoo.conf --addons-path="$ADDONS_PATH" -d "$DB" --modules="$m" \
    --i18n-export="addons/$m/i18n/$m.pot" --stop-after-init --log-level=warn
  python3 tools/i18n_merge.py "$m" "$@" || rc=1
done
oca-checks-po --fix addons/*/i18n/vi.po >/dev/null 2>&1
exit $rc

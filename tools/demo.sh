#!/usr/bin/env bash
# Creates the demo database (three addons, demo data) if it does not exist yet and
# serves it on http://localhost:8069. QMS_DEMO_DB overrides the database name.
set -uo pipefail
source "$(dirname "$0")/common.sh"
require_odoo
require_postgres
require_python_deps
require_oca

DB="${QMS_DEMO_DB:-qms_demo}"
ADDONS_PATH="$(odoo_addons_path),$PWD/addons"
if ! psql -d postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
  echo "== creating database $DB with $ADDONS and demo data (about a minute)"
  python3 -m odoo -c odoo.conf --addons-path="$ADDONS_PATH" -d "$DB" -i "$ADDONS" \
    --load-language=vi_VN --stop-after-init --log-level=warn \
    || { echo "ERROR: creating $DB failed." >&2; exit 1; }
  # The demo officers work in Vietnamese, in Vietnam's time (admin stays in English).
  python3 -m odoo shell -c odoo.conf --addons-path="$ADDONS_PATH" -d "$DB" --no-http \
    --log-level=warn >/dev/null <<'PY'
env["res.users"].search([("login", "like", "%.%")]).write(
    {"lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh"}
)
# Build the web client's assets now: otherwise the first login waits minutes.
for name in ("web.assets_web", "web.assets_frontend"):
    bundle = env["ir.qweb"]._get_asset_bundle(name)
    bundle.js()
    bundle.css()
env.cr.commit()
PY
  echo "== web client assets built"
fi
cat <<MSG
== serving $DB on http://localhost:8069  (Ctrl+C stops it)
   Logins (password in brackets):
     admin        [admin]  administrator, every agency
     huong.iso    [demo]   ISO officer, Sở Tư pháp
     thanh.qmr    [demo]   quality representative, Sở Tư pháp
     long.giamdoc [demo]   director of Sở Tư pháp (chairs its management reviews)
     tuan.iso     [demo]   ISO officer, UBND phường Hạc Thành
     hai.qmr      [demo]   quality representative;  phuc.chutich [demo] chairman, phường Hạc Thành
     bao.dost     [demo]   DOST inspector (read-only, every agency)
     lan.auditor  [demo]   lead auditor;  nam.auditor [demo] auditor
     trang.motcua [demo]   one-stop desk officer;  anh.thuly [demo] processing specialist
     vinh.lanhdao [demo]   approving leader;  hong.giamsat [demo] supervisor
     dvc.integration [demo] XML-RPC integration account
MSG
exec python3 -m odoo -c odoo.conf --addons-path="$ADDONS_PATH" -d "$DB" --db-filter="^$DB\$" \
  --load=base,web,queue_job

# Pure-Python helpers (no Odoo import): covered by the static tests in tests/.

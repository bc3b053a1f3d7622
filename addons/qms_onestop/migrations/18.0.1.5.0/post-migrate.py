# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.5.0 keeps on-time figures per agency, procedure and month: count the
results recorded before the upgrade."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["qms.onestop.kpi.month"]._qms_rebuild()

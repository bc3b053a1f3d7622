# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class ResourceCalendarAttendance(models.Model):
    """Office hours changed: the cached working-day engines are stale."""

    _name = "resource.calendar.attendance"
    _inherit = ["resource.calendar.attendance", "qms.workday.cache.mixin"]

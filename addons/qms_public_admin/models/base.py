# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class Base(models.AbstractModel):
    _inherit = "base"

    def _qms_today(self):
        """Today at these records' agency (its calendar's time zone), else in
        Vietnam: the date deadlines, reminders and stamps are counted in,
        whatever the time zone of the user (or cron) asking."""
        return self.env["res.company"]._qms_today_for(self)

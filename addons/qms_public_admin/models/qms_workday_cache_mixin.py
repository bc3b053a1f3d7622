# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class QmsWorkdayCacheMixin(models.AbstractModel):
    """Data the working-day engines are built from: any change clears their cache.

    Used by holidays, working calendars and their attendances.
    """

    _name = "qms.workday.cache.mixin"
    _description = "Working-Day Engine Source"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env["res.company"]._qms_clear_clocks()
        return records

    def write(self, vals):
        result = super().write(vals)
        self.env["res.company"]._qms_clear_clocks()
        return result

    def unlink(self):
        result = super().unlink()
        self.env["res.company"]._qms_clear_clocks()
        return result

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class QmsPrecheckMixin(models.AbstractModel):
    """Runs the model's ``_qms_prechecks`` (constraint methods) on the values
    about to be written, before anything reaches the database: bad input is
    refused with nothing written, even inside a longer transaction. The
    methods stay ``@api.constrains`` too."""

    _name = "qms.precheck.mixin"
    _description = "Checks Run Before Writing"

    _qms_prechecks = ()

    def _qms_run_prechecks(self, records):
        for method in self._qms_prechecks:
            getattr(records, method)()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._qms_run_prechecks(self.new(vals))
        return super().create(vals_list)

    def write(self, vals):
        for record in self:
            self._qms_run_prechecks(record.new(vals, origin=record))
        return super().write(vals)

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class QmsChildMixin(models.AbstractModel):
    """A line of a record (a team or planned audit of a plan, a program line,
    checklist line or finding of an audit) created, changed and deleted only
    while its parent accepts changes: ``_qms_check_parent`` raises otherwise."""

    _name = "qms.child.mixin"
    _description = "Line Frozen with Its Parent"

    _qms_parent_field = None
    # Bookkeeping the system writes whatever the parent's state.
    _qms_free_fields = frozenset()

    def _qms_check_parent(self, parents):
        parents._qms_check_editable()

    @api.model_create_multi
    def create(self, vals_list):
        field = self._qms_parent_field
        self._qms_check_parent(
            self.env[self._fields[field].comodel_name].browse(
                [vals[field] for vals in vals_list if vals.get(field)]
            )
        )
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - self._qms_free_fields:
            self._qms_check_parent(self[self._qms_parent_field])
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_parent_editable(self):
        self._qms_check_parent(self[self._qms_parent_field])

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class QmsChildMixin(models.AbstractModel):
    """A line of a frozen record (a team or planned audit of a plan, a checklist
    line of an audit, a component of a dossier): created, changed and deleted only
    while its parent accepts changes, or by a transition of the line or of its
    parent. ``_qms_free_fields`` stay writable (scans added to a component...)."""

    _name = "qms.child.mixin"
    _inherit = ["qms.transition.mixin"]
    _description = "Line Frozen with Its Parent"

    _qms_parent_field = None
    _qms_free_fields = frozenset()

    def _qms_check_parent(self, parents):
        """Raise unless ``parents`` accept changes of their lines."""
        parents._qms_check_editable()

    def _qms_check_lines(self, parents):
        if (self and self._qms_in_transition()) or (
            parents and parents._qms_in_transition()
        ):
            return
        self._qms_check_parent(parents)

    @api.model_create_multi
    def create(self, vals_list):
        field = self._qms_parent_field
        # The parent may come from the values or from a ``default_`` key of
        # the caller's context: both are checked.
        default = self.env.context.get(f"default_{field}")
        ids = [vals.get(field) or default for vals in vals_list]
        parents = self.env[self._fields[field].comodel_name].browse(
            [pid for pid in ids if isinstance(pid, int) and pid]
        )
        if not self._qms_creating():
            self._qms_check_lines(parents)
        return super().create(vals_list)

    def write(self, vals):
        if set(vals) - set(self._qms_free_fields):
            self._qms_check_lines(self[self._qms_parent_field])
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_parent_editable(self):
        self._qms_check_lines(self[self._qms_parent_field])

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError


class QmsVersionedOwnerMixin(models.AbstractModel):
    """The stable identity of a versioned record (ISO procedure, document).

    A concrete model has ``version_ids`` (records of ``_qms_version_model``, which
    inherit :class:`qms.versioned.mixin`) linked by ``_qms_version_parent_field``.
    """

    _name = "qms.versioned.owner.mixin"
    _description = "Owner of Controlled Versions"

    _qms_version_model = None
    _qms_version_parent_field = None

    @api.ondelete(at_uninstall=False)
    def _unlink_unused(self):
        for owner in self:
            if owner.version_ids.filtered(lambda v: v.state != "draft"):
                raise UserError(
                    self.env._(
                        "%(name)s has approved versions and is part of the quality "
                        "records: archive it instead of deleting it.",
                        name=owner.display_name,
                    )
                )

    def _qms_new_draft_values(self):
        """Values of the first version of a new record."""
        self.ensure_one()
        return {self._qms_version_parent_field: self.id}

    def action_new_draft(self):
        """First version of a new record, a new version of the one in effect, or
        the version being prepared."""
        self.ensure_one()
        draft = self.version_ids.filtered(
            lambda v: v.state in ("draft", "to_review", "approved")
        )
        in_effect = self.version_ids.filtered(lambda v: v.state == "effective")[:1]
        if not draft and in_effect:
            return in_effect.action_new_version()
        if not draft:
            draft = self.env[self._qms_version_model].create(
                self._qms_new_draft_values()
            )
        return draft[:1]._qms_open()

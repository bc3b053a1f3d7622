# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError


class QmsVersionLineMixin(models.AbstractModel):
    """A line of a versioned record (``version_id``): editable only in draft."""

    _name = "qms.version.line.mixin"
    _description = "Line of a Versioned Record"

    def _check_version_editable(self):
        for version in self.version_id:
            if version.state != "draft":
                raise UserError(
                    self.env._(
                        "%(name)s is not a draft: its content cannot change. Send it "
                        "back to draft or create a new version.",
                        name=version.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_version_editable()
        return lines

    def write(self, vals):
        self._check_version_editable()
        result = super().write(vals)
        self._check_version_editable()
        return result

    def unlink(self):
        self._check_version_editable()
        return super().unlink()

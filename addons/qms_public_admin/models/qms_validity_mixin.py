# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression


class QmsValidityMixin(models.AbstractModel):
    """A rule held as data for the dates a legal document makes it valid
    (counting rules, the slips of the one-stop rules, and any rule with a
    number the law may change).

    Two active records of the same scope (``_qms_validity_scope``: the fields
    that must match, e.g. the agency or the purpose) never overlap in time; the
    one in force on a day is found by :meth:`_qms_in_force_on`.
    """

    _name = "qms.validity.mixin"
    _description = "Rules Valid Between Two Dates"

    # Fields that must be equal for two records to compete for the same days.
    _qms_validity_scope = ()

    valid_from = fields.Date(required=True)
    valid_to = fields.Date(help="Empty: still in force.")
    active = fields.Boolean(default=True)
    in_force = fields.Boolean(
        string="In Force Today",
        compute="_compute_in_force",
        search="_search_in_force",
    )

    def _qms_validity_fields(self):
        return ["valid_from", "valid_to", "active", *self._qms_validity_scope]

    @api.model
    def _qms_valid_on_domain(self, day):
        return [
            ("valid_from", "<=", day),
            "|",
            ("valid_to", "=", False),
            ("valid_to", ">=", day),
        ]

    def _compute_in_force(self):
        today = self._qms_today()
        for rec in self:
            rec.in_force = bool(
                rec.active
                and rec.valid_from
                and rec.valid_from <= today
                and (not rec.valid_to or rec.valid_to >= today)
            )

    def _search_in_force(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on “In Force Today”."))
        domain = self._qms_valid_on_domain(self._qms_today())
        # Negate the whole domain, not its first leaf.
        return (
            domain
            if (operator == "=") == value
            else ["!", *expression.normalize_domain(domain)]
        )

    @api.model
    def _qms_in_force_on(self, day, domain=(), order=None, limit=None):
        """Active records valid on ``day`` (among ``domain``)."""
        # Archived rules are never in force, whatever the caller's context says.
        return (
            self.sudo()
            .with_context(active_test=True)
            .search(
                list(domain) + self._qms_valid_on_domain(day), order=order, limit=limit
            )
        )

    @api.constrains(lambda self: self._qms_validity_fields())
    def _check_validity_dates(self):
        for rec in self.filtered("active"):
            if rec.valid_to and rec.valid_to < rec.valid_from:
                raise ValidationError(rec._qms_reversed_message())
            scope = [
                (name, "=", rec[name].id if rec._fields[name].relational else rec[name])
                for name in self._qms_validity_scope
            ]
            others = self.search(
                [
                    ("id", "!=", rec.id),
                    *scope,
                    "|",
                    ("valid_to", "=", False),
                    ("valid_to", ">=", rec.valid_from),
                ]
            ).filtered(
                lambda o, rec=rec: not rec.valid_to or o.valid_from <= rec.valid_to
            )
            if others:
                raise ValidationError(rec._qms_overlap_message(others[0]))

    def _qms_reversed_message(self):
        return self.env._("%(name)s ends before it starts.", name=self.display_name)

    def _qms_overlap_message(self, other):
        return self.env._(
            "%(name)s overlaps %(other)s; close the old one (Valid To) first.",
            name=self.display_name,
            other=other.display_name,
        )

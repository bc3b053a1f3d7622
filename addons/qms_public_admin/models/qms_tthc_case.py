# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsTthcCase(models.Model):
    """A case of a procedure (trường hợp thủ tục), with its own legal deadline.

    E.g. birth registration with or without a foreign element. The ISO procedure
    and the one-stop processing attach to the case.
    """

    _name = "qms.tthc.case"
    _description = "Procedure Case"
    _order = "tthc_id, sequence, id"

    tthc_id = fields.Many2one(
        "qms.tthc", string="Procedure", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    legal_deadline = fields.Float(help="Time limit set by law, in the unit below.")
    deadline_uom = fields.Selection(
        [("day", "Working Days"), ("hour", "Working Hours")],
        string="Deadline Unit",
        default="day",
        required=True,
    )
    is_same_day = fields.Boolean(
        string="Same Day", help="Settled the day of receipt (trong ngày)."
    )
    same_day_cutoff = fields.Float(
        string="Same-Day Cut-off",
        help="Received after this hour, the result is due the next working day. "
        "0: the counting rule's default.",
    )
    component_ids = fields.One2many(
        "qms.tthc.component", "case_id", string="Own Components"
    )
    fee_ids = fields.One2many("qms.tthc.fee", "case_id", string="Own Fees")
    note = fields.Text()
    active = fields.Boolean(default=True)

    @api.constrains("legal_deadline", "is_same_day", "same_day_cutoff")
    def _check_deadline(self):
        for case in self:
            if case.legal_deadline < 0:
                raise ValidationError(
                    self.env._(
                        "Case %(case)s: a legal deadline cannot be negative.",
                        case=case.name,
                    )
                )
            if not case.is_same_day and not case.legal_deadline:
                raise ValidationError(
                    self.env._(
                        "Case %(case)s of procedure %(code)s has no legal deadline: "
                        "enter the time limit, or mark it as settled the same day.",
                        case=case.name,
                        code=case.tthc_id.code,
                    )
                )
            if case.is_same_day and case.legal_deadline:
                raise ValidationError(
                    self.env._(
                        "Case %(case)s is settled the same day: "
                        "its deadline must be 0.",
                        case=case.name,
                    )
                )
            if not 0 <= case.same_day_cutoff < 24:
                raise ValidationError(
                    self.env._("The cut-off must be an hour of the day.")
                )

    def qms_deadline_args(self):
        """(amount, uom, same_day_cutoff) for ``res.company.qms_deadline``."""
        self.ensure_one()
        return (
            self.legal_deadline,
            self.deadline_uom,
            self.same_day_cutoff or None,
        )

    @api.depends("name", "tthc_id.code")
    def _compute_display_name(self):
        for case in self:
            case.display_name = (
                f"{case.tthc_id.code} - {case.name}" if case.tthc_id else case.name
            )

    # ------------------------------------------------------------ changes
    _qms_deadline_fields = ("legal_deadline", "deadline_uom", "is_same_day")

    def _qms_deadline_values(self):
        self.ensure_one()
        return {name: self[name] for name in self._qms_deadline_fields}

    def _qms_deadline_label(self, values=None):
        """The deadline as the law says it, in the environment's language (of
        ``values``, the deadline fields, when given: a former deadline)."""
        self.ensure_one()
        values = values or self._qms_deadline_values()
        if values["is_same_day"]:
            return self.env._("the same day")
        units = dict(self._fields["deadline_uom"]._description_selection(self.env))
        uom = units.get(values["deadline_uom"], "").lower()
        return f"{values['legal_deadline']:g} {uom}"

    def write(self, vals):
        watched = [f for f in self._qms_deadline_fields if f in vals]
        before = (
            {case.id: case._qms_deadline_values() for case in self} if watched else {}
        )
        result = super().write(vals)
        for case in self:
            old = before.get(case.id)
            if old is not None and old != case._qms_deadline_values():
                case._qms_flag_procedures(
                    lambda env, case=case, old=old: env._(
                        "The legal deadline of %(case)s changed from %(old)s to "
                        "%(new)s.",
                        case=case.display_name,
                        old=case.with_env(env)._qms_deadline_label(old),
                        new=case.with_env(env)._qms_deadline_label(),
                    )
                )
        return result

    def _qms_flag_procedures(self, reason):
        """Flag every ISO procedure in effect that handles these cases
        (``reason``: a function of an environment, see ``_qms_flag_review``)."""
        procedures = (
            self.env["qms.procedure"]
            .sudo()
            .search(
                [
                    ("tthc_case_id", "in", self.ids),
                    ("effective_version_id", "!=", False),
                ]
            )
        )
        procedures._qms_flag_case_change(reason)
        return procedures

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class QmsAuditor(models.Model):
    """An internal auditor (đánh giá viên nội bộ): the person, the unit they
    work in (they never audit it) and the training certificate that qualifies
    them.

    The register is shared across agencies so that a province can form cross
    audit teams; each agency maintains its own auditors.
    """

    _name = "qms.auditor"
    _description = "Internal Auditor"
    _inherit = ["mail.thread"]
    _order = "name"
    _check_company_auto = True

    user_id = fields.Many2one(
        "res.users",
        required=True,
        ondelete="restrict",
        tracking=True,
        domain=[("share", "=", False)],
    )
    name = fields.Char(related="user_id.name", store=True)
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        default=lambda self: self.env.company,
        index=True,
        help="The agency the auditor works for.",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Own Unit",
        check_company=True,
        tracking=True,
        help="The unit the auditor works in: they may not audit it.",
    )
    job_title = fields.Char()
    certificate_number = fields.Char(tracking=True)
    certificate_date = fields.Date(string="Certified On", tracking=True)
    training_course = fields.Char(
        help="e.g. Đào tạo chuyên gia đánh giá nội bộ TCVN ISO 9001:2015."
    )
    training_provider = fields.Char(string="Trained By")
    valid_until = fields.Date(
        tracking=True, help="Leave empty when the certificate does not expire."
    )
    certificate_attachment_ids = fields.Many2many(
        "ir.attachment", string="Certificate Scan"
    )
    qualified = fields.Boolean(
        compute="_compute_qualified",
        search="_search_qualified",
        help="Has a training certificate valid today.",
    )
    can_lead = fields.Boolean(
        string="Qualified Lead Auditor",
        tracking=True,
        help="Trained and experienced enough to lead an audit team.",
    )
    note = fields.Text()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("user_unique", "unique(user_id)", "This person is already an auditor."),
    ]

    def _qms_is_qualified(self, on_date):
        """Whether the auditor holds a certificate valid on ``on_date``."""
        self.ensure_one()
        return bool(
            self.certificate_number
            and self.certificate_date
            and self.certificate_date <= on_date
            and (not self.valid_until or self.valid_until >= on_date)
        )

    def _compute_qualified(self):
        today = self._qms_today()
        for auditor in self:
            auditor.qualified = auditor._qms_is_qualified(today)

    def _search_qualified(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on qualified auditors."))
        today = self._qms_today()
        domain = [
            ("certificate_number", "!=", False),
            ("certificate_date", "<=", today),
            "|",
            ("valid_until", "=", False),
            ("valid_until", ">=", today),
        ]
        return domain if (operator == "=") == value else ["!", "&", "&", *domain]

    @api.onchange("user_id")
    def _onchange_user_id(self):
        employee = self.user_id.employee_ids[:1]
        if employee:
            self.department_id = employee.department_id
            self.job_title = employee.job_title
            self.company_id = employee.company_id

    def _qms_check_independent(self, department):
        """Raise if the auditor would audit their own unit (or a unit under it,
        or the unit above it)."""
        for auditor in self:
            own = auditor.sudo().department_id
            if not own or not department:
                continue
            unit = department.sudo()
            if (
                unit == own
                or unit.parent_path.startswith(own.parent_path)
                or own.parent_path.startswith(unit.parent_path)
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s works in %(own)s and cannot audit %(unit)s: an "
                        "auditor never audits their own unit's work.",
                        name=auditor.name,
                        own=own.name,
                        unit=unit.name,
                    )
                )

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsImplementationPlan(models.Model):
    """The agency's yearly plan to build, maintain and improve its quality
    system (kế hoạch duy trì, cải tiến HTQLCL): tasks with owners and
    deadlines, whose progress feeds the annual report to the DOST."""

    _name = "qms.implementation.plan"
    _description = "Quality System Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "qms.locked.mixin"]
    _order = "year desc, company_id"
    _check_company_auto = True

    _qms_locked_states = ("closed",)
    _qms_system_fields = frozenset({"approved_by_id", "approved_on"})

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    year = fields.Integer(
        required=True,
        default=lambda self: self._qms_today().year,
        tracking=True,
    )
    document_number = fields.Char(
        help="Number of the plan as signed (e.g. 12/KH-UBND).", tracking=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("approved", "Approved"), ("closed", "Closed")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    approved_on = fields.Date(readonly=True, tracking=True)
    task_ids = fields.One2many(
        "qms.implementation.task", "plan_id", string="Tasks", copy=True
    )
    progress = fields.Float(compute="_compute_progress", string="Progress (%)")
    task_count = fields.Integer(compute="_compute_progress")
    done_count = fields.Integer(compute="_compute_progress", string="Tasks Done")
    overdue_count = fields.Integer(compute="_compute_progress", string="Overdue")
    note = fields.Html()

    _sql_constraints = [
        (
            "year_unique",
            "unique(company_id, year)",
            "An agency has one quality system plan per year.",
        ),
    ]

    @api.depends("task_ids.progress", "task_ids.state", "task_ids.date_deadline")
    def _compute_progress(self):
        for plan in self:
            tasks = plan.task_ids.filtered(lambda t: t.state != "cancelled")
            plan.task_count = len(tasks)
            plan.done_count = len(tasks.filtered(lambda t: t.state == "done"))
            plan.overdue_count = len(tasks.filtered("overdue"))
            plan.progress = sum(tasks.mapped("progress")) / len(tasks) if tasks else 0.0

    def _qms_check_qmr(self):
        if not self.env.user.has_group("qms_public_admin.group_qms_qmr"):
            raise UserError(
                self.env._(
                    "The quality representative approves, reopens and closes the "
                    "quality system plan."
                )
            )

    def action_approve(self):
        self._qms_check_qmr()
        self._qms_require_state(
            ("draft",), self.env._("Only a draft plan can be approved.")
        )
        for plan in self:
            if not plan.task_ids:
                raise UserError(self.env._("%(plan)s has no task.", plan=plan.name))
        self._qms_transition(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approved_on": self._qms_today(),
            }
        )
        return True

    def action_close(self):
        self._qms_check_qmr()
        self._qms_require_state(
            ("approved",), self.env._("Only an approved plan can be closed.")
        )
        self._qms_transition({"state": "closed"})
        return True

    def action_reset_draft(self):
        self._qms_check_qmr()
        self._qms_require_state(
            ("approved",), self.env._("Only an approved plan goes back to draft.")
        )
        self._qms_transition(
            {"state": "draft", "approved_by_id": False, "approved_on": False}
        )
        return True

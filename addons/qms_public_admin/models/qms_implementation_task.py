# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsImplementationTask(models.Model):
    """A task of the quality system plan: what, who, by when, how far."""

    _name = "qms.implementation.task"
    _description = "Quality System Plan Task"
    _inherit = ["mail.thread", "mail.activity.mixin", "qms.child.mixin"]
    _order = "plan_id, date_deadline, sequence, id"
    _check_company_auto = True

    _qms_parent_field = "plan_id"
    # Progress is reported all year, also on a closed plan's late tasks.
    _qms_free_fields = frozenset(
        {"progress", "state", "date_done", "result", "reminded_on"}
    )

    plan_id = fields.Many2one(
        "qms.implementation.plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="plan_id.company_id", store=True, index=True, string="Agency"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Task", required=True, tracking=True)
    category = fields.Selection(
        [
            ("documents", "Build or update documents"),
            ("training", "Training and awareness"),
            ("audit", "Internal audit"),
            ("review", "Management review"),
            ("announcement", "Announcement of conformity"),
            ("improvement", "Improvement"),
            ("report", "Reporting"),
            ("other", "Other"),
        ],
        default="other",
        required=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Owner", tracking=True, check_company=True
    )
    department_id = fields.Many2one("hr.department", string="Unit", check_company=True)
    date_start = fields.Date(string="Start")
    date_deadline = fields.Date(string="Deadline", required=True, tracking=True)
    progress = fields.Integer(string="Progress (%)", tracking=True)
    state = fields.Selection(
        [
            ("todo", "To Do"),
            ("in_progress", "In Progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="todo",
        required=True,
        tracking=True,
    )
    date_done = fields.Date(string="Done On", readonly=True)
    result = fields.Text(help="What was delivered: a decision, a report, a record.")
    reminded_on = fields.Date(readonly=True, copy=False)
    overdue = fields.Boolean(compute="_compute_overdue", search="_search_overdue")

    @api.depends("state", "date_deadline")
    def _compute_overdue(self):
        today = self._qms_today()
        for task in self:
            task.overdue = task.state in ("todo", "in_progress") and bool(
                task.date_deadline and task.date_deadline < today
            )

    def _search_overdue(self, operator, value):
        domain = [
            ("state", "in", ("todo", "in_progress")),
            ("date_deadline", "<", self._qms_today()),
        ]
        return domain if (operator == "=") == bool(value) else ["!", *domain]

    @api.constrains("progress", "date_start", "date_deadline")
    def _check_task(self):
        for task in self:
            if not 0 <= task.progress <= 100:
                raise ValidationError(
                    self.env._("Progress is a percentage, from 0 to 100.")
                )
            if task.date_start and task.date_start > task.date_deadline:
                raise ValidationError(
                    self.env._(
                        "%(task)s: the deadline comes before the start.",
                        task=task.name,
                    )
                )

    def write(self, vals):
        vals = dict(vals)
        if vals.get("state") == "done":
            vals.setdefault("progress", 100)
            vals["date_done"] = self._qms_today()
        elif vals.get("state") in ("todo", "in_progress"):
            vals["date_done"] = False
        elif vals.get("progress") == 100 and "state" not in vals:
            vals.update(state="done", date_done=self._qms_today())
        return super().write(vals)

    def action_done(self):
        self.write({"state": "done"})
        return True

    @api.model
    def _cron_remind_overdue(self):
        """An activity for the owner of each overdue task, once a week at most."""
        today = self._qms_today()
        tasks = self.search(
            [
                ("overdue", "=", True),
                ("plan_id.state", "=", "approved"),
                ("user_id", "!=", False),
            ]
        )
        reminded = self.browse()
        for task in tasks:
            if task.reminded_on and (today - task.reminded_on).days < 7:
                continue
            task.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=today,
                summary=self.env._("Plan task overdue"),
                note=self.env._(
                    "%(task)s was due on %(date)s (%(progress)s%% done).",
                    task=task.name,
                    date=task.date_deadline.strftime("%d/%m/%Y"),
                    progress=task.progress,
                ),
                user_id=task.user_id.id,
            )
            reminded |= task
        reminded.write({"reminded_on": today})
        return len(reminded)

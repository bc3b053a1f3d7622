# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models, tools

from ..lib import onestop
from ..lib.states import LINE_STATES, TIMELINESS


class QmsOnestopDossierLine(models.Model):
    """A processing line: one step of the snapshotted procedure version for one
    dossier. The line owns its own life (created pending, opened, finished,
    cancelled, given back time, reassigned); the dossier's transitions call
    these methods and never write a line themselves."""

    _name = "qms.onestop.dossier.line"
    _description = "Dossier Processing Step"
    # By the dossier's id (newest first), not its name: no join to order steps.
    _order = "dossier_id.id desc, sequence, id"

    dossier_id = fields.Many2one(
        "qms.onestop.dossier", required=True, ondelete="cascade", index=True
    )
    dossier_state = fields.Selection(
        related="dossier_id.state", string="Dossier Status"
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company",
        store=True,
        index=True,
        string="Performing Agency",
    )
    sequence = fields.Integer(default=10)
    step_id = fields.Many2one("qms.procedure.step", required=True, index=True)
    name = fields.Char(required=True)
    unit_id = fields.Many2one("hr.department", index=True)
    is_return_step = fields.Boolean(
        help="The last step: the desk returns the result to the applicant."
    )
    state = fields.Selection(
        LINE_STATES,
        default="pending",
        required=True,
        index=True,
    )
    user_id = fields.Many2one("res.users", string="Officer", index=True)
    assigned_at = fields.Datetime()
    started_at = fields.Datetime()
    due_at = fields.Datetime(string="Step Due", index=True)
    finished_at = fields.Datetime()
    allotted_hours = fields.Float(string="Time Allowed (h)", digits=(16, 2))
    spent_hours = fields.Float(string="Time Spent (h)", digits=(16, 2))
    timeliness = fields.Selection(TIMELINESS, index=True)
    on_time_pct = fields.Float(string="On-time Rate (%)", aggregator="avg")
    note = fields.Text(string="Outcome / Note")
    tthc_id = fields.Many2one(
        related="dossier_id.tthc_id", store=True, string="Procedure"
    )

    @api.depends("dossier_id.company_id", "dossier_id.receiving_company_id", "step_id")
    def _compute_company(self):
        for line in self:
            dossier = line.dossier_id
            routed = dossier.receiving_company_id != dossier.company_id
            line.company_id = (
                dossier.receiving_company_id
                if routed and line._qms_is_desk_step()
                else dossier.company_id
            )

    def _qms_is_desk_step(self):
        """The first step (intake) and the return step belong to the desk."""
        self.ensure_one()
        steps = self.dossier_id.sudo().procedure_version_id.step_ids.sorted("sequence")
        return len(steps) > 1 and self.step_id in (steps[:1] | steps[-1:])

    def _qms_candidates(self):
        """Officers allowed to perform this step: the step's named performers,
        else the officers of its unit holding its role (any one-stop role by
        default). For a dossier received at another agency's desk, the desk
        steps go to that desk's officers."""
        self.ensure_one()
        step = self.step_id.sudo()
        dossier = self.dossier_id
        Users = self.env["res.users"].sudo()
        group = step.role_group_id or self.env.ref("qms_onestop.group_onestop_desk")
        if self.company_id != dossier.company_id:
            users = Users.search(
                [
                    ("company_ids", "in", self.company_id.id),
                    (
                        "groups_id",
                        "in",
                        self.env.ref("qms_onestop.group_onestop_desk").id,
                    ),
                    ("share", "=", False),
                ]
            )
        elif step.user_ids:
            users = step.user_ids
        else:
            # Only the employees' users are read (an employee's other fields
            # each ask the HR access rights).
            employees = (
                self.env["hr.employee"]
                .sudo()
                .search_fetch(
                    [
                        ("department_id", "child_of", step.unit_id.id),
                        ("user_id", "!=", False),
                    ],
                    ["user_id"],
                )
            )
            users = Users.search(
                [("id", "in", employees.user_id.ids), ("groups_id", "in", group.id)]
            )
        # Active officers of the agency doing the step, in one query.
        return Users.with_context(active_test=True).search(
            [("id", "in", users.ids), ("company_ids", "in", self.company_id.id)],
            order="id",
        )

    def init(self):
        # The assignment rule asks, per candidate officer, how many steps are
        # open and when the last one was given: each answer is one index probe,
        # however long the officer's history.
        tools.create_index(
            self.env.cr,
            "qms_onestop_dossier_line_user_assigned_idx",
            self._table,
            ["user_id", "assigned_at"],
        )
        tools.create_index(
            self.env.cr,
            "qms_onestop_dossier_line_open_user_idx",
            self._table,
            ["user_id"],
            where="state = 'open'",
        )

    def _qms_officer_load(self, user_ids):
        """{user id: (open steps, last assignment)} of these officers."""
        self.flush_model(["user_id", "state", "assigned_at"])
        self.env.cr.execute(
            """
            SELECT u.id,
                   (SELECT count(*) FROM qms_onestop_dossier_line l
                     WHERE l.user_id = u.id AND l.state = 'open'),
                   (SELECT max(l.assigned_at) FROM qms_onestop_dossier_line l
                     WHERE l.user_id = u.id)
              FROM unnest(%s::int[]) AS u(id)
            """,
            [list(user_ids)],
        )
        return {uid: (count, last) for uid, count, last in self.env.cr.fetchall()}

    def _qms_default_assignee(self, candidates):
        if not candidates:
            return self.env["res.users"]
        rule = self.company_id.qms_onestop_assignment
        load = self._qms_officer_load(candidates.ids)
        open_counts = {uid: count for uid, (count, _last) in load.items() if count}
        last_assigned = {uid: last for uid, (_count, last) in load.items() if last}
        uid = onestop.pick_assignee(candidates.ids, rule, open_counts, last_assigned)
        return candidates.browse(uid)

    # ---------------------------------------------------------------- life
    @api.model
    def _qms_create_for(self, dossier, steps):
        """Pending lines of ``dossier`` for ``steps`` (of its snapshotted
        version), after the lines it already has."""
        version = dossier.sudo().procedure_version_id
        base = max(dossier.line_ids.mapped("sequence") or [0]) + 1
        last_step = version.step_ids.sorted("sequence")[-1:]
        hours_per_day = version._hours_per_day()
        return self.sudo().create(
            [
                {
                    "dossier_id": dossier.id,
                    "step_id": step.id,
                    "sequence": base + i,
                    "name": step.name,
                    "unit_id": step.unit_id.id,
                    "is_return_step": step == last_step and len(version.step_ids) > 1,
                    "allotted_hours": step.duration
                    * (hours_per_day if step.duration_uom == "day" else 1.0),
                    "state": "pending",
                }
                for i, step in enumerate(steps)
            ]
        )

    def _qms_open(self, start, user=None, force=False):
        """Start this pending step at ``start``: assign it (to ``user`` when
        allowed or ``force``d, else by the agency's rule) and compute its due
        moment."""
        self.ensure_one()
        candidates = self._qms_candidates()
        dossier = self.dossier_id
        if user and (force or user in candidates):
            assignee = user
        elif self._qms_is_desk_step() and dossier.received_by_id in candidates:
            # The officer who received the dossier returns its result.
            assignee = dossier.received_by_id
        else:
            assignee = self._qms_default_assignee(candidates)
        company = self.company_id
        due = company._qms_to_utc(
            company._qms_call(
                "add_working_hours",
                company._qms_call("normalize_receipt", company._qms_to_local(start)),
                self.allotted_hours,
            )
        )
        self.sudo().write(
            {
                "state": "open",
                "user_id": assignee.id,
                "started_at": start,
                "assigned_at": start,
                "due_at": due,
            }
        )
        return self

    def _qms_assign(self, user, now):
        """Give this open step to another officer."""
        self.ensure_one()
        self.sudo().write({"user_id": user.id, "assigned_at": now})

    def _qms_extend(self, hours, now):
        """This open step gets back ``hours`` of working time it waited."""
        for line in self.filtered("due_at"):
            if hours:
                line.sudo().write(
                    {
                        "due_at": line.company_id.qms_deadline(
                            max(line.due_at, now), hours, "hour"
                        )
                    }
                )

    def _qms_cancel(self, now):
        """Cancel these steps: pending ones never start, an open one ends now."""
        self.filtered(lambda ln: ln.state == "open").sudo().write(
            {"state": "cancelled", "finished_at": now}
        )
        self.filtered(lambda ln: ln.state == "pending").sudo().write(
            {"state": "cancelled"}
        )

    def _qms_finish(self, now, state, note=None):
        """End this open step at ``now`` (``done`` or sent back: ``returned``),
        with the time it took and its timeliness."""
        self.ensure_one()
        company = self.company_id
        pauses = [
            (p.start_at, p.end_at)
            for p in self.dossier_id.pause_ids
            if not p.end_at or p.end_at > (self.started_at or now)
        ]
        spent = (
            company.qms_working_hours_between(self.started_at, now, pauses)
            if self.started_at
            else 0.0
        )
        timeliness = onestop.classify(
            company._qms_to_local(now),
            self.due_at and company._qms_to_local(self.due_at),
        )
        self.sudo().write(
            {
                "state": state,
                "finished_at": now,
                "spent_hours": max(spent, 0.0),
                "timeliness": timeliness,
                "on_time_pct": 100.0 if onestop.is_on_time(timeliness) else 0.0,
                "note": note or self.note,
            }
        )

    @api.model
    def _qms_remind_due(self, companies=None):
        """Activities for officers whose steps are due today or overdue (one
        per step), of ``companies`` (every agency by default)."""
        activity_type = self.env.ref("qms_onestop.mail_activity_step_due")
        now = fields.Datetime.now()
        # Due by the end of today in any time zone: checked per agency below.
        domain = [
            ("state", "=", "open"),
            ("user_id", "!=", False),
            ("due_at", "<", now + timedelta(days=1)),
            ("dossier_id.state", "=", "in_progress"),
        ]
        if companies is not None:
            domain.append(("company_id", "in", companies.ids))
        lines = self.sudo().search(domain)
        existing = set(
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "qms.onestop.dossier"),
                    ("res_id", "in", lines.dossier_id.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            .mapped(lambda a: (a.res_id, a.user_id.id))
        )

        def remind(line):
            company = line.company_id
            if (
                company._qms_to_local(line.due_at).date()
                > company._qms_to_local(now).date()
            ):
                return
            key = (line.dossier_id.id, line.user_id.id)
            if key in existing:
                return
            line.dossier_id.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=line.user_id.id,
                date_deadline=company._qms_to_local(line.due_at).date(),
                summary=self.env._("Step due: %(step)s", step=line.name),
            )
            existing.add(key)

        self.env["qms.onestop.dossier"]._qms_each(lines, remind)

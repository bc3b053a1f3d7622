# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, time

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class QmsDostReport(models.Model):
    """The agency's annual report to the Department of Science and Technology on
    applying, maintaining and improving its quality system.

    "Generate" compiles the figures of the year from live data into stored lines;
    the ISO officer adds training, difficulties and proposals; once submitted the
    report is frozen. Sections are an extension point: ``_qms_dost_<section>``
    methods return the lines of each section (the audit and one-stop addons add
    theirs with ``super()``).
    """

    _name = "qms.dost.report"
    _description = "Annual QMS Report to DOST"
    _inherit = ["qms.locked.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "year desc, id desc"
    _check_company_auto = True
    _qms_locked_states = ("submitted",)
    _qms_unlocked_fields = frozenset({"dispatch_number"})

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    year = fields.Integer(
        required=True,
        default=lambda self: self._qms_today().year,
        tracking=True,
    )
    date_from = fields.Date(string="Period From")
    date_to = fields.Date(string="Period To")
    due_date = fields.Date(tracking=True)
    addressee = fields.Char(
        string="To",
        default=lambda self: self.env._("Department of Science and Technology"),
    )
    signed_by_id = fields.Many2one("res.users", check_company=True, tracking=True)
    generated_on = fields.Datetime(readonly=True, copy=False)
    line_ids = fields.One2many(
        "qms.dost.report.line", "report_id", string="Figures", copy=False
    )
    training = fields.Html(help="Training on ISO held in the year.")
    difficulties = fields.Html(help="Difficulties and obstacles.")
    proposals = fields.Html(help="Proposals and recommendations.")
    submitted_on = fields.Date(readonly=True, copy=False, tracking=True)
    dispatch_number = fields.Char(tracking=True, help="Number of the report sent.")
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )

    _sql_constraints = [
        (
            "year_company_unique",
            "unique(company_id, year)",
            "An agency makes one annual report per year.",
        ),
    ]

    @api.depends("year", "company_id")
    def _compute_name(self):
        for report in self:
            report.name = self.env._(
                "QMS report %(year)s - %(agency)s",
                year=report.year,
                agency=report.company_id.name,
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            year = vals.get("year") or self._qms_today().year
            if (
                not isinstance(year, int)
                or isinstance(year, bool)
                or not (2000 <= year <= 2999)
            ):
                raise ValidationError(
                    self.env._("The report year must be a year such as 2026.")
                )
            vals.setdefault("date_from", date(year, 1, 1))
            vals.setdefault("date_to", date(year, 12, 31))
            vals.setdefault("due_date", self._qms_default_due(year))
            if not vals.get("signed_by_id"):
                company = vals.get("company_id") or self.env.company.id
                vals["signed_by_id"] = (
                    self.env["res.company"].browse(company)._qms_system().qms_head_id.id
                )
        return super().create(vals_list)

    @api.model
    def _qms_default_due(self, year):
        """Due date from parameter qms_public_admin.dost_report_due (MM-DD of
        the report's year; the deadline is set by the province, see README)."""
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("qms_public_admin.dost_report_due", "")
        )
        try:
            month, day = (int(part) for part in value.split("-"))
            return date(year, month, day)
        except ValueError:
            return False

    @api.constrains("date_from", "date_to", "year")
    def _check_period(self):
        for report in self:
            if report.year < 2000 or report.year > 2100:
                raise ValidationError(self.env._("Enter a real year."))
            if (
                report.date_from
                and report.date_to
                and report.date_to < report.date_from
            ):
                raise ValidationError(
                    self.env._("The period reported cannot end before it starts.")
                )

    def _qms_standard(self):
        self.ensure_one()
        return self.company_id._qms_system().qms_standard or "TCVN ISO 9001:2015"

    # ------------------------------------------------------------ compiling
    def _qms_period(self):
        self.ensure_one()
        return (
            datetime.combine(self.date_from, time.min),
            datetime.combine(self.date_to, time.max),
        )

    @api.model
    def _qms_line(self, section, name, value, note=""):
        return {
            "section": section,
            "name": name,
            "value": str(value),
            "note": note or "",
        }

    def _qms_dost_sections(self):
        """Each section of the report and the method that compiles its lines.
        Every section is declared here, even those another addon fills (the
        audits by the audit addon, the handling of procedures by the one-stop
        addon): an addon extends the section's method with ``super()``."""
        return {
            "announcement": self._qms_dost_announcement,
            "documents": self._qms_dost_documents,
            "audits": self._qms_dost_audits,
            "reviews": self._qms_dost_reviews,
            "actions": self._qms_dost_actions,
            "objectives": self._qms_dost_objectives,
            "risks": self._qms_dost_risks,
            "service": self._qms_dost_service,
            "system": self._qms_dost_system,
        }

    def _qms_compile_lines(self):
        self.ensure_one()
        methods = self._qms_dost_sections()
        lines = []
        for section, _label in (
            self.env["qms.dost.report.line"]._fields["section"].selection
        ):
            lines += methods[section]()
        return lines

    def _qms_dost_announcement(self):
        system = self.company_id._qms_system()
        announcements = (
            self.env["qms.announcement"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("state", "in", ("announced", "superseded")),
                    ("date", "<=", self.date_to),
                ],
                order="date desc",
            )
        )
        current = announcements[:1]
        in_year = announcements.filtered(lambda a: a.date >= self.date_from)
        sec = "announcement"
        if not current:
            return [
                self._qms_line(
                    sec, self.env._("Conformity announced"), self.env._("No")
                )
            ]
        labels = dict(
            current._fields["announcement_type"]._description_selection(self.env)
        )
        return [
            self._qms_line(
                sec,
                self.env._("Current announcement"),
                f"{current.name} ({current.date.strftime('%d/%m/%Y')})",
                labels[current.announcement_type],
            ),
            self._qms_line(sec, self.env._("Standard"), current.standard),
            self._qms_line(
                sec,
                self.env._("Procedures in the announced scope"),
                current.procedure_count,
            ),
            self._qms_line(
                sec,
                self.env._("Announcements and re-announcements in the year"),
                len(in_year),
                ", ".join(a.name for a in in_year),
            ),
            self._qms_line(
                sec,
                self.env._("Scope changed since the announcement"),
                self.env._("Yes")
                if system.qms_announcement_status == "re_announce"
                else self.env._("No"),
            ),
        ]

    def _qms_dost_documents(self):
        domain = [("company_id", "=", self.company_id.id)]
        in_year = [
            ("effective_date", ">=", self.date_from),
            ("effective_date", "<=", self.date_to),
            ("state", "in", ("effective", "superseded")),
        ]
        Procedure = self.env["qms.procedure"].sudo()
        sec = "documents"
        return [
            self._qms_line(
                sec,
                self.env._("ISO procedures in effect"),
                Procedure.search_count(
                    domain + [("effective_version_id", "!=", False)]
                ),
            ),
            self._qms_line(
                sec,
                self.env._("Procedure versions issued in the year"),
                self.env["qms.procedure.version"].sudo().search_count(domain + in_year),
            ),
            self._qms_line(
                sec,
                self.env._("Controlled documents published in the year"),
                self.env["qms.document.version"]
                .sudo()
                .search_count(domain + in_year + [("state", "!=", "withdrawn")]),
            ),
            self._qms_line(
                sec,
                self.env._("Procedures awaiting review after legal changes"),
                Procedure.search_count(domain + [("review_needed", "=", True)]),
            ),
        ]

    def _qms_dost_audits(self):
        """Internal audits: the audit addon provides the figures."""
        return []

    def _qms_dost_service(self):
        """Results of handling administrative procedures: the one-stop addon
        provides the figures."""
        return []

    def _qms_dost_reviews(self):
        start, end = self._qms_period()
        reviews = (
            self.env["qms.management.review"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("state", "in", ("held", "minutes_approved", "closed")),
                    ("held_date", ">=", start),
                    ("held_date", "<=", end),
                ],
                order="held_date",
            )
        )
        return [
            self._qms_line(
                "reviews",
                self.env._("Management reviews held"),
                len(reviews),
                ", ".join(r.held_date.strftime("%d/%m/%Y") for r in reviews),
            ),
            self._qms_line(
                "reviews",
                self.env._("Decisions taken"),
                len(reviews.decision_ids),
            ),
        ]

    def _qms_dost_actions(self):
        start, end = self._qms_period()
        Action = self.env["mgmtsystem.action"].sudo()
        domain = [("company_id", "=", self.company_id.id)]
        opened = Action.search(
            domain + [("create_date", ">=", start), ("create_date", "<=", end)]
        )
        done = Action.search(
            domain
            + [
                ("qms_done_date", ">=", self.date_from),
                ("qms_done_date", "<=", self.date_to),
            ]
        )
        on_time = done.filtered(
            lambda a: not a.date_deadline or a.qms_done_date <= a.date_deadline
        )
        sec = "actions"
        return [
            self._qms_line(sec, self.env._("Actions opened in the year"), len(opened)),
            self._qms_line(
                sec,
                self.env._("Actions completed in the year"),
                len(done),
                self.env._("%(count)s on time", count=len(on_time)),
            ),
            self._qms_line(
                sec,
                self.env._("Actions verified effective"),
                Action.search_count(
                    domain
                    + [
                        ("qms_verified_on", ">=", self.date_from),
                        ("qms_verified_on", "<=", self.date_to),
                    ]
                ),
            ),
            self._qms_line(
                sec,
                self.env._("Actions overdue at the report date"),
                Action.search_count(domain + [("qms_overdue", "=", True)]),
            ),
        ]

    def _qms_dost_objectives(self):
        objectives = (
            self.env["mgmtsystem.objective"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("state", "!=", "cancelled"),
                    ("date_start", "<=", self.date_to),
                    ("date_end", ">=", self.date_from),
                ]
            )
        )
        green = objectives.filtered(lambda o: o.qms_status == "green")
        return [
            self._qms_line(
                "objectives",
                self.env._("Quality objectives of the year"),
                len(objectives),
                self.env._("%(count)s on target", count=len(green)),
            )
        ]

    def _qms_dost_risks(self):
        risks = (
            self.env["qms.risk"]
            .sudo()
            .search(
                [("company_id", "=", self.company_id.id), ("state", "!=", "closed")]
            )
        )
        return [
            self._qms_line(
                "risks",
                self.env._("Risks and opportunities monitored"),
                len(risks),
                self.env._(
                    "%(count)s being treated",
                    count=len(risks.filtered(lambda r: r.state == "treating")),
                ),
            )
        ]

    def _qms_dost_system(self):
        """The year's plan, the training held, the competence gaps left and the
        inspections or self-assessments with the fixes they asked for."""
        sec = "system"
        company = self.company_id
        plan = (
            self.env["qms.implementation.plan"]
            .sudo()
            .search([("company_id", "=", company.id), ("year", "=", self.year)])
        )
        tasks = plan.task_ids.filtered(lambda t: t.state != "cancelled")
        lines = [
            self._qms_line(
                sec,
                self.env._("Tasks of the quality system plan"),
                len(tasks),
                self.env._(
                    "%(done)s done, %(overdue)s overdue",
                    done=len(tasks.filtered(lambda t: t.state == "done")),
                    overdue=len(tasks.filtered("overdue")),
                ),
            )
        ]
        trainings = (
            self.env["qms.training"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("date", ">=", self.date_from),
                    ("date", "<=", self.date_to),
                    ("passed", "=", True),
                ]
            )
        )
        lines.append(
            self._qms_line(
                sec,
                self.env._("Officers trained on the quality system"),
                len(trainings.user_id),
                self.env._("%(count)s training record(s)", count=len(trainings)),
            )
        )
        gaps = self.env["qms.competence.gap"].sudo()
        lines.append(
            self._qms_line(
                sec,
                self.env._("Competence gaps at the report date"),
                gaps.search_count([("company_id", "=", company.id)]),
            )
        )
        inspections = (
            self.env["qms.inspection"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("date", ">=", self.date_from),
                    ("date", "<=", self.date_to),
                ],
                order="date",
            )
        )
        kinds = dict(inspections._fields["kind"]._description_selection(self.env))
        for inspection in inspections:
            actions = inspection.line_ids.action_id
            lines.append(
                self._qms_line(
                    sec,
                    self.env._(
                        "%(kind)s of %(date)s",
                        kind=kinds[inspection.kind],
                        date=inspection.date.strftime("%d/%m/%Y"),
                    ),
                    inspection.finding_count,
                    self.env._(
                        "finding(s); %(done)s of %(count)s fix(es) done",
                        done=len(actions.filtered("qms_done_date")),
                        count=len(actions),
                    ),
                )
            )
        return lines

    def action_generate(self):
        for report in self:
            report._qms_require_state(
                ("draft",), self.env._("A submitted report is not regenerated.")
            )
            report.line_ids.unlink()
            report.write(
                {
                    "line_ids": [
                        (0, 0, dict(line, sequence=n))
                        for n, line in enumerate(report._qms_compile_lines(), start=1)
                    ],
                    "generated_on": fields.Datetime.now(),
                }
            )
        return True

    def action_generate_background(self):
        """Generate the selected reports (e.g. every agency's of a province at
        the end of the year) through the job queue, one part per report; the
        user lands on the task and watches it advance."""
        reports = self.filtered(lambda r: r.state == "draft")
        if not reports:
            raise UserError(self.env._("Select draft reports to generate."))
        # Refused here, not in each job, for a user who may not generate them.
        reports.check_access("write")
        task = self.env["qms.background.task"]._qms_start(
            self.env._("Annual reports (%(count)s)", count=len(reports)),
            "dost_report",
            len(reports),
        )
        task._qms_delay_parts("_qms_job_dost_report", reports.ids, 1)
        return task.action_open()

    def action_submit(self):
        for report in self:
            report._qms_require_state(
                ("draft",), self.env._("The report was already submitted.")
            )
            if not report.line_ids:
                raise UserError(self.env._("Generate the report before submitting it."))
            report._qms_transition(
                {
                    "state": "submitted",
                    "submitted_on": self._qms_today(),
                }
            )
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_drafts(self):
        if any(r.state != "draft" for r in self):
            raise UserError(self.env._("A submitted report is a record: it stays."))

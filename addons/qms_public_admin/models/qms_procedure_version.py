# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import lxml.html
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib import procedure_tools


class QmsProcedureVersion(models.Model):
    """A version of an ISO procedure: its content and ordered steps."""

    _name = "qms.procedure.version"
    _description = "ISO Procedure Version"
    _inherit = ["mail.thread", "mail.activity.mixin", "qms.versioned.mixin"]
    _order = "procedure_id, version desc"
    _check_company_auto = True

    procedure_id = fields.Many2one(
        "qms.procedure", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="procedure_id.company_id", store=True, index=True
    )
    code = fields.Char(related="procedure_id.code")
    tthc_case_id = fields.Many2one(related="procedure_id.tthc_case_id")
    purpose = fields.Html()
    scope = fields.Html()
    references = fields.Html(help="Documents referred to (tài liệu viện dẫn).")
    definitions = fields.Html(help="Terms and abbreviations.")
    legal_basis_ids = fields.Many2many("qms.legal.document", string="Legal Bases")
    step_ids = fields.One2many(
        "qms.procedure.step", "version_id", string="Steps", copy=True
    )
    record_ids = fields.One2many(
        "qms.procedure.record", "version_id", string="Records to Keep", copy=True
    )
    form_ids = fields.One2many(
        "qms.procedure.form", "version_id", string="Forms", copy=True
    )
    forms_differ = fields.Boolean(
        string="Forms Differ from Official",
        compute="_compute_forms_differ",
        store=True,
        index=True,
    )
    previous_version_id = fields.Many2one(
        "qms.procedure.version", readonly=True, copy=False
    )
    total_hours = fields.Float(
        string="Total Step Time (hours)", compute="_compute_totals"
    )
    legal_hours = fields.Float(
        string="Legal Deadline (hours)", compute="_compute_totals"
    )
    changes_html = fields.Html(
        string="Changes from Previous Version",
        compute="_compute_changes_html",
        sanitize=False,
    )
    flowchart_svg = fields.Html(
        string="Flowchart", compute="_compute_flowchart", sanitize=False
    )

    @api.depends("procedure_id.display_name", "version")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = self.env._(
                "%(procedure)s (version %(version)s)",
                procedure=rec.procedure_id.display_name,
                version=rec.version,
            )

    # ------------------------------------------------------------ computes
    @api.depends("form_ids.differs")
    def _compute_forms_differ(self):
        for rec in self:
            rec.forms_differ = any(rec.form_ids.mapped("differs"))

    legal_deadline_text = fields.Char(
        string="Legal Deadline", compute="_compute_deadline_texts"
    )
    steps_time_text = fields.Char(
        string="Time of the Steps", compute="_compute_deadline_texts"
    )

    @api.depends("tthc_case_id", "total_hours")
    def _compute_deadline_texts(self):
        for rec in self:
            if rec.tthc_case_id and rec.company_id:
                rec.legal_deadline_text, rec.steps_time_text = rec._qms_deadline_texts()
            else:
                rec.legal_deadline_text = rec.steps_time_text = False

    def _qms_other_references(self):
        """The lines of the free-text references that are not one of the
        legal bases already listed (the printed procedure lists each once)."""
        self.ensure_one()
        lines = []
        if self.references:
            root = lxml.html.fromstring(f"<div>{self.references}</div>")
            items = root.xpath("//li") or root.xpath("//p") or [root]
            for item in items:
                lines += item.text_content().splitlines()
        bases = {
            " ".join(name.split()).casefold()
            for name in self.legal_basis_ids.mapped("display_name")
        }
        others = []
        for raw in lines:
            line = " ".join(raw.strip().lstrip("*-•").split())
            if line and line.casefold() not in bases and line not in others:
                others.append(line)
        return others

    def _qms_deadline_texts(self):
        """(legal deadline, total of the steps) as the printed procedure says
        them: in the unit the law uses (9 working days, not 72 hours)."""
        self.ensure_one()
        case = self.tthc_case_id
        units = dict(case._fields["deadline_uom"]._description_selection(self.env))
        uom = case.deadline_uom or "day"
        if uom == "day":
            total = self.total_hours / (self._hours_per_day() or 8.0)
        else:
            total = self.total_hours
        if case.is_same_day:
            legal = self.env._("within the day of receipt")
        else:
            legal = f"{case.legal_deadline:g} {units.get(uom, '').lower()}"
        return legal, f"{round(total, 2):g} {units.get(uom, '').lower()}"

    def _hours_per_day(self):
        calendar = self.company_id.qms_work_calendar()
        return calendar.standard_day_seconds / 3600.0

    def _step_dicts(self):
        return [
            {
                "name": s.name,
                "unit": s.unit_id.name or "",
                "role": s.role_group_id.name or "",
                "duration": s.duration,
                "uom": s.duration_uom,
                "sequence": i + 1,
                "output": s.output or "",
            }
            for i, s in enumerate(self.step_ids.sorted("sequence"))
        ]

    @api.depends(
        "step_ids.duration",
        "step_ids.duration_uom",
        "tthc_case_id.legal_deadline",
        "tthc_case_id.deadline_uom",
        "tthc_case_id.is_same_day",
    )
    def _compute_totals(self):
        for rec in self:
            rec.total_hours = rec.legal_hours = 0.0
            if not rec.company_id:
                continue
            hours_per_day = rec._hours_per_day()
            rec.total_hours = procedure_tools.total_hours(
                rec._step_dicts(), hours_per_day
            )
            case = rec.tthc_case_id
            if case:
                if case.is_same_day:
                    rec.legal_hours = hours_per_day
                elif case.deadline_uom == "hour":
                    rec.legal_hours = case.legal_deadline
                else:
                    rec.legal_hours = case.legal_deadline * hours_per_day

    @api.depends(
        "step_ids.name",
        "step_ids.unit_id",
        "step_ids.duration",
        "step_ids.duration_uom",
        "step_ids.sequence",
        "purpose",
        "scope",
        "references",
        "definitions",
        "previous_version_id",
    )
    def _compute_changes_html(self):
        kinds = {
            "added": self.env._("Added step"),
            "removed": self.env._("Removed step"),
            "changed": self.env._("Changed step"),
        }
        section_labels = {
            "purpose": self.env._("Purpose"),
            "scope": self.env._("Scope"),
            "references": self.env._("References"),
            "definitions": self.env._("Definitions"),
        }
        for rec in self:
            previous = rec.previous_version_id
            if not previous:
                rec.changes_html = Markup("<p>%s</p>") % self.env._("First version.")
                continue
            items = [
                Markup("<li><b>%s:</b> %s</li>") % (kinds[kind], text)
                for kind, text in procedure_tools.diff_steps(
                    previous._step_dicts(), rec._step_dicts()
                )
            ]
            sections = procedure_tools.diff_texts(
                {k: previous[k] for k in section_labels},
                {k: rec[k] for k in section_labels},
            )
            items += [
                Markup("<li><b>%s:</b> %s</li>")
                % (self.env._("Changed section"), section_labels[key])
                for key in sections
            ]
            if not items:
                items = [Markup("<li>%s</li>") % self.env._("No change in the steps.")]
            rec.changes_html = Markup("<ul>%s</ul>") % Markup("").join(items)

    @api.depends("step_ids.name", "step_ids.unit_id", "step_ids.duration")
    def _compute_flowchart(self):
        labels = {"day": self.env._("day(s)"), "hour": self.env._("hour(s)")}
        for rec in self:
            steps = [
                {
                    "name": s["name"],
                    "unit": s["unit"],
                    "label": procedure_tools.format_duration(
                        s["duration"], s["uom"], labels
                    ),
                }
                for s in rec._step_dicts()
            ]
            rec.flowchart_svg = (
                Markup(procedure_tools.flowchart_svg(steps)) if steps else False
            )

    # ------------------------------------------------------------ rules
    def _qms_check_total_time(self):
        for rec in self:
            if rec.tthc_case_id and rec.total_hours > rec.legal_hours + 1e-6:
                total = f"{rec.total_hours:g}"
                legal = f"{rec.legal_hours:g}"
                raise ValidationError(
                    self.env._(
                        "The steps of %(name)s take %(total)s working hours in total, "
                        "more than the legal deadline of %(case)s (%(legal)s working "
                        "hours).",
                        name=rec.display_name,
                        total=total,
                        case=rec.tthc_case_id.display_name,
                        legal=legal,
                    )
                )

    def _qms_check_before_review(self):
        for rec in self:
            if not rec.step_ids:
                raise UserError(
                    self.env._("%(name)s has no step.", name=rec.display_name)
                )
            rec._qms_check_total_time()
            rec.procedure_id._qms_check_variant_note(rec)

    def _qms_siblings(self):
        self.ensure_one()
        return self.procedure_id.version_ids - self

    def _qms_copy_for_new_version(self, version, minor=False):
        return self.copy(
            {
                "version": version,
                "previous_version_id": self.id,
                # A new version says what it changes: not the previous note.
                "change_summary": False,
            }
        )

    def _qms_after_effective(self):
        for rec in self:
            rec.procedure_id._qms_after_version_effective(rec)
            rec.procedure_id._qms_clear_review(
                self.env._(
                    "Version %(version)s took effect: legal review closed.",
                    version=rec.version,
                )
            )

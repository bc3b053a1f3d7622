# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

from odoo import api, fields, models

from .qms_review_input import SECTIONS


class QmsManagementReview(models.Model):
    """The inputs of a management review (ISO 9001 clause 9.3.2), compiled
    from live data: one method per section, which other addons extend."""

    _inherit = "qms.management.review"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------ inputs
    def _qms_period(self):
        """(start, end) datetimes of the period reviewed."""
        self.ensure_one()
        return (
            datetime.combine(self.period_start, time.min),
            datetime.combine(self.period_end, time.max),
        )

    def _qms_compile_inputs(self):
        """Every 9.3.2 input, as dicts ``{section, title, source, summary,
        lines: [{name, detail, value, status, res_model, res_id}]}``."""
        self.ensure_one()
        inputs = []
        for section, _label in SECTIONS:
            inputs += getattr(self, f"_qms_input_{section}")()
        return inputs

    def action_prepare_inputs(self):
        """(Re)compile the inputs from live data; frozen once the review is held."""
        for review in self:
            review._qms_require_state(
                ("planned",),
                self.env._("Inputs are prepared before the review is held."),
            )
            review.input_ids.filtered(lambda i: i.source != "manual").unlink()
            Input = self.env["qms.review.input"]
            for sequence, data in enumerate(review._qms_compile_inputs(), start=1):
                lines = data.pop("lines", [])
                Input.create(
                    dict(
                        data,
                        review_id=review.id,
                        sequence=sequence * 10,
                        line_ids=[
                            (0, 0, dict(line, sequence=n))
                            for n, line in enumerate(lines, start=1)
                        ],
                    )
                )
            review.inputs_compiled_on = fields.Datetime.now()
        return True

    def _qms_section_input(self, section, lines, summary=None, title=None):
        """One input of ``section`` with ``lines``; an empty section still says so."""
        labels = self._qms_section_labels()
        if summary is None:
            summary = (
                self.env._("%(count)s item(s).", count=len(lines))
                if lines
                else self.env._("Nothing recorded in the period.")
            )
        return {
            "section": section,
            "title": title or labels[section],
            "source": "computed",
            "summary": summary,
            "lines": lines,
        }

    def _qms_manual_input(self, section):
        return {
            "section": section,
            "title": self._qms_section_labels()[section],
            "source": "manual",
            "summary": self.env._("To be presented at the meeting."),
            "lines": [],
        }

    @api.model
    def _qms_section_labels(self):
        field = self.env["qms.review.input"]._fields["section"]
        return dict(field._description_selection(self.env))

    @api.model
    def _qms_line(self, record, name, detail="", value="", status=""):
        return {
            "name": name,
            "detail": detail or "",
            "value": value or "",
            "status": status or "",
            "res_model": record._name if record else False,
            "res_id": record.id if record else False,
        }

    @api.model
    def _qms_label(self, record, field):
        return dict(record._fields[field]._description_selection(self.env)).get(
            record[field], ""
        )

    def _qms_action_line(self, action):
        status = self._qms_label(action, "qms_state")
        if action.qms_overdue:
            status = self.env._(
                "%(state)s, %(days)s days overdue",
                state=status,
                days=action.qms_overdue_days,
            )
        return self._qms_line(
            action,
            " ".join(filter(None, [action.reference, action.name])),
            action.user_id.name,
            action.date_deadline and action.date_deadline.strftime("%d/%m/%Y"),
            status,
        )

    def _qms_input_a_actions(self):
        previous = self.search(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "in", ("minutes_approved", "closed")),
                ("planned_date", "<", self.planned_date),
                ("id", "!=", self.id),
            ]
        )
        actions = (
            self.env["mgmtsystem.action"]
            .sudo()
            .search([("qms_review_id", "in", previous.ids)], order="date_deadline")
        )
        return [
            self._qms_section_input(
                "a_actions", [self._qms_action_line(a) for a in actions]
            )
        ]

    def _qms_input_b_changes(self):
        Legal = self.env["qms.legal.document"].sudo()
        changed = Legal.search(
            [
                "|",
                ("company_id", "=", False),
                ("company_id", "=", self.company_id.id),
                "|",
                "&",
                ("state", "in", Legal._changed_states),
                "&",
                ("status_changed_on", ">=", self.period_start),
                ("status_changed_on", "<=", self.period_end),
                "&",
                ("date_effective", ">=", self.period_start),
                ("date_effective", "<=", self.period_end),
            ],
            order="date_effective desc",
        )
        lines = [
            self._qms_line(
                doc,
                doc.display_name,
                doc.title,
                doc.date_effective and doc.date_effective.strftime("%d/%m/%Y"),
                self._qms_label(doc, "state"),
            )
            for doc in changed
        ]
        flagged_domain = [
            ("company_id", "=", self.company_id.id),
            ("review_needed", "=", True),
        ]
        for model in ("qms.procedure", "qms.document"):
            for record in self.env[model].sudo().search(flagged_domain):
                lines.append(
                    self._qms_line(
                        record,
                        record.display_name,
                        record.review_reason,
                        record.review_since
                        and record.review_since.strftime("%d/%m/%Y"),
                        self.env._("Awaiting review"),
                    )
                )
        lines += self._qms_context_lines()
        return [self._qms_section_input("b_changes", lines)]

    def _qms_context_lines(self):
        """The context register (ISO 9001 clauses 4.1 and 4.2): every issue and
        interested party added or changed in the period, and those whose
        review is due, so the meeting confirms the register is current."""
        start, end = self._qms_period()
        lines = []
        for model in ("qms.context.issue", "qms.interested.party"):
            Register = self.env[model].sudo()
            base = [("company_id", "=", self.company_id.id)]
            changed = Register.with_context(active_test=False).search(
                base + [("write_date", ">=", start), ("write_date", "<=", end)],
                order="kind, name",
            )
            due = Register.search(base + [("review_due", "=", True)]) - changed
            for entry in changed:
                if not entry.active:
                    status = self.env._("Removed from the register")
                elif entry.create_date >= start:
                    status = self.env._("New in the period")
                else:
                    status = self.env._("Changed in the period")
                lines.append(
                    self._qms_line(
                        entry,
                        entry.name,
                        entry._qms_review_detail(),
                        self._qms_label(entry, "kind"),
                        status,
                    )
                )
            for entry in due:
                lines.append(
                    self._qms_line(
                        entry,
                        entry.name,
                        entry._qms_review_detail(),
                        self._qms_label(entry, "kind"),
                        self.env._("Not reviewed for a year"),
                    )
                )
        return lines

    def _qms_input_c1_feedback(self):
        """Satisfaction and feedback: the one-stop addon provides the data."""
        return [self._qms_manual_input("c1_feedback")]

    def _qms_objectives(self):
        return (
            self.env["mgmtsystem.objective"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("state", "!=", "cancelled"),
                    ("date_start", "<=", self.period_end),
                    ("date_end", ">=", self.period_start),
                ]
            )
        )

    def _qms_input_c2_objectives(self):
        lines = []
        for objective in self._qms_objectives():
            for indicator in objective.indicator_ids:
                values = indicator.value_ids.filtered(
                    lambda v: v.state == "posted" and v.date <= self.period_end
                ).sorted("date", reverse=True)
                latest = values[:1]
                lines.append(
                    self._qms_line(
                        indicator,
                        f"{objective.name}: {indicator.name}",
                        self.env._(
                            "Target %(target)s", target=indicator.qms_target_label
                        )
                        if indicator.qms_target_label
                        else "",
                        f"{latest.value:g} {indicator.qms_measure_unit or ''}".strip()
                        if latest
                        else self.env._("not measured"),
                        self._qms_label(latest, "value_state") if latest else "",
                    )
                )
        return [self._qms_section_input("c2_objectives", lines)]

    def _qms_input_c3_performance(self):
        """Process performance; the one-stop addon adds on-time rates."""
        Procedure = self.env["qms.procedure"].sudo()
        Version = self.env["qms.procedure.version"].sudo()
        domain = [("company_id", "=", self.company_id.id)]
        in_effect = Procedure.search_count(
            domain + [("effective_version_id", "!=", False)]
        )
        issued = Version.search_count(
            domain
            + [
                ("state", "in", ("effective", "superseded")),
                ("effective_date", ">=", self.period_start),
                ("effective_date", "<=", self.period_end),
            ]
        )
        lines = [
            self._qms_line(
                None, self.env._("ISO procedures in effect"), value=str(in_effect)
            ),
            self._qms_line(
                None,
                self.env._("Procedure versions put into effect in the period"),
                value=str(issued),
            ),
        ]
        return [self._qms_section_input("c3_performance", lines)]

    def _qms_period_actions(self, types, open_states):
        """The agency's actions of ``types`` created in the period or still in
        one of ``open_states``."""
        start, _end = self._qms_period()
        return (
            self.env["mgmtsystem.action"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("type_action", "in", types),
                    "|",
                    ("create_date", ">=", start),
                    ("qms_state", "in", open_states),
                ],
                order="date_deadline",
            )
        )

    def _qms_input_c4_nonconformities(self):
        """Corrective actions; the audit addon adds its nonconformities."""
        actions = self._qms_period_actions(
            ("immediate", "correction"), ("draft", "open", "done")
        )
        return [
            self._qms_section_input(
                "c4_nonconformities", [self._qms_action_line(a) for a in actions]
            )
        ]

    def _qms_input_c5_monitoring(self):
        Value = self.env["mgmtsystem.indicator.value"].sudo()
        values = Value.search(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "=", "posted"),
                ("date", ">=", self.period_start),
                ("date", "<=", self.period_end),
            ],
            order="date",
        )
        lines = [
            self._qms_line(
                value.indicator_id,
                value.indicator_id.name,
                value.date.strftime("%d/%m/%Y"),
                f"{value.value:g} {value.indicator_id.qms_measure_unit or ''}".strip(),
                self._qms_label(value, "value_state"),
            )
            for value in values
        ]
        return [self._qms_section_input("c5_monitoring", lines)]

    def _qms_input_c6_audits(self):
        """Audit results: the audit addon provides the data."""
        return [self._qms_manual_input("c6_audits")]

    def _qms_input_c7_providers(self):
        return [self._qms_manual_input("c7_providers")]

    def _qms_input_d_resources(self):
        return [self._qms_manual_input("d_resources")]

    def _qms_input_e_risks(self):
        risks = (
            self.env["qms.risk"]
            .sudo()
            .search(
                [("company_id", "=", self.company_id.id), ("state", "!=", "closed")]
            )
        )
        lines = []
        for risk in risks:
            residual = (
                f" → {risk.residual_score} ({risk.residual_level_id.name})"
                if risk.residual_score
                else ""
            )
            lines.append(
                self._qms_line(
                    risk,
                    risk.name,
                    risk.procedure_id.display_name or risk.process_name,
                    f"{risk.score} ({risk.level_id.name or ''}){residual}",
                    self.env._(
                        "%(state)s, %(open)s open action(s)",
                        state=self._qms_label(risk, "state"),
                        open=risk.action_open_count,
                    ),
                )
            )
        return [self._qms_section_input("e_risks", lines)]

    def _qms_input_f_improvement(self):
        actions = self._qms_period_actions(("improvement",), ("draft", "open"))
        lines = [self._qms_action_line(a) for a in actions]
        opportunities = (
            self.env["qms.risk"]
            .sudo()
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("kind", "=", "opportunity"),
                    ("state", "!=", "closed"),
                ]
            )
        )
        lines += [
            self._qms_line(
                opp,
                opp.name,
                self.env._("Opportunity"),
                str(opp.score),
                self._qms_label(opp, "state"),
            )
            for opp in opportunities
        ]
        return [self._qms_section_input("f_improvement", lines)]

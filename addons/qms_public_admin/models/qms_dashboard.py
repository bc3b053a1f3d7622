# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class QmsDashboard(models.AbstractModel):
    """What each role sees first: counts that open the records behind them,
    short lists, and what to do next. One call returns the sections of every
    role the user has (an ISO officer who is also a leader sees both).

    Extension point: an addon overrides :meth:`_qms_sections` and appends its
    own sections, built with :meth:`_qms_card` and :meth:`_qms_section`.
    Counts follow the caller's record rules (no sudo): a card never shows a
    number the user could not open.
    """

    _name = "qms.dashboard"
    _description = "Role Dashboards"

    @api.model
    def qms_dashboard_data(self, app=None):
        """The sections for the current user; ``app`` ("iso" or "onestop")
        puts that app's sections first."""
        sections = [s for s in self._qms_sections() if s]
        if app:
            sections.sort(key=lambda s: s.get("app") != app)
        return {
            "user": self.env.user.name,
            "company": self.env.company.name,
            "today": fields.Date.to_string(self._qms_today()),
            "sections": sections,
        }

    @api.model
    def _qms_home_action(self, user):
        """The dashboard a user of our roles lands on (None: not ours)."""
        if user.has_group("qms_public_admin.group_qms_user") or user.has_group(
            "qms_public_admin.group_qms_dost_inspector"
        ):
            return self.env.ref("qms_public_admin.action_qms_dashboard")
        return None

    @api.model
    def _qms_home_on_dashboard(self, users=None):
        """Users of our roles with no home action land on their dashboard
        instead of an empty Discuss inbox (run at install, by the setup
        wizard and for the demo officers)."""
        users = (
            users
            if users is not None
            else self.env["res.users"].search([("share", "=", False)])
        )
        ours = self.env["ir.actions.client"].search([("tag", "=", "qms_dashboard")])
        # A home the user or an administrator chose is kept; one of our
        # dashboards may be replaced by the one of a role added since.
        for user in users.filtered(
            lambda u: not u.action_id or u.action_id.id in ours.ids
        ):
            action = self._qms_home_action(user)
            if action and user.action_id.id != action.id:
                user.sudo().action_id = action.id

    # ------------------------------------------------------------ builders
    @api.model
    def _qms_today(self):
        return self.env.company.qms_today()

    @api.model
    def _qms_card(
        self,
        label,
        model,
        domain,
        tone="secondary",
        alert_if_any=False,
        view=None,
        help_text=None,
    ):
        count = self.env[model].search_count(domain)
        if alert_if_any and count:
            tone = "danger"
        elif not count and tone in ("warning", "info"):
            tone = "secondary"  # nothing to warn about
        return {
            "label": label,
            "value": count,
            "tone": tone,
            "help": help_text or "",
            "action": self._qms_open(label, model, domain, view),
        }

    @api.model
    def _qms_open(self, name, model, domain, view=None):
        views = [[False, "list"], [False, "form"]]
        if view:
            views = [[self.env.ref(view).id, "list"], [False, "form"]]
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            # Dates and moments are sent as Odoo sends every date (json_default).
            "domain": domain,
            "views": views,
            "target": "current",
        }

    @api.model
    def _qms_open_record(self, record):
        """Window action opening ``record``'s form (False without a record)."""
        if not record:
            return False
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "views": [[False, "form"]],
            "target": "current",
        }

    @api.model
    def _qms_todo(self, label, name, model, domain, view=None):
        """A line of the "this month" list, opening the records it is about."""
        return {"label": label, "action": self._qms_open(name, model, domain, view)}

    @api.model
    def _qms_section(self, key, title, app, cards=(), tables=(), todo=(), empty=None):
        return {
            "key": key,
            "title": title,
            "app": app,
            "cards": list(cards),
            "tables": [t for t in tables if t],
            "todo": list(todo),
            "empty": empty or "",
        }

    @api.model
    def _qms_table(self, title, columns, rows, action=None):
        if not rows:
            return None
        return {"title": title, "columns": columns, "rows": rows, "action": action}

    # ------------------------------------------------------------ sections
    @api.model
    def _qms_sections(self):
        user = self.env.user
        sections = []
        if user.has_group("qms_public_admin.group_qms_iso_officer"):
            sections.append(self._qms_section_iso())
        reviews = self._qms_my_reviews()
        if reviews:
            sections.insert(0, self._qms_section_approvals(reviews))
        if user.has_group("qms_public_admin.group_qms_dost_inspector"):
            sections.append(self._qms_section_dost())
        return sections

    @api.model
    def _qms_my_reviews(self):
        """The reviews the user can decide now (tier validation's own
        ``can_review``: its turn has come) on records of the user's agencies
        (a tier given to a group lists its members of every agency)."""
        reviews = self.env["tier.review"].search(
            [("can_review", "=", True), ("reviewer_ids", "in", self.env.uid)]
        )
        mine = self.env["tier.review"]
        for model, group in reviews.grouped("model").items():
            # Read as the approval list shows it: the review is theirs, and
            # the record's agency decides whether it is theirs to decide.
            records = self.env[model].sudo().browse(group.mapped("res_id")).exists()
            if "company_id" in records._fields:
                records = records.filtered(
                    lambda r: (
                        not r.company_id or r.company_id in self.env.user.company_ids
                    )
                )
            mine |= group.filtered(lambda r, ids=set(records.ids): r.res_id in ids)
        return mine

    @api.model
    def _qms_section_approvals(self, reviews):
        rows = []
        for review in reviews[:10]:
            record = self.env[review.model].sudo().browse(review.res_id)
            rows.append(
                {
                    "cells": [
                        record.display_name,
                        review.name or "",
                        review.requested_by.name or "",
                    ],
                    "action": self._qms_open_record(record),
                }
            )
        return self._qms_section(
            "approvals",
            self.env._("Waiting for Your Approval"),
            "iso",
            tables=[
                self._qms_table(
                    self.env._("%(count)s to decide", count=len(reviews)),
                    [
                        self.env._("Record"),
                        self.env._("Approval"),
                        self.env._("Requested By"),
                    ],
                    rows,
                )
            ],
        )

    @api.model
    def _qms_section_iso(self):
        today = self._qms_today()
        cards = [
            self._qms_card(
                self.env._("Procedures to Review (legal change)"),
                "qms.procedure",
                [("review_needed", "=", True)],
                alert_if_any=True,
                view="qms_public_admin.qms_procedure_view_review_list",
                help_text=self.env._(
                    "Their legal basis was amended, replaced or expired."
                ),
            ),
            self._qms_card(
                self.env._("Procedure Versions in Preparation"),
                "qms.procedure.version",
                [("state", "in", ("draft", "to_review", "approved"))],
            ),
            self._qms_card(
                self.env._("Documents in Preparation"),
                "qms.document.version",
                [("state", "in", ("draft", "to_review", "approved"))],
            ),
            self._qms_card(
                self.env._("Open Improvement Actions"),
                "mgmtsystem.action",
                [("qms_state", "in", ("draft", "open"))],
                tone="primary",
            ),
            self._qms_card(
                self.env._("Overdue Actions"),
                "mgmtsystem.action",
                [("qms_overdue", "=", True)],
                alert_if_any=True,
            ),
        ]
        return self._qms_section(
            "iso",
            self.env._("Quality System"),
            "iso",
            cards=cards,
            todo=self._qms_month_checklist(today),
        )

    @api.model
    def _qms_month_checklist(self, today):
        """What to do this month, from what is due: each line opens its
        records. Addons add theirs (audits, objectives)."""
        todo = []
        review_needed = self.env["qms.procedure"].search_count(
            [("review_needed", "=", True)]
        )
        if review_needed:
            todo.append(
                self._qms_todo(
                    self.env._(
                        "Review %(count)s procedure(s) flagged by a change in "
                        "their legal basis, the catalogue or their template.",
                        count=review_needed,
                    ),
                    self.env._("Legal Changes to Review"),
                    "qms.procedure",
                    [("review_needed", "=", True)],
                    "qms_public_admin.qms_procedure_view_review_list",
                )
            )
        month_end = today + relativedelta(day=31)
        due = [
            ("qms_state", "in", ("draft", "open")),
            ("date_deadline", "<=", month_end),
        ]
        count = self.env["mgmtsystem.action"].search_count(due)
        if count:
            todo.append(
                self._qms_todo(
                    self.env._(
                        "Close or follow up %(count)s action(s) due by the end of "
                        "the month.",
                        count=count,
                    ),
                    self.env._("Actions Due This Month"),
                    "mgmtsystem.action",
                    due,
                )
            )
        todo += self._qms_month_checklist_system(today, month_end)
        return todo

    @api.model
    def _qms_month_checklist_system(self, today, month_end):
        """The plan's tasks, training gaps, the context register, planned
        messages and forms that are not the official ones."""
        todo = []
        checks = [
            (
                "qms.implementation.task",
                [
                    ("state", "in", ("todo", "in_progress")),
                    ("plan_id.state", "=", "approved"),
                    ("date_deadline", "<=", month_end),
                ],
                self.env._(
                    "Move forward %(count)s task(s) of the quality system plan "
                    "due by the end of the month (or overdue)."
                ),
                self.env._("Plan Tasks Due"),
            ),
            (
                "qms.competence.gap",
                [],
                self.env._(
                    "Close %(count)s competence gap(s): plan a course or send the "
                    "awareness quiz."
                ),
                self.env._("Competence Gaps"),
            ),
            (
                "qms.context.issue",
                [("review_due", "=", True)],
                self.env._(
                    "Confirm or update %(count)s internal or external issue(s) not "
                    "reviewed for a year."
                ),
                self.env._("Issues to Review"),
            ),
            (
                "qms.interested.party",
                [("review_due", "=", True)],
                self.env._(
                    "Confirm or update the needs of %(count)s interested party(ies) "
                    "not reviewed for a year."
                ),
                self.env._("Interested Parties to Review"),
            ),
            (
                "qms.communication",
                [("state", "=", "planned"), ("date_planned", "<=", month_end)],
                self.env._(
                    "Send %(count)s planned message(s) of the communication plan."
                ),
                self.env._("Messages to Send"),
            ),
            (
                "qms.procedure.form",
                [("differs", "=", True), ("version_id.state", "=", "effective")],
                self.env._(
                    "Bring %(count)s form(s) of procedures in effect back to the "
                    "official template."
                ),
                self.env._("Forms Not Official"),
            ),
        ]
        for model, domain, text, title in checks:
            count = self.env[model].search_count(domain)
            if count:
                todo.append(
                    self._qms_todo(text % {"count": count}, title, model, domain)
                )
        return todo

    @api.model
    def _qms_section_dost(self):
        Status = self.env["qms.agency.status"]
        cards = [
            self._qms_card(
                self.env._("Agencies"), "qms.agency.status", [], tone="primary"
            ),
            self._qms_card(
                self.env._("Not Announced"),
                "qms.agency.status",
                [("announcement_status", "!=", "announced")],
                alert_if_any=True,
            ),
            self._qms_card(
                self.env._("With Overdue Actions"),
                "qms.agency.status",
                [("overdue_action_count", ">", 0)],
                alert_if_any=True,
            ),
        ]
        worst = Status.search(
            [("overdue_action_count", ">", 0)],
            order="overdue_action_count desc",
            limit=10,
        )
        rows = [
            {
                "cells": [
                    s.company_id.sudo().display_name,
                    str(s.overdue_action_count),
                    str(s.review_needed_count),
                ],
                "action": self._qms_open_record(s),
            }
            for s in worst
        ]
        return self._qms_section(
            "dost",
            self.env._("Agencies' Quality Systems"),
            "iso",
            cards=cards,
            tables=[
                self._qms_table(
                    self.env._("Most overdue actions"),
                    [
                        self.env._("Agency"),
                        self.env._("Overdue Actions"),
                        self.env._("Procedures to Review"),
                    ],
                    rows,
                )
            ],
        )

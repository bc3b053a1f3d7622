# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from dateutil.relativedelta import relativedelta

from odoo import api, models

from ..lib.service_index import rate as onestop_rate
from ..lib.states import OPEN_STATES

DOSSIER = "qms.onestop.dossier"


class QmsDashboard(models.AbstractModel):
    """The one-stop sections of the role dashboards: the desk's day, the
    officer's own dossiers, the leader's on-time trend and late units."""

    _inherit = "qms.dashboard"

    @api.model
    def _qms_home_action(self, user):
        # One-stop officers and leaders land on the desk's dashboard.
        roles = ("desk", "processor", "approver", "supervisor")
        if any(user.has_group(f"qms_onestop.group_onestop_{role}") for role in roles):
            return self.env.ref("qms_onestop.action_onestop_dashboard")
        return super()._qms_home_action(user)

    @api.model
    def _qms_sections(self):
        sections = super()._qms_sections()
        user = self.env.user
        leader = user.has_group("qms_onestop.group_onestop_approver") or (
            user.has_group("qms_onestop.group_onestop_supervisor")
        )
        processor = user.has_group("qms_onestop.group_onestop_processor")
        if user.has_group("qms_onestop.group_onestop_desk") and not (
            leader or processor
        ):
            sections.append(self._qms_section_desk())
        if processor or user.has_group("qms_onestop.group_onestop_desk"):
            sections.append(self._qms_section_mine())
        if leader:
            sections.append(self._qms_section_leader())
        return sections

    @api.model
    def _qms_local_day(self, day):
        """The UTC bounds of the agency's local ``day``."""
        company = self.env.company
        start = company._qms_to_utc(datetime.datetime.combine(day, datetime.time.min))
        return start, start + datetime.timedelta(days=1)

    @api.model
    def _qms_section_desk(self):
        today = self._qms_today()
        start, end = self._qms_local_day(today)
        received_today = [("received_at", ">=", start), ("received_at", "<", end)]
        cards = [
            self._qms_card(
                self.env._("Received Today"), DOSSIER, received_today, tone="primary"
            ),
            self._qms_card(
                self.env._("Due Today"),
                DOSSIER,
                [
                    ("state", "in", OPEN_STATES),
                    ("appointment_at", ">=", start),
                    ("appointment_at", "<", end),
                ],
                tone="warning",
            ),
            self._qms_card(
                self.env._("Overdue"),
                DOSSIER,
                [("is_overdue", "=", True)],
                alert_if_any=True,
            ),
            self._qms_card(
                self.env._("Waiting for Supplement"),
                DOSSIER,
                [("state", "=", "waiting_supplement")],
            ),
            self._qms_card(
                self.env._("Results to Hand Over"),
                DOSSIER,
                [("state", "=", "result_ready")],
                tone="success",
            ),
            self._qms_card(
                self.env._("Fees to Collect"),
                DOSSIER,
                [
                    ("payment_state", "in", ("to_pay", "partial")),
                    ("state", "in", OPEN_STATES + ("result_ready",)),
                ],
                tone="warning",
            ),
            self._qms_card(
                self.env._("Notifications Failed"),
                "qms.onestop.notification",
                [("state", "=", "failed")],
                alert_if_any=True,
            ),
        ]
        groups = self.env[DOSSIER]._read_group(
            received_today, ["tthc_id"], ["__count"], order="__count desc", limit=10
        )
        rows = [
            {
                "cells": [tthc.display_name, str(count)],
                "action": self._qms_open(
                    tthc.display_name,
                    DOSSIER,
                    received_today + [("tthc_id", "=", tthc.id)],
                ),
            }
            for tthc, count in groups
        ]
        return self._qms_section(
            "desk",
            self.env._("One-Stop Desk Today"),
            "onestop",
            cards=cards,
            tables=[
                self._qms_table(
                    self.env._("Received today, by procedure"),
                    [self.env._("Procedure"), self.env._("Dossiers")],
                    rows,
                )
            ],
        )

    @api.model
    def _qms_section_mine(self):
        today = self._qms_today()
        _start, soon = self._qms_local_day(today + datetime.timedelta(days=2))
        mine = [("current_user_id", "=", self.env.uid), ("state", "in", OPEN_STATES)]
        cards = [
            self._qms_card(self.env._("My Dossiers"), DOSSIER, mine, tone="primary"),
            self._qms_card(
                self.env._("My Steps Due in Two Days"),
                DOSSIER,
                mine + [("current_line_id.due_at", "<", soon)],
                tone="warning",
            ),
            self._qms_card(
                self.env._("My Overdue Dossiers"),
                DOSSIER,
                mine + [("is_overdue", "=", True)],
                alert_if_any=True,
            ),
        ]
        return self._qms_section("mine", self.env._("My Work"), "onestop", cards=cards)

    @api.model
    def _qms_section_leader(self):
        today = self._qms_today()
        first = today.replace(day=1)
        figures = self.env["qms.onestop.kpi.month"]._qms_figures(
            [], first - relativedelta(months=5), first, by=("month",)
        )
        months = []
        for offset in range(5, -1, -1):
            month = first - relativedelta(months=offset)
            row = figures["groups"].get((month,))
            rate = row and row["on_time_rate"]
            months.append(
                {
                    "cells": [
                        month.strftime("%m/%Y"),
                        str(row["finished"] if row else 0),
                        f"{rate:.1f} %" if rate is not None and row else "—",
                        str(row["late"] if row else 0),
                    ]
                }
            )
        this_month = figures["groups"].get((first,))
        rate = this_month and this_month["on_time_rate"]
        late = [("is_overdue", "=", True)]
        cards = [
            {
                "label": self.env._("On Time This Month"),
                "value": f"{rate:.1f} %" if rate is not None and this_month else "—",
                "tone": "success" if rate is None or rate >= 95 else "warning",
                "help": self.env._(
                    "Finished dossiers settled early or on the due day."
                ),
                "action": self._qms_open(
                    self.env._("Monthly On-Time Figures"),
                    "qms.onestop.kpi.month",
                    [("month", "=", first)],
                ),
            },
            self._qms_card(
                self.env._("Overdue Dossiers"), DOSSIER, late, alert_if_any=True
            ),
            self._qms_card(
                self.env._("Notices to Approve"),
                "qms.onestop.notice",
                [
                    ("validation_status", "in", ("waiting", "pending")),
                    ("state", "=", "draft"),
                ],
                tone="warning",
            ),
        ]
        by_unit = self.env[DOSSIER]._read_group(
            late, ["current_unit_id"], ["__count"], order="__count desc", limit=10
        )
        units = [
            {
                "cells": [unit.display_name or self.env._("(no unit)"), str(count)],
                "action": self._qms_open(
                    unit.display_name or self.env._("Overdue Dossiers"),
                    DOSSIER,
                    late + [("current_unit_id", "=", unit.id or False)],
                ),
            }
            for unit, count in by_unit
        ]
        indicators = self.env["mgmtsystem.indicator"].search(
            [("value_state", "!=", False)], limit=10
        )
        targets = [
            {
                "cells": [
                    ind.name,
                    f"{ind.value:g} {ind.qms_measure_unit or ''}".strip(),
                    ind.qms_target_label or "",
                    dict(
                        ind._fields["value_state"]._description_selection(self.env)
                    ).get(ind.value_state, ""),
                ],
                "action": self._qms_open_record(ind),
            }
            for ind in indicators
        ]
        index_card, index_table = self._qms_service_index_view(first)
        if index_card:
            cards.insert(1, index_card)
        cards.insert(2, self._qms_fees_card(first))
        return self._qms_section(
            "leader",
            self.env._("Results of the Agency"),
            "onestop",
            cards=cards,
            tables=[
                index_table,
                self._qms_table(
                    self.env._("On-time trend (last six months)"),
                    [
                        self.env._("Month"),
                        self.env._("Finished"),
                        self.env._("On Time"),
                        self.env._("Late"),
                    ],
                    months,
                ),
                self._qms_table(
                    self.env._("Overdue dossiers by unit"),
                    [self.env._("Unit"), self.env._("Dossiers")],
                    units,
                ),
                self._qms_table(
                    self.env._("Quality objectives against their targets"),
                    [
                        self.env._("Indicator"),
                        self.env._("Last Value"),
                        self.env._("Target"),
                        self.env._("State"),
                    ],
                    targets,
                ),
            ],
        )

    @api.model
    def _qms_service_index_view(self, first):
        """The agency's service index (Decision 766) for the last six months:
        a card for last month, a row per month."""
        company = self.env.company
        Score = self.env["qms.service.index.score"]
        months = Score._qms_last_months(first, 6)
        totals = Score._qms_totals(company, months)
        index = self.env.ref("qms_onestop.service_index_766", raise_if_not_found=False)
        if not index or not totals:
            return None, None
        rows = []
        for month in months:
            total = totals.get((index, month))
            if not total or total["score"] is None:
                total = None
            rows.append(
                {
                    "cells": [
                        month.strftime("%m/%Y"),
                        f"{total['score']:.1f}" if total else "—",
                        f"{total['points']:.1f} / {total['reachable']:.0f}"
                        if total
                        else "",
                        total["band"] if total else "",
                    ],
                    "action": self._qms_open(
                        self.env._("Service Index"),
                        "qms.service.index.score",
                        [
                            ("month", "=", month),
                            ("company_id", "=", company.id),
                            ("index_id", "=", index.id),
                        ],
                    ),
                }
            )
        last = totals.get((index, months[-2])) if len(months) > 1 else None
        if last and last["score"] is None:
            last = None
        card = last and {
            "label": self.env._("Service Index Last Month"),
            "value": f"{last['score']:.1f}",
            "tone": "success"
            if index.excellent_from and last["score"] >= index.excellent_from
            else "warning",
            "help": self.env._(
                "Decision 766/QĐ-TTg, out of 100: %(points)s points of the "
                "%(max)s measured (%(band)s).",
                points=last["points"],
                max=round(last["reachable"]),
                band=last["band"],
            ),
            "action": self._qms_open(
                self.env._("Service Index"),
                "qms.service.index.score",
                [("month", "=", months[-2]), ("company_id", "=", company.id)],
            ),
        }
        table = self._qms_table(
            self.env._("Service index (Decision 766), last six months"),
            [
                self.env._("Month"),
                self.env._("Score"),
                self.env._("Points"),
                self.env._("Rank"),
            ],
            rows,
        )
        return card, table

    @api.model
    def _qms_fees_card(self, first):
        """Fees of the dossiers received this month: the share paid, and the
        share of payments made online."""
        company = self.env.company
        end = first + relativedelta(months=1)
        Dossier = self.env[DOSSIER]
        paid = Dossier._qms_index_metric("paid", company, first, end).get(
            company.id, (0, 0)
        )
        online = Dossier._qms_index_metric("online_payment", company, first, end).get(
            company.id, (0, 0)
        )
        rate = onestop_rate(*paid)
        return {
            "label": self.env._("Fees Paid This Month"),
            "value": f"{rate:.1f} %" if rate is not None else "—",
            "tone": "primary",
            "help": self.env._(
                "%(paid)s of %(due)s dossiers with fees; %(online)s of %(payments)s "
                "payments made online.",
                paid=paid[0],
                due=paid[1],
                online=online[0],
                payments=online[1],
            ),
            "action": self._qms_open(
                self.env._("Payments and Refunds"),
                "qms.onestop.payment",
                [("company_id", "=", company.id)],
            ),
        }

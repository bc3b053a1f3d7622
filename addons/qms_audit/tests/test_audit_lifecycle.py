# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError

from .common import AuditCase


class TestAuditPlan(AuditCase):
    def _plan(self, year=2026, **vals):
        values = {
            "company_id": self.agency_a.id,
            "year": year,
            "team_ids": [
                (
                    0,
                    0,
                    {
                        "name": "Nhóm 1",
                        "lead_id": self.lead_b.id,
                        "member_ids": [(6, 0, self.auditor_a.ids)],
                    },
                ),
            ],
        }
        values.update(vals)
        plan = self.env["qms.audit.plan"].with_user(self.iso_a).create(values)
        self.env["qms.audit.plan.line"].with_user(self.iso_a).create(
            [
                {
                    "plan_id": plan.id,
                    "department_id": self.unit_a.id,
                    "month": "3",
                    "team_id": plan.team_ids.id,
                },
                {
                    "plan_id": plan.id,
                    "department_id": self.unit2_a.id,
                    "month": "9",
                    "team_id": plan.team_ids.id,
                },
            ]
        )
        return plan

    def test_plan_approval_needs_decision_and_the_quality_representative(self):
        plan = self._plan()
        self.assertEqual(plan.name, "Internal audit plan 2026")
        with self.assertRaisesRegex(UserError, "quality representative"):
            plan.with_user(self.iso_a).action_approve()
        with self.assertRaisesRegex(UserError, "decision number"):
            plan.with_user(self.qmr_a).action_approve()
        plan.with_user(self.iso_a).write(
            {"decision_number": "12/QĐ-UBND", "decision_date": date(2026, 1, 15)}
        )
        plan.with_user(self.qmr_a).action_approve()
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.approved_by_id, self.qmr_a)
        # Approved: frozen, lines and teams with it.
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            plan.with_user(self.iso_a).write({"scope": "Toàn bộ"})
        with self.assertRaisesRegex(UserError, "amend it"):
            plan.line_ids[0].with_user(self.iso_a).write({"month": "4"})
        with self.assertRaisesRegex(UserError, "amend it"):
            plan.team_ids.with_user(self.iso_a).unlink()
        # A second approved plan for the same year is refused.
        other = self._plan(decision_number="13/QĐ-UBND", decision_date=date(2026, 2, 1))
        with self.assertRaisesRegex(ValidationError, "already has an approved"):
            other.with_user(self.qmr_a).action_approve()
        self.assertEqual(other.state, "draft")

    def test_plan_versus_actual_and_late_audits(self):
        with freeze_time("2026-02-10"):
            plan = self._plan(
                decision_number="12/QĐ-UBND", decision_date=date(2026, 1, 15)
            )
            plan.with_user(self.qmr_a).action_approve()
            march, september = plan.line_ids.sorted("month_number")
            self.assertEqual(march.date_due, date(2026, 3, 31))
            self.assertEqual(march.status, "planned")
            march.with_user(self.iso_a).action_create_audit()
            audit = march.audit_id
            self.assertEqual(audit.lead_id, self.lead_b)
            self.assertEqual(audit.member_ids, self.auditor_a)
            self.assertEqual(audit.department_ids, self.unit_a)
            self.assertEqual(audit.date_start, date(2026, 3, 1))
            self.assertEqual(march.status, "scheduled")
        with freeze_time("2026-04-02"):
            self.env["qms.audit"]._cron_qms_late_audits()
            self.assertEqual(march.status, "late")
            self.assertEqual(september.status, "planned")
            self.assertEqual(plan.late_count, 1)
            self.assertEqual(march.late_notified_on, date(2026, 4, 2))
            activities = plan.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id
                    == self.env.ref("qms_audit.mail_activity_audit_late")
                )
            )
            self.assertEqual(activities.user_id, self.qmr_a | self.iso_a)
            # The audit itself is late too: its lead auditor is reminded.
            self.assertEqual(audit.late_notified_on, date(2026, 4, 2))
            self.assertTrue(audit.is_late)
            self.assertEqual(audit.activity_ids.user_id, self.lead_user_b)
            # Reminded once only.
            self.assertEqual(self.env["qms.audit"]._cron_qms_late_audits(), 0)
            self.assertEqual(len(plan.activity_ids), 2)
        with self.assertRaisesRegex(UserError, "not done yet"):
            plan.with_user(self.iso_a).action_close()


class TestAuditLifecycle(AuditCase):
    def _slots(self, audit):
        return self.env["qms.audit.schedule"].search([("audit_id", "=", audit.id)])

    def test_program_is_approved_by_the_quality_representative(self):
        audit = self._audit()
        self.assertTrue(audit.reference.startswith("DGNB/"))
        self.assertEqual(audit.team_user_ids, self.lead_user_b | self.auditor_user_a)
        with self.assertRaisesRegex(UserError, "the schedule"):
            audit.with_user(self.lead_user_b).action_submit_program()
        self._slot(audit)
        # Only the lead auditor (or an ISO officer) submits the program.
        with self.assertRaisesRegex(UserError, "lead auditor"):
            audit.with_user(self.auditor_user_a).action_submit_program()
        audit.with_user(self.lead_user_b).action_submit_program()
        self.assertEqual(audit.state, "planned")
        self.assertEqual(audit.review_ids.reviewer_ids, self.qmr_a)
        # Someone else's validation does not approve it.
        audit.with_user(self.iso_a).validate_tier()
        self.assertEqual(audit.state, "planned")
        audit.with_user(self.qmr_a).validate_tier()
        self.assertEqual(audit.state, "program_approved")
        self.assertEqual(audit.program_approved_by_id, self.qmr_a)
        self.assertIn(self.lead_user_b.partner_id, audit.message_partner_ids)
        # The approved program is frozen.
        with self.assertRaisesRegex(UserError, "program of .* is approved"):
            audit.with_user(self.iso_a).write(
                {"date_end": audit.date_end + timedelta(days=2)}
            )
        with self.assertRaisesRegex(UserError, "program can no longer be changed"):
            self._slot(audit, day=2)
        # The quality representative may reopen it before the audit.
        audit.with_user(self.qmr_a).action_reopen_program()
        self.assertEqual(audit.state, "planned")
        self.assertFalse(audit.review_ids)

    def test_schedule_outside_the_audit_dates_is_refused(self):
        audit = self._audit()
        with self.assertRaisesRegex(ValidationError, "outside the audit dates"):
            self._slot(audit, day=5)
        with self.assertRaisesRegex(ValidationError, "outside the audit dates"):
            self._slot(audit, day=0)
        self.assertFalse(self._slots(audit), "nothing written")

    def test_an_auditor_never_audits_their_own_unit(self):
        audit = self._audit()
        with self.assertRaisesRegex(ValidationError, "own unit"):
            self._slot(audit, department_id=self.unit2_a.id)
        # A sub-unit of their unit is their own work too.
        sub = self.env["hr.department"].create(
            {
                "name": "Bộ phận Một cửa",
                "company_id": self.agency_a.id,
                "parent_id": self.unit2_a.id,
            }
        )
        audit.with_user(self.iso_a).department_ids = [(4, sub.id)]
        with self.assertRaisesRegex(ValidationError, "own unit"):
            self._slot(audit, department_id=sub.id)
        with self.assertRaisesRegex(ValidationError, "not on the team"):
            self._slot(audit, auditor_id=self.untrained.id)
        with self.assertRaisesRegex(ValidationError, "own unit"):
            self._finding(self._audit(), department_id=self.unit2_a.id)
        self.assertFalse(self._slots(audit), "nothing written")

    def test_only_qualified_auditors_audit(self):
        with self.assertRaisesRegex(ValidationError, "qualified auditors"):
            self._audit(member_ids=[(6, 0, (self.auditor_a | self.untrained).ids)])
        # A certificate that expired before the audit does not qualify either.
        self.auditor_a.valid_until = self.today
        with self.assertRaisesRegex(ValidationError, "Auditor A"):
            self._audit()
        self.assertIn(
            self.lead_b, self.env["qms.auditor"].search([("qualified", "=", True)])
        )
        self.assertIn(
            self.untrained, self.env["qms.auditor"].search([("qualified", "=", False)])
        )

    def test_audit_from_checklist_to_report(self):
        audit = self._audit_in_progress()
        self.assertEqual(audit.state, "in_progress")
        self.assertTrue(audit.opening_meeting)
        # Checklists matching the scope (clause 8.5) are copied in.
        audit.with_user(self.auditor_user_a).action_load_checklists()
        tthc = self.env.ref("qms_audit.checklist_tthc")
        self.assertEqual(audit.checklist_template_ids, tthc)
        self.assertEqual(len(audit.checklist_line_ids), len(tthc.question_ids))
        with self.assertRaisesRegex(UserError, "conclusion"):
            audit.with_user(self.lead_user_b).action_issue_report()
        audit.with_user(self.lead_user_b).conclusion = "<p>Phù hợp.</p>"
        with self.assertRaisesRegex(UserError, "no result yet"):
            audit.with_user(self.lead_user_b).action_issue_report()
        lines = audit.checklist_line_ids.with_user(self.auditor_user_a)
        lines.write({"result": "conforming", "department_id": self.unit_a.id})
        lines[1].write(
            {"result": "nc_minor", "evidence": "Niêm yết thiếu phí, lệ phí 02 TTHC"}
        )
        lines[2].write({"result": "ofi", "evidence": "Có thể dùng sổ điện tử"})
        audit.with_user(self.auditor_user_a).action_record_findings()
        self.assertEqual(len(audit.finding_ids), 2)
        self.assertEqual(audit.nc_minor_count, 1)
        self.assertEqual(audit.ofi_count, 1)
        nc_finding = audit.finding_ids.filtered(lambda f: f.finding_type == "nc_minor")
        self.assertEqual(nc_finding.responsible_id, self.staff_a, "unit head answers")
        self.assertEqual(nc_finding.clause_id, lines[1].clause_id)
        audit.with_user(self.lead_user_b).action_issue_report()
        self.assertEqual(audit.state, "report_issued")
        self.assertEqual(audit.report_date, self.today)
        nc = nc_finding.nonconformity_id
        self.assertEqual(nc.state, "analysis")
        self.assertFalse(nc.partner_id)
        self.assertEqual(nc.responsible_user_id, self.staff_a)
        self.assertEqual(nc.manager_user_id, self.lead_user_b)
        self.assertEqual(nc.qms_department_id, self.unit_a)
        self.assertEqual(nc.qms_grade, "nc_minor")
        self.assertEqual(nc.qms_response_due, self.today + timedelta(days=10))
        self.assertEqual(
            nc.activity_ids.activity_type_id,
            self.env.ref("qms_audit.mail_activity_nc_response"),
        )
        self.assertEqual(nc.activity_ids.user_id, self.staff_a)
        self.assertFalse(audit.finding_ids.filtered("action_id"))
        # The report is frozen; the audit cannot close while the NC is open.
        with self.assertRaisesRegex(UserError, "report of .* is issued"):
            audit.with_user(self.lead_user_b).write({"conclusion": "<p>Khác</p>"})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self._finding(audit)
        with self.assertRaisesRegex(UserError, nc.ref):
            audit.with_user(self.lead_user_b).action_close()
        self.assertEqual(audit.state, "report_issued")

    def test_states_move_only_by_buttons(self):
        audit = self._audit()
        with self.assertRaisesRegex(UserError, "buttons"):
            audit.with_user(self.iso_a).write({"state": "closed"})
        with self.assertRaisesRegex(UserError, "program must be approved"):
            audit.with_user(self.lead_user_b).action_start()
        with self.assertRaisesRegex(UserError, "in progress"):
            audit.with_user(self.lead_user_b).action_issue_report()
        audit.with_user(self.iso_a).action_cancel()
        self.assertEqual(audit.state, "cancel")

    def test_dates_are_checked(self):
        with self.assertRaisesRegex(ValidationError, "end before it starts"):
            self._audit(date_end=self.today)

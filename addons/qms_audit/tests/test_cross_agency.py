# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo.exceptions import AccessError

from .common import AuditCase


class TestCrossAgencyAudit(AuditCase):
    """The lead auditor comes from agency B: they work on agency A's audit and
    what it produced, and see nothing else of agency A."""

    def setUp(self):
        super().setUp()
        self.audit = self._audit_in_progress()
        # Another audit of agency A, without auditor B.
        self.other_audit = self._audit(
            name="Đánh giá Văn phòng",
            lead_id=self.auditor_a.id,
            member_ids=[],
            department_ids=[(6, 0, self.unit_a.ids)],
        )
        self.other_action = self._action(name="Hành động khác của xã A")

    def test_the_cross_auditor_sees_their_audit_only(self):
        Audit = self.env["qms.audit"].with_user(self.lead_user_b)
        self.assertEqual(Audit.search([]), self.audit)
        with self.assertRaises(AccessError):
            self.other_audit.with_user(self.lead_user_b).read(["name"])
        # Nothing else of agency A: actions, procedures, units, documents.
        self.assertFalse(
            self.env["mgmtsystem.action"]
            .with_user(self.lead_user_b)
            .search([("company_id", "=", self.agency_a.id)])
        )
        with self.assertRaises(AccessError):
            self.other_action.with_user(self.lead_user_b).read(["name"])
        with self.assertRaises(AccessError):
            self.procedure_a.with_user(self.lead_user_b).read(["name"])
        self.assertFalse(
            self.env["hr.department"]
            .with_user(self.lead_user_b)
            .search([("company_id", "=", self.agency_a.id)])
        )
        # Their own agency's auditors too do not see agency A's audit.
        colleague = self._user("colleague_b", "group_qms_iso_officer", self.agency_b)
        self.assertFalse(self.env["qms.audit"].with_user(colleague).search([]))

    def test_the_cross_auditor_reads_the_audit_form(self):
        data = self.audit.with_user(self.lead_user_b).web_read(
            {
                "name": {},
                "company_id": {"fields": {"display_name": {}}},
                "lead_id": {"fields": {"display_name": {}}},
                "scope_summary": {},
                "schedule_ids": {
                    "fields": {
                        "department_id": {"fields": {"display_name": {}}},
                        "auditor_id": {"fields": {"display_name": {}}},
                        "content": {},
                    }
                },
                "state": {},
            }
        )[0]
        self.assertEqual(data["company_id"]["display_name"], self.agency_a.name)
        self.assertIn(self.unit_a.name, data["scope_summary"])
        self.assertIn(self.procedure_a.name, data["scope_summary"])
        self.assertEqual(
            data["schedule_ids"][0]["department_id"]["display_name"], self.unit_a.name
        )

    def test_the_cross_auditor_picks_units_of_the_audit_scope(self):
        Department = self.env["hr.department"].with_user(self.lead_user_b)
        self.assertEqual([r[0] for r in Department.name_search("")], self.unit_b.ids)
        scoped = Department.with_context(qms_audit_scope_id=self.audit.id)
        self.assertEqual([r[0] for r in scoped.name_search("")], self.unit_a.ids)
        # Not through an audit they are not on.
        other = Department.with_context(qms_audit_scope_id=self.other_audit.id)
        self.assertEqual([r[0] for r in other.name_search("")], self.unit_b.ids)

    def test_the_cross_auditor_records_findings_and_verifies_actions(self):
        finding = self._finding(
            self.audit, user=self.lead_user_b, auditor_id=self.lead_b.id
        )
        self.assertEqual(finding.company_id, self.agency_a)
        self._report(self.audit)
        nc = finding.nonconformity_id.with_user(self.lead_user_b)
        self.assertEqual(nc.read(["state"])[0]["state"], "analysis")
        self.nc_answer(nc)
        action = nc.sudo().action_ids.with_user(self.lead_user_b)
        self.assertEqual(action.read(["name"])[0]["name"], "Sửa quy trình")
        nc.action_qms_accept()
        action.with_user(self.staff_a).action_qms_done()
        self.env["qms.action.verification"].with_user(self.lead_user_b).create(
            {"action_id": action.id, "result": "effective", "evidence": "Đã kiểm tra"}
        )
        self.assertEqual(nc.state, "done")
        self.assertEqual(self.audit.nc_open_count, 0)
        # The PDFs render for the auditor from the other agency.
        Report = self.env["ir.actions.report"].with_user(self.lead_user_b)
        for xmlid in (
            "qms_audit.action_report_audit",
            "qms_audit.action_report_audit_program",
        ):
            pdf, kind = Report.with_context(
                force_report_rendering=True
            )._render_qweb_pdf(xmlid, self.audit.ids)
            self.assertEqual(kind, "pdf")
            self.assertTrue(pdf.startswith(b"%PDF"))

    def nc_answer(self, nc):
        nc.with_user(self.staff_a).write(
            {"analysis": "Quy trình chưa quy định", "qms_correction": "Đã sửa"}
        )
        self._action(
            user=self.staff_a,
            name="Sửa quy trình",
            nonconformity_ids=[(6, 0, nc.ids)],
            date_deadline=self.today + timedelta(days=15),
        )
        nc.with_user(self.staff_a).action_qms_submit_plan()

    def test_auditors_of_another_audit_cannot_verify(self):
        finding = self._finding(self.audit)
        self._report(self.audit)
        nc = finding.nonconformity_id
        self.nc_answer(nc)
        nc.with_user(self.lead_user_b).action_qms_accept()
        action = nc.action_ids
        action.with_user(self.staff_a).action_qms_done()
        stranger = self._user("stranger_b", "group_qms_user", self.agency_b)
        stranger.groups_id |= self.env.ref("qms_audit.group_qms_auditor")
        with self.assertRaises(AccessError):
            self.env["qms.action.verification"].with_user(stranger).create(
                {"action_id": action.id, "result": "effective", "evidence": "x"}
            )
        self.assertEqual(action.qms_state, "done")

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, timedelta

from odoo.addons.qms_public_admin.tests.common import QmsSystemCase
from odoo.tests import new_test_user


class AuditCase(QmsSystemCase):
    """Agency A with two units, auditors of agency A and a lead auditor of
    agency B (a cross audit), and an approved audit plan of the year."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The agency's date (Vietnam), not the server's (UTC).
        cls.today = cls.env["res.company"].qms_today()
        cls.unit2_a = cls.env["hr.department"].create(
            {"name": "Văn phòng HĐND và UBND", "company_id": cls.agency_a.id}
        )
        cls.unit_b = cls.env["hr.department"].create(
            {"name": "Văn phòng UBND xã B", "company_id": cls.agency_b.id}
        )
        # The head of the audited unit answers its nonconformities.
        employee = cls.env["hr.employee"].create(
            {
                "name": "Trưởng phòng Tư pháp",
                "user_id": cls.staff_a.id,
                "company_id": cls.agency_a.id,
                "department_id": cls.unit_a.id,
            }
        )
        cls.unit_a.manager_id = employee
        cls.auditor_user_a = new_test_user(
            cls.env,
            login="auditor_a",
            name="Auditor A",
            groups="base.group_user,qms_audit.group_qms_auditor",
            company_id=cls.agency_a.id,
            company_ids=[(6, 0, cls.agency_a.ids)],
        )
        cls.lead_user_b = new_test_user(
            cls.env,
            login="lead_b",
            name="Lead Auditor B",
            groups="base.group_user,qms_audit.group_qms_lead_auditor",
            company_id=cls.agency_b.id,
            company_ids=[(6, 0, cls.agency_b.ids)],
        )
        cls.untrained_user = new_test_user(
            cls.env,
            login="untrained_a",
            name="Untrained A",
            groups="base.group_user,qms_audit.group_qms_auditor",
            company_id=cls.agency_a.id,
            company_ids=[(6, 0, cls.agency_a.ids)],
        )
        certified = {
            "certificate_number": "ĐGNB-2025-017",
            "certificate_date": date(2025, 3, 1),
            "training_course": "Chuyên gia đánh giá nội bộ TCVN ISO 9001:2015",
        }
        Auditor = cls.env["qms.auditor"]
        cls.auditor_a = Auditor.create(
            dict(
                certified,
                user_id=cls.auditor_user_a.id,
                company_id=cls.agency_a.id,
                department_id=cls.unit2_a.id,
            )
        )
        cls.lead_b = Auditor.create(
            dict(
                certified,
                user_id=cls.lead_user_b.id,
                company_id=cls.agency_b.id,
                department_id=cls.unit_b.id,
                can_lead=True,
            )
        )
        cls.untrained = Auditor.create(
            {
                "user_id": cls.untrained_user.id,
                "company_id": cls.agency_a.id,
                "department_id": cls.unit_a.id,
            }
        )
        cls.procedure_a = cls.env["qms.procedure"].create(
            {
                "name": "Quy trình đăng ký khai sinh",
                "code": "QT-HT-01",
                "company_id": cls.agency_a.id,
            }
        )

    def _audit(self, user=None, **vals):
        values = {
            "name": "Đánh giá nội bộ Phòng Tư pháp - Hộ tịch",
            "company_id": self.agency_a.id,
            "department_ids": [(6, 0, self.unit_a.ids)],
            "procedure_ids": [(6, 0, self.procedure_a.ids)],
            "clause_ids": [(6, 0, self.env.ref("qms_audit.clause_8_5").ids)],
            "date_start": self.today + timedelta(days=1),
            "date_end": self.today + timedelta(days=3),
            "lead_id": self.lead_b.id,
            "member_ids": [(6, 0, self.auditor_a.ids)],
            "qmr_id": self.qmr_a.id,
        }
        values.update(vals)
        return self.env["qms.audit"].with_user(user or self.iso_a).create(values)

    def _slot(self, audit, day=1, **vals):
        start = datetime.combine(self.today + timedelta(days=day), datetime.min.time())
        values = {
            "audit_id": audit.id,
            # 08:00-10:00 in Hanoi (UTC+7) is 01:00-03:00 UTC.
            "datetime_start": start + timedelta(hours=1),
            "datetime_end": start + timedelta(hours=3),
            "department_id": self.unit_a.id,
            "auditor_id": self.auditor_a.id,
            "content": "Tiếp nhận và giải quyết hồ sơ hộ tịch (điều khoản 8.5)",
            "reference_documents": "QT-HT-01; Luật Hộ tịch 2014",
        }
        values.update(vals)
        return self.env["qms.audit.schedule"].with_user(self.iso_a).create(values)

    def _approve_program(self, audit):
        self._slot(audit)
        audit.with_user(self.lead_user_b).action_submit_program()
        audit.with_user(self.qmr_a).validate_tier()
        return audit

    def _audit_in_progress(self):
        audit = self._approve_program(self._audit())
        audit.with_user(self.lead_user_b).action_start()
        return audit

    def _finding(self, audit, grade="nc_minor", user=None, **vals):
        values = {
            "audit_id": audit.id,
            "finding_type": grade,
            "clause_id": self.env.ref("qms_audit.clause_8_5").id,
            "department_id": self.unit_a.id,
            "auditor_id": self.auditor_a.id,
            "description": "03 hồ sơ khai sinh trả kết quả quá hạn không có văn bản "
            "xin lỗi",
            "requirement": "Hồ sơ quá hạn phải có văn bản xin lỗi và hẹn lại ngày trả",
            "evidence": "Hồ sơ số 000.00.21.H56-260312-0004, -0007, -0011",
        }
        values.update(vals)
        return (
            self.env["qms.audit.finding"]
            .with_user(user or self.auditor_user_a)
            .create(values)
        )

    def _report(self, audit, *findings):
        audit.with_user(self.lead_user_b).write(
            {"conclusion": "<p>Hệ thống phù hợp, còn 01 điểm không phù hợp.</p>"}
        )
        audit.with_user(self.lead_user_b).action_issue_report()
        return audit

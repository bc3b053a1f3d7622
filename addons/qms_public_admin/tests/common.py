# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import TransactionCase, new_test_user


class QmsCase(TransactionCase):
    """Two agencies with their own copy of the state-agency calendar."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        base_calendar = cls.env.ref("qms_public_admin.calendar_state_agency")
        cls.agency_a = cls.env["res.company"].create(
            {"name": "UBND xã Thử Nghiệm A", "qms_agency_level": "commune"}
        )
        cls.agency_b = cls.env["res.company"].create(
            {"name": "UBND xã Thử Nghiệm B", "qms_agency_level": "commune"}
        )
        for agency in cls.agency_a | cls.agency_b:
            agency.resource_calendar_id = base_calendar.copy(
                {"name": f"Calendar {agency.name}", "company_id": agency.id}
            )
        cls.calendar_a = cls.agency_a.resource_calendar_id
        cls.calendar_b = cls.agency_b.resource_calendar_id
        cls.iso_a = new_test_user(
            cls.env,
            login="iso_a",
            groups="base.group_user,qms_public_admin.group_qms_iso_officer",
            company_id=cls.agency_a.id,
            company_ids=[(6, 0, cls.agency_a.ids)],
        )
        cls.inspector = new_test_user(
            cls.env,
            login="dost_inspector",
            groups="base.group_user,qms_public_admin.group_qms_dost_inspector",
            company_id=cls.agency_a.id,
            company_ids=[(6, 0, (cls.agency_a | cls.agency_b).ids)],
        )


class QmsSystemCase(QmsCase):
    """Agency A with its quality system, people in each role, and agency B."""

    @classmethod
    def _user(cls, login, group, agency):
        return new_test_user(
            cls.env,
            login=login,
            name=login.replace("_", " ").title(),
            groups=f"base.group_user,qms_public_admin.{group}",
            company_id=agency.id,
            company_ids=[(6, 0, agency.ids)],
        )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.qmr_a = cls._user("sys_qmr_a", "group_qms_qmr", cls.agency_a)
        cls.head_a = cls._user("sys_head_a", "group_qms_user", cls.agency_a)
        cls.staff_a = cls._user("sys_staff_a", "group_qms_user", cls.agency_a)
        cls.staff2_a = cls._user("sys_staff2_a", "group_qms_user", cls.agency_a)
        cls.iso_b = cls._user("sys_iso_b", "group_qms_iso_officer", cls.agency_b)
        cls.unit_a = cls.env["hr.department"].create(
            {"name": "Phòng Tư pháp - Hộ tịch", "company_id": cls.agency_a.id}
        )
        cls.system_a = cls.env["mgmtsystem.system"].create(
            {
                "name": "HTQLCL UBND xã A",
                "company_id": cls.agency_a.id,
                "qms_head_id": cls.head_a.id,
                "qms_qmr_id": cls.qmr_a.id,
                "qms_iso_officer_ids": [(6, 0, cls.iso_a.ids)],
            }
        )
        cls.system_b = cls.env["mgmtsystem.system"].create(
            {"name": "HTQLCL UBND xã B", "company_id": cls.agency_b.id}
        )

    def _action(self, user=None, **vals):
        values = {
            "name": "Rà soát sổ theo dõi hồ sơ",
            "type_action": "correction",
            "company_id": self.agency_a.id,
            "user_id": self.staff_a.id,
            "qms_department_id": self.unit_a.id,
            "date_deadline": fields.Date.today() + timedelta(days=10),
        }
        values.update(vals)
        return (
            self.env["mgmtsystem.action"].with_user(user or self.iso_a).create(values)
        )

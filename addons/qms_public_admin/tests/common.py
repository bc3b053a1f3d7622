# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
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

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.addons.qms_public_admin.tests.common import QmsCase
from odoo.tests import new_test_user

LOCAL = timedelta(hours=7)  # Asia/Ho_Chi_Minh
# A 1x1 PNG: the receiver's signature captured at the desk.
SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAj"
    "CB0C8AAAAASUVORK5CYII="
)
# What the desk checks when it hands a result over to the applicant.
HANDOVER = {
    "identity_checked": True,
    "receiver_id_document": "CCCD 038090001234",
    "receiver_signature": SIGNATURE,
}


def utc(local):
    """UTC naive datetime of a local 'YYYY-MM-DD HH:MM' moment."""
    return datetime.strptime(local, "%Y-%m-%d %H:%M") - LOCAL


class OnestopCase(QmsCase):
    """Agency A with its desk, units, officers and one procedure in effect:
    a 3-working-day procedure in four steps (desk 2 h, appraisal 1 day,
    signature 4 h, return 2 h). Agency B has a desk of its own."""

    @classmethod
    def _officer(cls, login, group, agency, unit=None):
        user = new_test_user(
            cls.env,
            login=login,
            name=login.replace("_", " ").title(),
            groups=f"base.group_user,qms_onestop.{group}",
            company_id=agency.id,
            company_ids=[(6, 0, agency.ids)],
        )
        if unit:
            cls.env["hr.employee"].create(
                {
                    "name": user.name,
                    "user_id": user.id,
                    "company_id": agency.id,
                    "department_id": unit.id,
                }
            )
        return user

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.agency_a.qms_agency_code = "000.00.99.H99"
        cls.agency_b.qms_agency_code = "000.00.98.H99"
        Unit = cls.env["hr.department"]
        cls.desk_unit = Unit.create(
            {"name": "Bộ phận Một cửa", "company_id": cls.agency_a.id}
        )
        cls.office_unit = Unit.create(
            {"name": "Văn phòng", "company_id": cls.agency_a.id}
        )
        cls.leaders_unit = Unit.create(
            {"name": "Lãnh đạo", "company_id": cls.agency_a.id}
        )
        cls.desk_b_unit = Unit.create(
            {"name": "Một cửa B", "company_id": cls.agency_b.id}
        )
        cls.desk_a = cls._officer(
            "desk_a", "group_onestop_desk", cls.agency_a, cls.desk_unit
        )
        cls.proc_a = cls._officer(
            "proc_a", "group_onestop_processor", cls.agency_a, cls.office_unit
        )
        cls.proc2_a = cls._officer(
            "proc2_a", "group_onestop_processor", cls.agency_a, cls.office_unit
        )
        cls.approver_a = cls._officer(
            "approver_a", "group_onestop_approver", cls.agency_a, cls.leaders_unit
        )
        cls.supervisor_a = cls._officer(
            "supervisor_a", "group_onestop_supervisor", cls.agency_a
        )
        cls.desk_b = cls._officer(
            "desk_b", "group_onestop_desk", cls.agency_b, cls.desk_b_unit
        )
        cls.approver_b = cls._officer(
            "approver_b", "group_onestop_approver", cls.agency_b
        )
        cls.tthc = cls.env["qms.tthc"].create(
            {
                "code": "9.999001",
                "name": "Thủ tục chứng thực thử nghiệm",
                "legal_deadline": 3,
                "deadline_uom": "day",
                "company_ids": [(6, 0, cls.agency_a.ids)],
            }
        )
        cls.case = cls.tthc.case_ids
        Component = cls.env["qms.tthc.component"]
        for seq, name, requirement in (
            (10, "Tờ khai theo mẫu", "mandatory"),
            (20, "Giấy tờ tùy thân", "mandatory"),
            (30, "Văn bản ủy quyền", "optional"),
        ):
            Component.create(
                {
                    "tthc_id": cls.tthc.id,
                    "sequence": seq,
                    "name": name,
                    "requirement": requirement,
                }
            )
        cls.env["qms.tthc.fee"].create(
            {"tthc_id": cls.tthc.id, "name": "Lệ phí", "amount": 50000}
        )
        cls.procedure = cls.env["qms.procedure"].create(
            {
                "code": "QT-TN-01",
                "name": "Quy trình thử nghiệm",
                "company_id": cls.agency_a.id,
                "tthc_case_id": cls.case.id,
            }
        )
        cls.version = cls._effective_version(
            cls.procedure,
            [
                ("Tiếp nhận hồ sơ", cls.desk_unit, 2, "hour"),
                ("Thẩm định hồ sơ", cls.office_unit, 1, "day"),
                ("Ký duyệt", cls.leaders_unit, 4, "hour"),
                ("Trả kết quả", cls.desk_unit, 2, "hour"),
            ],
        )
        cls.steps = cls.version.step_ids.sorted("sequence")

    @classmethod
    def _effective_version(cls, procedure, steps):
        version = cls.env["qms.procedure.version"].create(
            {
                "procedure_id": procedure.id,
                "step_ids": [
                    (
                        0,
                        0,
                        {
                            "sequence": (i + 1) * 10,
                            "name": name,
                            "unit_id": unit.id,
                            "duration": duration,
                            "duration_uom": uom,
                        },
                    )
                    for i, (name, unit, duration, uom) in enumerate(steps)
                ],
            }
        )
        # Approval is the core's business (tested there): put it into effect.
        procedure.version_ids.filtered(
            lambda v: v.state == "effective"
        )._qms_transition({"state": "superseded"})
        version._qms_transition(
            {"state": "effective", "effective_date": fields.Date.today()}
        )
        return version

    @contextmanager
    def at(self, local):
        """Run as if it were ``local`` (agency time, 'YYYY-MM-DD HH:MM')."""
        with freeze_time(utc(local)):
            yield

    def _draft(self, user=None, **vals):
        values = {
            "tthc_id": self.tthc.id,
            "tthc_case_id": self.case.id,
            "applicant_name": "Nguyễn Văn An",
            "applicant_id_number": "038090001234",
            "applicant_phone": "0912345678",
            "applicant_email": "an.nguyen@example.vn",
            "applicant_address": "12 Lê Lợi, phường Hạc Thành",
        }
        values.update(vals)
        dossier = (
            self.env["qms.onestop.dossier"]
            .with_user(user or self.desk_a)
            .with_company(values.get("receiving_company_id") or self.agency_a)
            .create(values)
        )
        dossier.component_ids.filtered(
            lambda c: c.requirement == "mandatory"
        ).provided = True
        return dossier

    def _received(self, local="2026-03-02 09:00", user=None, **vals):
        dossier = self._draft(user=user, **vals)
        with self.at(local):
            dossier.action_receive()
        return dossier

    def as_(self, user, record):
        """``record`` seen by ``user`` (in the user's own companies)."""
        return self.env[record._name].with_user(user).browse(record.ids)

    def _handoff(self, dossier, local, note=None, to=None):
        user = dossier.current_line_id.user_id
        with self.at(local):
            self.as_(user, dossier).action_handoff(
                dossier.current_line_id.id, to and to.id, note
            )

    def _to_result(self, dossier, times):
        """Hand the dossier off through its steps at ``times`` (local)."""
        for local in times:
            self._handoff(dossier, local)

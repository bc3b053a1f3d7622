# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import random
from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.addons.qms_public_admin.lib import transition

# A receiver's signature captured on the desk's pad (a 1x1 PNG in the demo).
DEMO_SIGNATURE = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAj"
    "CB0C8AAAAASUVORK5CYII="
)
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lê"]
MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Quang", "Thanh", "Hữu", "Kim"]
GIVEN = [
    "An",
    "Bình",
    "Châu",
    "Dũng",
    "Hà",
    "Hải",
    "Hạnh",
    "Hùng",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phương",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Tùng",
]
STREETS = [
    "Lê Lợi",
    "Trần Phú",
    "Hạc Thành",
    "Bà Triệu",
    "Lê Hoàn",
    "Phan Chu Trinh",
    "Nguyễn Trãi",
    "Quang Trung",
]


class QmsOnestopDossier(models.Model):
    """Demo data: dossiers moved through the real buttons at past moments."""

    _inherit = "qms.onestop.dossier"

    @api.model
    def _qms_demo_generate(self, count=300, seed=2026):
        rng = random.Random(seed)
        procedures = (
            self.env["qms.procedure"]
            .sudo()
            .search(
                [
                    ("kind", "=", "operational"),
                    ("effective_version_id", "!=", False),
                    ("tthc_case_id", "!=", False),
                ],
                order="id",
            )
        )
        if not procedures:
            return
        now = fields.Datetime.now()
        centre = self.env.ref("qms_public_admin.agency_commune_hac_thanh", False)
        desks = {}
        for index in range(count):
            procedure = procedures[index % len(procedures)]
            company = procedure.company_id
            desk_company = company
            if centre and company != centre and rng.random() < 0.2:
                desk_company = centre  # filed at the ward's centre (Decree 118/2025)
            days_back = rng.randint(1, 120)
            day = company.qms_add_working_days(
                now.date() - timedelta(days=days_back), 0
            )
            local = datetime.combine(day, time(7, 45)) + timedelta(
                minutes=rng.randint(0, 8 * 60)
            )
            received = company._qms_to_utc(local)
            if received >= now:
                continue
            if desk_company not in desks:
                desks[desk_company] = self._qms_demo_desk_user(desk_company)
            if desks[desk_company]:
                self._qms_demo_one(
                    rng, procedure, desk_company, desks[desk_company], received, now
                )
        # The services around the dossiers, drawn apart so the dossiers' own
        # history stays what it was.
        self._qms_demo_services(random.Random(seed + 1), now)

    def _qms_demo_services(self, rng, now):
        """Scans marked digitised, fees paid, ratings on the criteria, a few
        complaints, and the service index of the last six months."""
        dossiers = self.sudo().search([("state", "!=", "draft")], order="id")
        scan = b"%PDF-1.4\n% ban quet\n%%EOF\n"
        for dossier in dossiers:
            desk = dossier.received_by_id or self.env.user
            if rng.random() < 0.6:
                for component in dossier.component_ids.filtered("provided"):
                    component.write(
                        {
                            "attachment_ids": [
                                fields.Command.create(
                                    {
                                        "name": f"{component.name[:40]}.pdf",
                                        "raw": scan,
                                        "res_model": component._name,
                                        "res_id": component.id,
                                        "company_id": dossier.company_id.id,
                                    }
                                )
                            ],
                            "digitised": True,
                            "reused": rng.random() < 0.15,
                        }
                    )
            if dossier.payment_state == "to_pay" and dossier.state in (
                "in_progress",
                "result_ready",
                "returned",
            ):
                online = dossier.channel in ("online_full", "online_partial")
                method = "online" if online and rng.random() < 0.7 else "cash"
                with transition.clock(dossier.received_at + timedelta(minutes=10)):
                    dossier.with_user(desk).qms_record_payment(
                        dossier.amount_due,
                        method,
                        reference=f"PAYGOV{dossier.id:08d}"
                        if method == "online"
                        else None,
                        receipt_number=f"BL-{dossier.id:06d}",
                    )
            if dossier.state == "returned" and rng.random() < 0.7:
                low = rng.random() < 0.08
                good = (
                    "dissatisfied"
                    if low
                    else rng.choice(["very_satisfied", "satisfied", "very_satisfied"])
                )
                answers = {
                    "publicity": rng.choice(["very_satisfied", "satisfied"]),
                    "lookup": rng.choice(["very_satisfied", "satisfied"]),
                    "attitude": good,
                    "timeliness": "satisfied"
                    if dossier.timeliness != "late"
                    else "dissatisfied",
                    "overall": good,
                    "trips": 1
                    if dossier.channel != "counter"
                    else rng.choice([1, 1, 2]),
                }
                with transition.clock(dossier.returned_at + timedelta(hours=2)):
                    dossier._qms_rate(None, False, "public_page", answers, None)
        Feedback = self.env["qms.onestop.feedback"].sudo()
        subjects = [
            (
                "complaint",
                "Phải đi lại nhiều lần để bổ sung hồ sơ",
                "Tôi đến bộ phận một cửa hai lần vì lần đầu không được hướng dẫn đủ.",
            ),
            (
                "proposal",
                "Đề nghị niêm yết rõ mức lệ phí",
                "Bảng niêm yết chưa ghi mức lệ phí của thủ tục chứng thực.",
            ),
            (
                "complaint",
                "Trả kết quả trễ hẹn",
                "Hồ sơ của tôi trễ hẹn hai ngày mà không được báo trước.",
            ),
        ]
        for company in dossiers.company_id:
            for days, (kind, name, content) in zip((40, 20, 6), subjects, strict=True):
                received = now - timedelta(days=days)
                feedback = Feedback.with_company(company).create(
                    {
                        "name": name,
                        "kind": kind,
                        "company_id": company.id,
                        "sender_name": "Công dân",
                        "channel": rng.choice(["desk", "portal", "hotline"]),
                        "content": content,
                        "received_at": received,
                    }
                )
                if days > 10:
                    feedback.write(
                        {
                            "answer": "Cơ quan đã tiếp thu, chấn chỉnh và trả lời "
                            "công dân.",
                            "state": "answered",
                            "answered_at": received + timedelta(days=5),
                            "answered_on_time": True,
                            "sender_satisfied": "yes" if days > 30 else "no",
                        }
                    )
        Score = self.env["qms.service.index.score"].sudo()
        first = fields.Date.context_today(self).replace(day=1)
        for month in Score._qms_last_months(first, 6):
            Score._qms_compute_month(month, dossiers.company_id)

    def _qms_demo_desk_user(self, desk_company):
        return (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("company_ids", "in", desk_company.id),
                    (
                        "groups_id",
                        "in",
                        self.env.ref("qms_onestop.group_onestop_desk").id,
                    ),
                    ("share", "=", False),
                    ("id", "!=", self.env.ref("base.user_admin").id),
                    ("id", "!=", self.env.ref("base.user_root").id),
                ],
                order="id",
                limit=1,
            )
        )

    def _qms_demo_one(self, rng, procedure, desk_company, desk_user, received, now):
        case = procedure.tthc_case_id
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        channel = rng.choices(
            ["counter", "online_full", "online_partial", "post"], [55, 25, 15, 5]
        )[0]
        with transition.clock(received):
            dossier = (
                self.sudo()
                .with_context(tracking_disable=True)
                .create(
                    {
                        "tthc_id": case.tthc_id.id,
                        "tthc_case_id": case.id,
                        "company_id": procedure.company_id.id,
                        "receiving_company_id": desk_company.id,
                        "channel": channel,
                        "return_method": "online"
                        if channel == "online_full"
                        else "desk",
                        "submitted_at": received - timedelta(hours=rng.randint(1, 40))
                        if channel != "counter"
                        else False,
                        "applicant_name": name,
                        "applicant_id_number": "0380"
                        + "".join(str(rng.randint(0, 9)) for _ in range(8)),
                        "applicant_phone": "09"
                        + "".join(str(rng.randint(0, 9)) for _ in range(8)),
                        "applicant_address": (
                            f"{rng.randint(1, 200)} {rng.choice(STREETS)}, Thanh Hóa"
                        ),
                    }
                )
            )
            dossier.component_ids.filtered(
                lambda c: c.requirement == "mandatory"
            ).write({"provided": True})
            dossier.with_user(desk_user).sudo().action_receive()
        fate = rng.choices(
            ["normal", "late", "supplement", "refuse", "withdraw", "stop"],
            [74, 12, 7, 3, 2, 2],
        )[0]
        company = dossier.company_id
        moment = received
        step_index = 0
        while dossier.state == "in_progress":
            line = dossier.current_line_id
            share = rng.uniform(0.15, 0.9) if fate != "late" else rng.uniform(1.2, 2.5)
            moment = company.qms_deadline(
                moment, max(line.allotted_hours * share, 0.25), "hour"
            )
            if moment >= now:
                return
            actor = dossier.with_user(line.user_id or desk_user).sudo()
            step_index += 1
            if step_index == 2 and fate in ("supplement", "stop", "refuse", "withdraw"):
                if fate == "withdraw":
                    with transition.clock(moment):
                        actor.action_withdraw("Người nộp có đơn xin rút hồ sơ.")
                    return
                if fate == "refuse":
                    self._qms_demo_notice(
                        dossier,
                        line.user_id,
                        "refusal",
                        moment,
                        "Hồ sơ không đủ điều kiện theo quy định của pháp luật.",
                    )
                    return
                with transition.clock(moment):
                    slip = (
                        self.env["qms.onestop.supplement"]
                        .with_user(line.user_id)
                        .sudo()
                        .create(
                            {
                                "dossier_id": dossier.id,
                                "items": "Bổ sung bản sao có chứng thực giấy tờ tùy "
                                "thân; tờ khai còn thiếu chữ ký của người yêu cầu.",
                                "legal_reference": case.tthc_id.legal_basis_ids[:1].name
                                or "",
                            }
                        )
                    )
                    slip.action_issue()
                if fate == "stop":
                    moment = company.qms_deadline(moment, 5, "day")
                    if moment >= now:
                        return
                    with transition.clock(moment):
                        slip._qms_mark_expired()
                    self._qms_demo_notice(
                        dossier,
                        line.user_id,
                        "stop",
                        moment,
                        "Người nộp không bổ sung hồ sơ trong thời hạn đã hướng dẫn.",
                    )
                    return
                moment = company.qms_deadline(moment, rng.randint(1, 4), "day")
                if moment >= now:
                    return
                with transition.clock(moment):
                    slip.with_user(desk_user).action_supplied()
                continue
            if (
                fate == "late"
                and not dossier.apologized
                and dossier.due_at
                and moment >= dossier.due_at - timedelta(hours=6)
            ):
                before = max(dossier.due_at - timedelta(hours=3), received)
                self._qms_demo_notice(
                    dossier,
                    line.user_id,
                    "apology",
                    before,
                    "Hồ sơ phải xác minh thêm thông tin tại cơ quan liên quan.",
                    new_appointment_at=company.qms_deadline(dossier.due_at, 3, "day"),
                )
            with transition.clock(moment):
                actor.action_handoff(line.id)
        if dossier.state == "result_ready":
            moment = company.qms_deadline(moment, rng.uniform(0.5, 12), "hour")
            if moment < now and rng.random() < 0.92:
                with transition.clock(moment):
                    dossier.with_user(
                        dossier.current_line_id.user_id or desk_user
                    ).sudo().action_return_result(
                        dossier.applicant_name,
                        dossier.return_method,
                        handover=self._qms_demo_handover(dossier),
                    )

    def _qms_demo_handover(self, dossier):
        """What the desk noted when it handed the result over."""
        # Derived from the dossier, not drawn: the demo's other draws stay.
        seed = dossier.id
        if dossier.return_method == "post":
            return {"waybill_number": f"EMS{104500000 + seed * 37}VN"}
        if dossier.return_method != "desk":
            return {}
        return {
            "identity_checked": True,
            "receiver_id_document": f"CCCD 0380{90000000 + seed * 7919 % 9999999}",
            "receiver_signature": DEMO_SIGNATURE,
            "archive_location": f"Tủ {seed % 6 + 1}, hộp {seed % 40 + 1}",
        }

    def _qms_demo_notice(self, dossier, author, kind, moment, reason, **vals):
        with transition.clock(moment):
            notice = (
                self.env["qms.onestop.notice"]
                .with_user(author)
                .sudo()
                .with_context(tracking_disable=True)
                .create(
                    {"dossier_id": dossier.id, "kind": kind, "reason": reason, **vals}
                )
            )
            notice.action_submit()
            approver = notice.reviewer_ids[:1]
            if not approver:
                return notice
            notice.with_user(approver).sudo().validate_tier()
            notice.action_issue()
        return notice

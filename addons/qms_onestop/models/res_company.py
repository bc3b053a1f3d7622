# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    qms_onestop_assignment = fields.Selection(
        [
            ("least_loaded", "Least Loaded Officer"),
            ("round_robin", "Round Robin"),
        ],
        string="Assign Steps To",
        default="least_loaded",
        required=True,
    )
    qms_onestop_stuck_hours = fields.Float(
        string="Stuck After (working hours)",
        default=8.0,
        help="A dossier with no action for this many working hours is flagged "
        "and its supervisors get an activity.",
    )
    qms_sms_enabled = fields.Boolean(
        string="Send SMS",
        help="Applicants who chose SMS get text messages through Odoo's SMS "
        "service (an SMS account is needed).",
    )
    qms_handover_proof = fields.Boolean(
        string="Proof at Handover",
        default=True,
        help="At the desk the result is handed over only once the receiver's "
        "identity document was checked and noted and the receiver signed (a "
        "captured signature or a scanned signed receipt).",
    )
    qms_onestop_sequence_id = fields.Many2one(
        "ir.sequence", string="Dossier Code Sequence", copy=False
    )

    def _qms_dossier_sequence(self):
        """The sequence of dossier codes received at this desk: the agency code,
        the day and a counter that restarts every day."""
        self.ensure_one()
        company = self.sudo()
        if not company.qms_onestop_sequence_id:
            prefix = (company.qms_agency_code or f"AG{company.id}").replace("%", "")
            company.qms_onestop_sequence_id = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": self.env._(
                            "Dossiers of %(agency)s", agency=company.name
                        ),
                        "code": "qms.onestop.dossier",
                        "prefix": prefix + "-%(range_y)s%(range_month)s%(range_day)s-",
                        "padding": 4,
                        "use_date_range": True,
                        "company_id": company.id,
                    }
                )
            )
        return company.qms_onestop_sequence_id

    def _qms_next_dossier_code(self, day):
        """Next code for a dossier received on day (local date)."""
        sequence = self._qms_dossier_sequence()
        Range = self.env["ir.sequence.date_range"].sudo()
        if not Range.search_count(
            [
                ("sequence_id", "=", sequence.id),
                ("date_from", "=", day),
                ("date_to", "=", day),
            ]
        ):
            # Two desks opening the day at once: the second one's update waits
            # and then fails to serialize; Odoo retries it and finds the range.
            self.env.cr.execute(
                "UPDATE ir_sequence SET write_date = now() WHERE id = %s",
                [sequence.id],
            )
            Range.create({"sequence_id": sequence.id, "date_from": day, "date_to": day})
        return sequence.next_by_id(sequence_date=day)

    def _qms_onestop_action(self, name, description):
        """An improvement action of this agency for what the public reported
        (a low rating, a complaint), owned by a one-stop supervisor."""
        self.ensure_one()
        supervisors = (
            self.env.ref("qms_onestop.group_onestop_supervisor")
            .sudo()
            .users.filtered(lambda u: self in u.company_ids and u.active)
        )
        owner = supervisors.sorted("id")[:1] or self.env.user
        return (
            self.env["mgmtsystem.action"]
            .sudo()
            .with_company(self)
            .create(
                {
                    "name": name[:200],
                    "description": description,
                    "type_action": "correction",
                    "qms_origin": "complaint",
                    "user_id": owner.id,
                    "company_id": self.id,
                }
            )
        )

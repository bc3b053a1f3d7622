# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time

from odoo import fields, models
from odoo.exceptions import UserError


class QmsOnestopBookWizard(models.TransientModel):
    """Print the tracking book (sổ theo dõi hồ sơ) of a desk for a period."""

    _name = "qms.onestop.book.wizard"
    _description = "Dossier Tracking Book"

    company_id = fields.Many2one(
        "res.company",
        string="Receiving Desk",
        required=True,
        default=lambda self: self.env.company,
        domain="[('id', 'in', allowed_company_ids)]",
    )
    allowed_company_ids = fields.Many2many(
        "res.company", default=lambda self: self.env.user.company_ids
    )
    date_from = fields.Date(
        required=True,
        default=lambda self: self._qms_today().replace(day=1),
    )
    date_to = fields.Date(required=True, default=fields.Date.context_today)

    def _qms_dossiers(self):
        self.ensure_one()
        if self.date_to < self.date_from:
            raise UserError(self.env._("The period ends before it starts."))
        if self.company_id not in self.env.user.company_ids:
            raise UserError(self.env._("You keep the book of your own desk only."))
        company = self.company_id
        start = company._qms_to_utc(datetime.combine(self.date_from, time.min))
        end = company._qms_to_utc(datetime.combine(self.date_to, time.max))
        return self.env["qms.onestop.dossier"].search(
            [
                ("receiving_company_id", "=", company.id),
                ("received_at", ">=", start),
                ("received_at", "<=", end),
            ],
            order="received_at, id",
        )

    def action_print_pdf(self):
        return self.env.ref("qms_onestop.action_report_tracking_book").report_action(
            self
        )

    def action_print_xlsx(self):
        return self.env.ref(
            "qms_onestop.action_report_tracking_book_xlsx"
        ).report_action(self)

    def _qms_form(self):
        self.ensure_one()
        return self.env["qms.onestop.form.template"]._qms_form_for(
            "tracking_book", self.date_to
        )

    def _qms_period_label(self):
        self.ensure_one()
        return self.env._(
            "%(desk)s, from %(start)s to %(end)s",
            desk=self.company_id.name,
            start=self.date_from.strftime("%d/%m/%Y"),
            end=self.date_to.strftime("%d/%m/%Y"),
        )

    def _qms_book_headers(self):
        return [
            self.env._("No."),
            self.env._("Dossier Code"),
            self.env._("Procedure"),
            self.env._("Applicant"),
            self.env._("Address / Phone"),
            self.env._("Received"),
            self.env._("Appointment"),
            self.env._("Handed to Processing"),
            self.env._("Result From Unit"),
            self.env._("Returned"),
            self.env._("Notes"),
        ]

    def _qms_book_rows(self):
        """One row per dossier received at the desk in the period."""
        self.ensure_one()
        rows = []
        states = dict(
            self.env["qms.onestop.dossier"]
            ._fields["state"]
            ._description_selection(self.env)
        )
        timeliness = dict(
            self.env["qms.onestop.dossier"]
            ._fields["timeliness"]
            ._description_selection(self.env)
        )

        def fmt(dossier, moment):
            if not moment:
                return ""
            return dossier.receiving_company_id._qms_to_local(moment).strftime(
                "%H:%M %d/%m/%Y"
            )

        for number, dossier in enumerate(self._qms_dossiers(), start=1):
            handoff = dossier.log_ids.filtered(lambda lg: lg.action == "handoff")[:1]
            notes = [states[dossier.state]]
            if dossier.supplement_ids.filtered(lambda s: s.stage == "processing"):
                notes.append(self.env._("supplemented"))
            if dossier.timeliness:
                notes.append(timeliness[dossier.timeliness])
            if dossier.apologized:
                notes.append(self.env._("apology issued"))
            rows.append(
                [
                    number,
                    dossier.name,
                    dossier.tthc_id.display_name,
                    dossier.applicant_name,
                    " / ".join(
                        p
                        for p in (dossier.applicant_address, dossier.applicant_phone)
                        if p
                    ),
                    fmt(dossier, dossier.received_at),
                    fmt(dossier, dossier.appointment_at),
                    fmt(dossier, handoff.date),
                    fmt(dossier, dossier.completed_at),
                    fmt(dossier, dossier.returned_at),
                    ", ".join(notes),
                ]
            )
        return rows

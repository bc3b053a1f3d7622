# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .ir_attachment import PERSONAL_FILE_MODELS

ERASED_RAW = ("id_number_raw", "phone_raw", "email_raw", "address_raw")


class QmsOnestopDossier(models.Model):
    """Erasure of the applicant's personal data once a closed dossier's
    retention period is over (the period is data: the one-stop rules in force
    when the dossier closed). The dossier, its code, its figures and its
    process log stay; the applicant's name, identity number, contacts and
    scanned files go. Results stay (electronic results are kept for lookup)."""

    _inherit = "qms.onestop.dossier"  # pylint: disable=consider-merging-classes-inherited

    anonymised_at = fields.Datetime(
        string="Personal Data Erased On", readonly=True, copy=False, index=True
    )

    def _qms_retention_end(self):
        """When the applicant's data may be erased, or None (kept)."""
        self.ensure_one()
        closed = self.returned_at or self.closed_at
        if self.state not in self._qms_closed_states or not closed:
            return None
        years = self.company_id.qms_receipt_rule(closed).personal_data_retention_years
        return closed + relativedelta(years=years) if years > 0 else None

    def action_anonymise(self):
        """Erase the applicant's personal data (data protection officers)."""
        if not self.env.user.has_group("qms_onestop.group_onestop_dpo"):
            raise AccessError(
                self.env._(
                    "Only the agency's data protection officer erases an "
                    "applicant's personal data."
                )
            )
        self.check_access("read")
        now = self._qms_now()
        for dossier in self:
            dossier._qms_lock()
            end = dossier._qms_retention_end()
            if dossier.anonymised_at:
                raise UserError(
                    self.env._(
                        "The personal data of dossier %(code)s is already erased.",
                        code=dossier.name,
                    )
                )
            if end is None or end > now:
                raise UserError(
                    self.env._(
                        "Dossier %(code)s is still within its retention period "
                        "(or its agency's rules keep the data): its personal data "
                        "cannot be erased yet.",
                        code=dossier.name,
                    )
                )
            # Checked above: the officer need not read the components and files.
            dossier.sudo()._qms_anonymise(now)
        return True

    def _qms_anonymise(self, now):
        self.ensure_one()
        files = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    "|",
                    "&",
                    ("res_model", "=", self._name),
                    ("res_id", "=", self.id),
                    "&",
                    ("res_model", "in", PERSONAL_FILE_MODELS[1:]),
                    (
                        "res_id",
                        "in",
                        self.component_ids.ids + self.supplement_ids.ids,
                    ),
                ]
            )
            - self.result_attachment_ids
        )
        erased = self.env._("(personal data erased)")
        partner = self.applicant_partner_id.sudo()
        self.sudo()._qms_transition(
            dict(
                dict.fromkeys(ERASED_RAW, False),
                applicant_name=erased,
                anonymised_at=now,
            )
        )
        others = self.sudo().search_count(
            [
                ("applicant_partner_id", "=", partner.id),
                ("anonymised_at", "=", False),
                ("id", "!=", self.id),
            ]
        )
        if partner and not others:
            partner.write({"name": erased, "qms_id_number": False})
        files.unlink()
        self._qms_log(
            "anonymise",
            date=now,
            note=self.env._(
                "Personal data erased after the retention period; %(count)s "
                "file(s) deleted.",
                count=len(files),
            ),
        )

    @api.model
    def _cron_qms_anonymise(self):
        """Daily: erase the personal data of closed dossiers past their
        retention period (agencies whose rules set one)."""
        rules = (
            self.env["qms.receipt.rule"]
            .sudo()
            .search([("personal_data_retention_years", ">", 0)])
        )
        if not rules:
            return 0
        now = fields.Datetime.now()
        shortest = min(rules.mapped("personal_data_retention_years"))
        candidates = self.sudo().search(
            [
                ("state", "in", self._qms_closed_states),
                ("anonymised_at", "=", False),
                "|",
                ("returned_at", "<", now - relativedelta(years=shortest)),
                ("closed_at", "<", now - relativedelta(years=shortest)),
            ]
        )

        def erase(dossier):
            end = dossier._qms_retention_end()
            if end is not None and end <= now:
                dossier._qms_anonymise(now)

        self._qms_each(candidates, erase)
        return len(candidates)

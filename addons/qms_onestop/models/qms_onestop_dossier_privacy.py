# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..lib import onestop
from .ir_attachment import PERSONAL_FILE_MODELS

# Shown field: (stored raw field, how it is masked for everyone else).
PERSONAL_FIELDS = {
    "applicant_id_number": ("id_number_raw", onestop.mask),
    "applicant_phone": ("phone_raw", lambda v: onestop.mask(v, 3)),
    "applicant_email": ("email_raw", onestop.mask_email),
    "applicant_address": ("address_raw", onestop.mask_text),
}
ERASED_RAW = ("id_number_raw", "phone_raw", "email_raw", "address_raw")
# What the desk noted of the person who took the result.
HANDOVER_PERSONAL = ("receiver_id_document", "receiver_signature")


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

    # ------------------------------------------------------------ personal data
    def _qms_personal_allowed(self):
        """Whether the current user may see this dossier's personal data: desk and
        processing users of the competent agency or of the receiving desk."""
        self.ensure_one()
        if self.env.su:
            return True
        user = self.env.user
        if not user.has_group("qms_onestop.group_onestop_desk"):
            return False
        agencies = self.company_id | self.receiving_company_id
        return bool(agencies & user.company_ids) or not self.id

    @api.depends_context("uid")
    @api.depends("id_number_raw", "phone_raw", "email_raw", "address_raw")
    def _compute_personal(self):
        read = []
        for dossier in self:
            raw = dossier.sudo()
            visible = dossier._qms_personal_allowed()
            dossier.personal_visible = visible
            shown = False
            for name, (raw_name, masker) in PERSONAL_FIELDS.items():
                value = raw[raw_name] or False
                dossier[name] = value if visible or not value else masker(value)
                shown |= bool(visible and value)
            if shown and isinstance(dossier.id, int) and not self.env.su:
                read.append(dossier.id)
        if read:
            self.env["qms.onestop.personal.access"]._qms_log_data(read)

    def _inverse_personal(self):
        for dossier in self:
            if not dossier._qms_personal_allowed():
                raise AccessError(
                    self.env._(
                        "Only desk and processing officers of the agency handling "
                        "dossier %(code)s may change its personal data.",
                        code=dossier.name,
                    )
                )
            if dossier.state != "draft" and not dossier._qms_in_transition():
                raise UserError(
                    self.env._(
                        "Dossier %(code)s is received: its applicant data can no "
                        "longer be changed.",
                        code=dossier.name,
                    )
                )
            dossier.sudo().write(
                {
                    raw_name: (dossier[name] or "").strip() or False
                    for name, (raw_name, _masker) in PERSONAL_FIELDS.items()
                }
            )

    def _search_id_number(self, operator, value):
        if not self.env.su and not self.env.user.has_group(
            "qms_onestop.group_onestop_desk"
        ):
            raise AccessError(
                self.env._("Only one-stop officers may search by identity number.")
            )
        if operator not in ("=", "ilike", "=like", "in"):
            raise UserError(self.env._("Unsupported search on identity number."))
        ids = self.sudo()._search([("id_number_raw", operator, value)])
        return [("id", "in", ids)]

    def qms_personal_data(self):
        """The applicant's personal data, for the officers allowed to see it;
        anyone else is refused."""
        self.ensure_one()
        self.check_access("read")
        if not self._qms_personal_allowed():
            raise AccessError(
                self.env._(
                    "The personal data of dossier %(code)s is visible only to the "
                    "desk and processing officers of the agency handling it.",
                    code=self.name,
                )
            )
        raw = self.sudo()
        if not self.env.su:
            self.env["qms.onestop.personal.access"]._qms_log_data(self.ids)
        return {
            name: raw[raw_name] or ""
            for name, (raw_name, _masker) in PERSONAL_FIELDS.items()
        }

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
                dict.fromkeys(ERASED_RAW + HANDOVER_PERSONAL, False),
                applicant_name=erased,
                returned_to=self.returned_to and erased,
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

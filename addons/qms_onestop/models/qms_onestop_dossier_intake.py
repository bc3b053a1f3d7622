# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class QmsOnestopDossier(models.Model):
    """Intake: the procedure and competent agency of a new dossier, its
    components and fees, receipt and refusal at the desk."""

    _inherit = "qms.onestop.dossier"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ onchange
    @api.onchange("tthc_id")
    def _onchange_tthc_id(self):
        if self.tthc_case_id.tthc_id != self.tthc_id:
            self.tthc_case_id = self.tthc_id.case_ids[:1]
        competent = self._qms_competent_agency(self.tthc_id, self.tthc_case_id)
        if competent:
            self.company_id = competent

    @api.onchange("tthc_case_id")
    def _onchange_tthc_case_id(self):
        if self.tthc_case_id:
            self.component_ids = [fields.Command.clear()] + [
                fields.Command.create(vals)
                for vals in self._qms_component_values(self.tthc_case_id)
            ]
            self.fee_ids = [fields.Command.clear()] + [
                fields.Command.create(vals)
                for vals in self._qms_fee_values(self.tthc_case_id)
            ]

    @api.model
    def _qms_competent_agency(self, tthc, case):
        """The agency competent for a procedure, from the receiving desk's point
        of view: the desk itself when it performs the procedure, else the one
        performing agency with a procedure in effect (Decree 118/2025: filing
        does not depend on administrative boundaries)."""
        if not tthc:
            return self.env["res.company"]
        desk = self.env.company
        cases = case or tthc.case_ids
        procedures = (
            self.env["qms.procedure"]
            .sudo()
            .search(
                [
                    ("tthc_case_id", "in", cases.ids),
                    ("effective_version_id", "!=", False),
                ]
            )
        )
        if desk in procedures.company_id:
            return desk
        return procedures.company_id[:1]

    @api.model
    def _qms_component_values(self, case):
        components = case.tthc_id.component_ids.filtered(
            lambda c: not c.case_id or c.case_id == case
        )
        return [
            {
                "component_id": c.id,
                "name": c.name,
                "paper_kind": c.paper_kind,
                "copies": c.copies,
                "requirement": c.requirement,
            }
            for c in components.sorted("sequence")
        ]

    @api.model
    def _qms_fee_values(self, case):
        fees = case.tthc_id.fee_ids.filtered(
            lambda f: not f.case_id or f.case_id == case
        )
        return [
            {
                "name": f.name,
                "amount": f.amount,
                "tthc_fee_id": f.id,
                "fee_type": f.fee_type,
                "legal_document_id": f.legal_document_id.id,
            }
            for f in fees
        ]

    # ----------------------------------------------------------------- intake
    def _qms_check_receivable(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(
                self.env._("Dossier %(code)s is already received.", code=self.name)
            )
        if not self._qms_is_desk():
            raise AccessError(
                self.env._("Only one-stop desk officers receive dossiers.")
            )
        if not self.applicant_name or not self.applicant_name.strip():
            raise ValidationError(self.env._("Enter the applicant's name."))
        if self.tthc_case_id.tthc_id != self.tthc_id:
            raise ValidationError(
                self.env._("The case does not belong to the chosen procedure.")
            )
        if not self.set_count or self.set_count < 1:
            raise ValidationError(self.env._("At least one dossier set is filed."))
        procedure = self._qms_effective_procedure(self.company_id, self.tthc_case_id)
        if not procedure:
            raise UserError(
                self.env._(
                    "%(agency)s has no ISO procedure in effect for %(case)s: the "
                    "dossier cannot be received until the procedure is approved "
                    "and put into effect.",
                    agency=self.company_id.name,
                    case=self.tthc_case_id.display_name,
                )
            )
        if not procedure.effective_version_id.step_ids:
            raise UserError(
                self.env._(
                    "The ISO procedure %(procedure)s has no steps.",
                    procedure=procedure.display_name,
                )
            )
        missing = self.component_ids.filtered(
            lambda c: c.requirement == "mandatory" and not c.provided
        )
        if missing and not self.accepted_incomplete:
            raise ValidationError(
                self.env._(
                    "Mandatory components are missing: %(names)s. Issue a "
                    "supplementation request, or tick “Accepted Incomplete” and "
                    "give the reason.",
                    names=", ".join(missing.mapped("name")),
                )
            )
        if missing and not (self.incomplete_reason or "").strip():
            raise ValidationError(
                self.env._("Say why the dossier is accepted incomplete.")
            )
        return procedure

    def _qms_channel_label(self, env):
        """The dossier's channel in ``env``'s language, for official records
        written before the field's own translations are loaded (the demo data,
        a fresh install)."""
        labels = {
            "counter": env._("In Person at the Desk"),
            "post": env._("Public Postal Service"),
            "online_full": env._("Online, Full Process"),
            "online_partial": env._("Online, Partial"),
            "interagency": env._("Transferred From Another Agency"),
        }
        return labels.get(self.channel) or dict(
            self._fields["channel"]._description_selection(env)
        ).get(self.channel, self.channel or "")

    def _qms_record_lang(self):
        """The language of the texts written into official records."""
        if self.env["res.lang"]._lang_get("vi_VN").active:
            return "vi_VN"
        return self.env.lang or "en_US"

    def action_receive(self):
        """Receive the dossier: give it its code, snapshot the procedure version,
        compute the appointment and open the first step."""
        for dossier in self:
            dossier._qms_receive(self.env.user)
        return True

    def _qms_receive(self, intake_user=None, allotted_days=None, note=None):
        """Receive one dossier. The intake step goes to ``intake_user`` (the
        desk officer at the counter), else to a desk officer by the agency's
        rule (dossiers filed through the API or transferred in). A transferred
        dossier is due after its ``allotted_days`` share, not the procedure's
        whole time limit."""
        self.ensure_one()
        self._qms_lock()
        procedure = self._qms_check_receivable()
        version = procedure.effective_version_id
        now = self._qms_now()
        company = self.company_id
        desk = self.receiving_company_id
        local_day = desk._qms_to_local(now).date()
        amount, uom, cutoff = self.tthc_case_id.qms_deadline_args()
        if allotted_days:
            amount, uom, cutoff = allotted_days, "day", None
        due = company.qms_deadline(now, amount, uom, cutoff)
        partner = self._qms_applicant_partner()
        self.sudo()._qms_transition(
            {
                "state": "in_progress",
                "name": desk._qms_next_dossier_code(local_day),
                "procedure_id": procedure.id,
                "procedure_version_id": version.id,
                "received_at": now,
                "received_by_id": self.env.user.id,
                "clock_start_at": company.qms_effective_receipt(now),
                "due_at": due,
                "appointment_at": due,
                "applicant_partner_id": partner.id,
            }
        )
        # The process log is an official record: kept in Vietnamese when the
        # language is installed, whoever (or whatever job) receives.
        official = self.env(
            context=dict(self.env.context, lang=self._qms_record_lang())
        )
        self._qms_log(
            "receive",
            date=now,
            note=note
            or official._(
                "Received at %(desk)s by %(channel)s; appointment %(due)s.",
                desk=desk.name,
                channel=self._qms_channel_label(official),
                due=self._qms_local(due).strftime("%H:%M %d/%m/%Y"),
            ),
        )
        self._qms_create_lines(version.step_ids.sorted("sequence"))
        # The receiving officer performs the intake step.
        self._qms_open_line(
            self._qms_pending_lines()[:1],
            intake_user,
            now,
            force=bool(intake_user),
        )
        return True

    def _qms_applicant_partner(self):
        """The applicant as a contact of the competent agency (visible to its
        users only); found again by identity number."""
        self.ensure_one()
        # An applicant's contact carries no chatter of its own.
        Partner = (
            self.env["res.partner"]
            .sudo()
            .with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
        )
        raw = self.sudo()
        partner = self.env["res.partner"]
        if raw.id_number_raw:
            partner = Partner.search(
                [
                    ("qms_id_number", "=", raw.id_number_raw),
                    ("company_id", "=", self.company_id.id),
                ],
                limit=1,
            )
        if not partner:
            partner = Partner.create(
                {
                    "name": self.applicant_name,
                    "is_company": self.applicant_type == "organisation",
                    "company_id": self.company_id.id,
                    "qms_id_number": raw.id_number_raw,
                    "qms_is_applicant": True,
                }
            )
        return partner

    def action_refuse_at_desk(self):
        """Open a refusal slip (form 03) for a dossier the desk does not accept."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(
                self.env._("Only a dossier not yet received is refused at the desk.")
            )
        return self._qms_new_notice("refusal", "desk")

    def action_guidance(self):
        """Open a supplementation slip (form 02) for an incomplete dossier at the
        desk, or during processing."""
        self.ensure_one()
        stage = "desk" if self.state == "draft" else "processing"
        missing = self.component_ids.filtered(
            lambda c: c.requirement == "mandatory" and not c.provided
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Supplementation Slip"),
            "res_model": "qms.onestop.supplement",
            "view_mode": "form",
            "views": [
                (
                    self.env.ref(
                        "qms_onestop.qms_onestop_supplement_view_form_dialog"
                    ).id,
                    "form",
                )
            ],
            "target": "new",
            "context": {
                "default_dossier_id": self.id,
                "default_stage": stage,
                "default_component_ids": [fields.Command.set(missing.ids)],
            },
        }

    def _qms_new_notice(self, kind, stage):
        return {
            "type": "ir.actions.act_window",
            "res_model": "qms.onestop.notice",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_dossier_id": self.id,
                "default_kind": kind,
                "default_stage": stage,
            },
        }

    def action_draft_notice_refusal(self):
        self.ensure_one()
        return self._qms_new_notice("refusal", "processing")

    def action_draft_notice_apology(self):
        self.ensure_one()
        return self._qms_new_notice("apology", "processing")

    def action_draft_notice_stop(self):
        self.ensure_one()
        return self._qms_new_notice("stop", "processing")

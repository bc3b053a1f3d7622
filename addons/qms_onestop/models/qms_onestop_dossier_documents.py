# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class QmsOnestopDossier(models.Model):
    """The dossier's transitions driven by its documents: a filing through the
    API or from another agency, a supplementation request and its answer, the
    notices (refusal, stop, apology), a transfer to another agency and its
    outcome, the applicant's rating.

    The document records itself (its own state, who, when); the dossier moves
    here, and only here. Each transition checks that the document is this
    dossier's, in the state it claims, and being moved by its own transition
    at this very moment: called on its own (over RPC, say) it refuses, so no
    client replays a document to move a dossier.
    """

    _inherit = "qms.onestop.dossier"  # pylint: disable=consider-merging-classes-inherited

    def _qms_document(self, model, document, states):
        """``document`` (a record or an id of ``model``) checked as above."""
        self.ensure_one()
        if isinstance(document, int):
            document = self.env[model].browse(document)
        document = document.exists() if document else document
        if (
            not document
            or document._name != model
            or len(document) != 1
            or document.dossier_id != self
            or document.state not in states
            or not document._qms_in_transition()
        ):
            raise UserError(
                self.env._(
                    "Dossier %(code)s moves only through its own documents: use "
                    "the buttons of the request, notice or transfer.",
                    code=self.name or self.display_name,
                )
            )
        return document

    # ---------------------------------------------------------------- filing
    def qms_receive_filed(self, transfer=None):
        """Receive a dossier filed through the API (or, with ``transfer``, the
        part another agency sent): the intake step goes to a desk officer by
        the agency's rule, and a transferred part is due after its share of
        the time limit, not after the procedure's whole time."""
        self.ensure_one()
        if transfer:
            transfer = self.env["qms.onestop.transfer"].browse(
                transfer if isinstance(transfer, int) else transfer.id
            )
            if (
                transfer != self.origin_transfer_id
                or transfer.state != "sent"
                or not transfer._qms_in_transition()
            ):
                raise UserError(
                    self.env._("Only the sending agency's transfer files this part.")
                )
            return self._qms_receive(
                allotted_days=transfer.allotted_days,
                note=self.env._(
                    "Transferred by %(agency)s (dossier %(code)s) for: %(note)s",
                    agency=transfer.company_id.name,
                    code=self.origin_code,
                    note=transfer.request or "-",
                ),
            )
        if not self.external_system:
            raise UserError(
                self.env._("A dossier filed at the counter is received there.")
            )
        return self._qms_receive()

    # --------------------------------------------------------- supplementation
    def _qms_supplements_used(self):
        """The requests during processing that count against the limit of
        the counting rule (issued ones, answered or not)."""
        return self.supplement_ids.filtered(
            lambda s: (
                s.stage == "processing" and s.state in ("issued", "supplied", "expired")
            )
        )

    def qms_request_supplement(self, supplement):
        """The applicant is asked to supplement (the request is being issued).
        At the desk this is guidance before receipt; during processing the
        officer of the current step asks, within the limit of the counting
        rule, and the clock stops. Returns the request's deadline (or False)."""
        supplement = self._qms_document("qms.onestop.supplement", supplement, ["draft"])
        now = self._qms_now()
        if supplement.stage == "desk":
            if self.state != "draft" or not self._qms_is_desk():
                raise UserError(
                    self.env._("A desk officer guides the applicant before receipt.")
                )
            self._qms_log(
                "supplement_request",
                date=now,
                supplement_id=supplement.id,
                note=supplement.items,
            )
            return False
        self._qms_check_mover(self.current_line_id)
        settings = self._qms_supplement_settings()
        done = self._qms_supplements_used()
        if len(done) >= settings["max"]:
            raise UserError(
                self.env._(
                    "Dossier %(code)s was already sent back for supplementation "
                    "%(count)s time(s): %(rule)s allows %(max)s. Decide on the "
                    "dossier as it is (result or refusal).",
                    code=self.name,
                    count=len(done),
                    rule=settings["rule"].legal_document_id.display_name,
                    max=settings["max"],
                )
            )
        deadline = settings["days"] and self.company_id.qms_deadline(
            now, settings["days"], "day"
        )
        self._qms_stop_clock(now, "supplement", supplement_id=supplement.id)
        self._qms_log(
            "supplement_request",
            date=now,
            supplement_id=supplement.id,
            note=supplement.items,
            state="waiting_supplement",
        )
        return deadline or False

    def qms_supplied(self, supplement):
        """The applicant supplied (the request was just marked supplied):
        during processing the clock restarts as the counting rule says."""
        supplement = self._qms_document(
            "qms.onestop.supplement", supplement, ["supplied"]
        )
        now = supplement.supplied_at or self._qms_now()
        note = False
        if supplement.stage == "processing":
            due = self._qms_restart_clock(supplement, now)
            note = self.env._(
                "New legal due date %(due)s.",
                due=fields.Datetime.to_string(self._qms_local(due))[:16],
            )
        self._qms_log(
            "supplement_received", date=now, supplement_id=supplement.id, note=note
        )
        return True

    # ---------------------------------------------------------------- notices
    def _qms_notice_issued(self, notice, kind):
        notice = self._qms_document("qms.onestop.notice", notice, ["issued"])
        if notice.kind != kind:
            raise UserError(self.env._("This notice is of another kind."))
        self._qms_log("notice_issue", notice_id=notice.id, date=notice.issued_at)
        return notice

    def qms_refuse(self, notice):
        """A refusal is issued: at the desk the dossier gets its code (refusals
        are in the book too) and closes; after processing it closes with a
        result that counts in the statistics."""
        notice = self._qms_notice_issued(notice, "refusal")
        if notice.stage == "desk":
            desk = self.receiving_company_id
            day = desk._qms_to_local(notice.issued_at).date()
            self.sudo()._qms_transition({"name": desk._qms_next_dossier_code(day)})
            self._qms_close("refused", notice.reason, "refuse", "desk", notice)
        else:
            self._qms_close("refused", notice.reason, "refuse", "processing", notice)
        return True

    def qms_stop(self, notice):
        """A notice of stopping processing is issued: the dossier ends stopped."""
        notice = self._qms_notice_issued(notice, "stop")
        self._qms_close("stopped", notice.reason, "stop", False, notice)
        return True

    def qms_apologise(self, notice):
        """An apology is issued: the applicant gets a new appointment, the
        dossier stays late against its legal due date."""
        notice = self._qms_notice_issued(notice, "apology")
        self.sudo()._qms_transition(
            {"apologized": True, "appointment_at": notice.new_appointment_at}
        )
        return True

    # -------------------------------------------------------------- transfers
    def qms_transfer_out(self, transfer):
        """A part was sent to another agency (the transfer was just sent and
        delivered): the clock stops until it comes back."""
        transfer = self._qms_document("qms.onestop.transfer", transfer, ["sent"])
        now = transfer.sent_at
        to = transfer.to_company_id
        self._qms_stop_clock(now, "interagency", transfer_id=transfer.id)
        self._qms_log(
            "transfer_send",
            date=now,
            transfer_id=transfer.id,
            note=self.env._(
                "To %(agency)s (dossier %(code)s there), due %(due)s: %(request)s",
                agency=to.name,
                code=transfer.remote_code,
                due=fields.Datetime.to_string(to._qms_to_local(transfer.due_at))[:16],
                request=transfer.request,
            ),
        )
        return True

    def qms_resume(self, transfer, note):
        """A part came back from another agency (settled or refused there):
        once no part is away, processing goes on from the step that sent it,
        which gets back the working time spent away."""
        transfer = self._qms_document(
            "qms.onestop.transfer", transfer, ["returned", "refused"]
        )
        self._qms_lock()
        now = transfer.returned_at or self._qms_now()
        pause = self.pause_ids.filtered(
            lambda p: p.transfer_id == transfer and not p.end_at
        )
        pause.sudo().write({"end_at": now})
        if self.state == "waiting_interagency" and not self.transfer_ids.filtered(
            lambda t: t.state == "sent"
        ):
            self._qms_give_step_time(
                self.company_id.qms_working_hours_between(pause.start_at or now, now),
                now,
            )
            self.sudo()._qms_transition({"state": "in_progress"})
        self._qms_log("transfer_result", date=now, transfer_id=transfer.id, note=note)
        if transfer.state == "refused":
            self.sudo().message_post(body=note)
        return True

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..lib import onestop
from ..lib.states import FINISHED_STATES, OPEN_STATES, TIMELINESS


class QmsOnestopDossier(models.Model):
    """The legal clock: stops for supplementation and transfers, restarts,
    and the supervisor's logged overrides."""

    _inherit = "qms.onestop.dossier"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------ clock stop
    def _qms_supplement_settings(self):
        self.ensure_one()
        rule = self._qms_rule()
        case = self.tthc_case_id
        return {
            "max": rule.max_supplement_requests,
            "mode": case.supplement_clock_mode or rule.supplement_clock_mode,
            "days": case.supplement_days or rule.supplement_days,
            "rule": rule,
        }

    def _qms_stop_clock(self, now, reason, **links):
        """Stop the clock: waiting for the applicant's supplement or for
        another agency (``links``: the supplement or transfer waited for)."""
        self.ensure_one()
        self.env["qms.onestop.pause"].sudo().create(
            {"dossier_id": self.id, "start_at": now, "reason": reason, **links}
        )
        self.sudo()._qms_transition({"state": f"waiting_{reason}"})

    def _qms_give_step_time(self, hours, now):
        """The current step gets back ``hours`` of working time it waited."""
        self.current_line_id._qms_extend(hours, now)

    def _qms_restart_clock(self, supplement, now):
        """The applicant supplied: end the pause and move the due date as the
        law says (pause: the remaining time resumes; restart: the full time
        runs again from the supplement)."""
        self.ensure_one()
        pause = self.pause_ids.filtered(
            lambda p: p.supplement_id == supplement and not p.end_at
        )
        return self._qms_resume_clock(
            pause, now, self._qms_supplement_settings()["mode"]
        )

    def _qms_resume_clock(self, pause, now, mode):
        """End ``pause`` and move the due date by ``mode`` (see
        ``_qms_restart_clock``); back in progress."""
        self.ensure_one()
        pause.sudo().write({"end_at": now})
        company = self.company_id
        amount, uom, cutoff = self.tthc_case_id.qms_deadline_args()
        rule = company.qms_receipt_rule(now)
        if cutoff is None and rule.default_same_day_cutoff:
            cutoff = rule.default_same_day_cutoff
        local_due, waited = company._qms_compute(
            onestop.resumed_clock,
            mode,
            company._qms_to_local(pause.start_at),
            company._qms_to_local(now),
            company._qms_to_local(self.due_at),
            amount,
            uom,
            start_offset=rule.counting_start_offset,
            same_day_cutoff=cutoff,
            normalize=rule.normalize_outside_hours,
        )
        due = company._qms_to_utc(local_due)
        self._qms_give_step_time(waited, now)
        values = {"state": "in_progress", "due_at": due}
        if self.appointment_at == self.due_at or not self.apologized:
            values["appointment_at"] = due
        self.sudo()._qms_transition(values)
        return due

    # ------------------------------------------------------------ overrides
    def action_override(self, appointment_at=None, timeliness=None, reason=None):
        """A supervisor changes the appointment or the lateness shown, with a
        reason; statistics keep the legal due date and computed timeliness."""
        self.ensure_one()
        self._qms_lock()
        if not self._qms_is_supervisor():
            raise AccessError(
                self.env._("Only a supervisor changes an appointment or a status.")
            )
        if not (reason or "").strip():
            raise ValidationError(self.env._("Give the reason for the change."))
        if not appointment_at and not timeliness:
            raise ValidationError(self.env._("Nothing to change."))
        if timeliness and timeliness not in dict(TIMELINESS):
            raise ValidationError(self.env._("Unknown status."))
        if timeliness and self.state not in FINISHED_STATES:
            raise UserError(
                self.env._("A status is changed only once the result is ready.")
            )
        if appointment_at:
            appointment_at = fields.Datetime.to_datetime(appointment_at)
            if self.state not in OPEN_STATES + ("result_ready",):
                raise UserError(
                    self.env._("The appointment of a closed dossier cannot change.")
                )
        now = self._qms_now()
        if appointment_at:
            old = self.appointment_at
            self.sudo()._qms_transition({"appointment_at": appointment_at})
            self._qms_log(
                "override_appointment",
                date=now,
                reason=reason,
                note=self.env._(
                    "Appointment %(old)s → %(new)s",
                    old=fields.Datetime.to_string(self._qms_local(old))[:16],
                    new=fields.Datetime.to_string(self._qms_local(appointment_at))[:16],
                ),
            )
        if timeliness:
            self.sudo()._qms_transition({"timeliness_override": timeliness})
            self._qms_log(
                "override_timeliness",
                date=now,
                reason=reason,
                step_timeliness=timeliness,
            )
        return True

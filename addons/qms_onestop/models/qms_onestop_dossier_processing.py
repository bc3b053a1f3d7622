# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..lib import onestop
from ..lib.states import OPEN_STATES


class QmsOnestopDossier(models.Model):
    """Processing along the steps of the ISO procedure version: lines,
    handoffs, send-backs, reassignment, result, return, withdrawal, closing."""

    _inherit = "qms.onestop.dossier"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------- processing
    def _qms_create_lines(self, steps):
        self.ensure_one()
        return self.env["qms.onestop.dossier.line"]._qms_create_for(self, steps)

    def _qms_pending_lines(self):
        return self.line_ids.filtered(lambda ln: ln.state == "pending").sorted(
            lambda ln: (ln.sequence, ln.id)
        )

    def _qms_open_line(self, line, user=None, start=None, force=False):
        """Make ``line`` the current step, opened at ``start`` (see the line's
        ``_qms_open``)."""
        self.ensure_one()
        if not line:
            return line
        line._qms_open(start or self._qms_now(), user, force)
        self.sudo()._qms_transition({"current_line_id": line.id})
        return line

    def _qms_check_mover(self, line, expected_line_id=None):
        """The current user may move ``line``: its officer (or a supervisor);
        ``expected_line_id`` is the step the user's screen showed."""
        self.ensure_one()
        expected_line = line.browse(expected_line_id) if expected_line_id else None
        if self.state != "in_progress":
            raise UserError(
                self.env._(
                    "Dossier %(code)s is %(state)s: it cannot be moved now.",
                    code=self.name,
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        self.state
                    ].lower(),
                )
            )
        if expected_line is not None and expected_line != line:
            raise UserError(
                self.env._(
                    "Dossier %(code)s has already been moved on by someone else "
                    "(it is now at “%(step)s”). Reload it.",
                    code=self.name,
                    step=line.name or "-",
                )
            )
        if not line or line.state != "open":
            raise UserError(
                self.env._("Dossier %(code)s has no open step.", code=self.name)
            )
        if line.user_id != self.env.user and not self._qms_is_supervisor():
            raise AccessError(
                self.env._(
                    "Step “%(step)s” of dossier %(code)s is assigned to %(user)s: "
                    "only that officer (or a supervisor) may hand it off.",
                    step=line.name,
                    code=self.name,
                    user=line.user_id.name or self.env._("nobody"),
                )
            )

    def action_handoff(self, expected_line_id=None, next_user_id=None, note=None):
        """Finish the current step and hand the dossier to the next one."""
        self.ensure_one()
        self._qms_lock()
        line = self.current_line_id
        self._qms_check_mover(line, expected_line_id)
        following = self._qms_pending_lines()[:1]
        if not following:
            raise UserError(
                self.env._(
                    "“%(step)s” is the last step: record the return of the result.",
                    step=line.name,
                )
            )
        next_user = self.env["res.users"].browse(next_user_id) if next_user_id else None
        if next_user and next_user not in following._qms_candidates():
            raise ValidationError(
                self.env._(
                    "%(user)s may not perform step “%(step)s”.",
                    user=next_user.name,
                    step=following.name,
                )
            )
        now = self._qms_now()
        line._qms_finish(now, "done", note)
        self._qms_open_line(following, next_user, now)
        self._qms_log_move(
            "handoff", line, following, now, step_timeliness=line.timeliness, note=note
        )
        if following.is_return_step:
            self._qms_result_ready(now)
        return True

    def action_send_back(self, step_id, reason, expected_line_id=None):
        """Return the dossier to an earlier step (a reason is required)."""
        self.ensure_one()
        self._qms_lock()
        line = self.current_line_id
        self._qms_check_mover(line, expected_line_id)
        if not (reason or "").strip():
            raise ValidationError(
                self.env._("Say why the dossier goes back to an earlier step.")
            )
        steps = self.sudo().procedure_version_id.step_ids.sorted("sequence")
        step = steps.filtered(lambda s: s.id == step_id)
        done_steps = self.line_ids.filtered(lambda ln: ln.state == "done").step_id
        if not step or step not in done_steps or step == line.step_id:
            raise ValidationError(
                self.env._("A dossier goes back only to a step it has passed.")
            )
        now = self._qms_now()
        line._qms_finish(now, "returned", reason)
        self._qms_pending_lines()._qms_cancel(now)
        index = list(steps).index(step)
        new_lines = self._qms_create_lines(steps[index:])
        previous = self.line_ids.filtered(
            lambda ln: ln.step_id == step and ln.state == "done"
        ).sorted("id")[-1:]
        target = new_lines[:1]
        self._qms_open_line(target, previous.user_id, now)
        self._qms_log_move(
            "send_back",
            line,
            target,
            now,
            step_timeliness=line.timeliness,
            reason=reason,
        )
        return True

    def action_reassign(self, user_id, reason):
        """A supervisor gives the current step to another allowed officer."""
        self.ensure_one()
        self._qms_lock()
        if not self._qms_is_supervisor():
            raise AccessError(self.env._("Only a supervisor reassigns a step."))
        line = self.current_line_id
        if self.state not in OPEN_STATES or not line:
            raise UserError(self.env._("The dossier has no open step to reassign."))
        user = self.env["res.users"].browse(user_id).exists()
        if not user or user not in line._qms_candidates():
            raise ValidationError(
                self.env._(
                    "This officer may not perform step “%(step)s”.", step=line.name
                )
            )
        if not (reason or "").strip():
            raise ValidationError(self.env._("Say why the step is reassigned."))
        previous = line.user_id
        now = self._qms_now()
        line._qms_assign(user, now)
        self._qms_log_move(
            "reassign", line, line, now, from_user_id=previous.id, reason=reason
        )
        return True

    def action_result_ready(self):
        """The result is ready (for a procedure whose only step is the desk's)."""
        self.ensure_one()
        self._qms_lock()
        self._qms_check_mover(self.current_line_id)
        if self._qms_pending_lines():
            raise UserError(self.env._("Steps remain before the result can be ready."))
        self._qms_result_ready(self._qms_now())
        return True

    def _qms_result_ready(self, now):
        self.ensure_one()
        local_done = self._qms_local(now)
        timeliness = onestop.classify(local_done, self._qms_local(self.due_at))
        self.sudo()._qms_transition(
            {
                "state": "result_ready",
                "completed_at": now,
                **self._qms_kpi_values(timeliness, now),
            }
        )
        self.env["qms.onestop.kpi.month"]._qms_add(self)
        self._qms_log("result_ready", date=now, step_timeliness=timeliness)

    def _qms_kpi_values(self, timeliness, end):
        """Stored KPIs at the result. Clock stops (supplements, time at other
        agencies) are not this agency's processing time; the time at other
        agencies is kept apart and attributed to them."""
        company = self.company_id
        pauses = [(p.start_at, p.end_at or end) for p in self.pause_ids]
        hours = company.qms_working_hours_between(
            self.clock_start_at, max(end, self.clock_start_at), pauses
        )
        away = sum(
            company.qms_working_hours_between(p.start_at, p.end_at or end)
            for p in self.pause_ids
            if p.reason == "interagency"
        )
        day_hours = company.qms_work_calendar().standard_day_seconds / 3600.0
        return {
            "timeliness": timeliness,
            "on_time_pct": 100.0 if onestop.is_on_time(timeliness) else 0.0,
            "late_pct": 100.0 if timeliness == "late" else 0.0,
            "processing_days": round(hours / day_hours, 2) if day_hours else 0.0,
            "interagency_days": round(away / day_hours, 2) if day_hours else 0.0,
        }

    def action_return_result(self, returned_to, method=None, note=None, handover=None):
        """Hand the result to the applicant: closes the last step.
        ``handover`` holds what the desk checked and took (see
        ``_qms_handover_values``): who received it and on what authority,
        the signature or signed receipt, the originals, the waybill."""
        self.ensure_one()
        self._qms_lock()
        if self.state == "returned":
            raise UserError(
                self.env._(
                    "The result of dossier %(code)s was already returned on %(date)s.",
                    code=self.name,
                    date=fields.Datetime.to_string(self._qms_local(self.returned_at)),
                )
            )
        if self.state != "result_ready":
            raise UserError(
                self.env._(
                    "The result of dossier %(code)s is not ready.", code=self.name
                )
            )
        if not self._qms_is_desk():
            raise AccessError(self.env._("Only desk officers return results."))
        if not (returned_to or "").strip():
            raise ValidationError(self.env._("Say who received the result."))
        if method and method not in dict(self._fields["return_method"].selection):
            raise ValidationError(self.env._("Unknown way of returning the result."))
        self._qms_check_paid_for_return()
        extra = self._qms_handover_values(
            handover or {}, method or self.return_method, returned_to.strip()
        )
        now = self._qms_now()
        line = self.current_line_id
        if line and line.state == "open":
            line._qms_finish(now, "done", note)
        self.sudo()._qms_transition(
            {
                "state": "returned",
                "returned_at": now,
                "returned_to": returned_to.strip(),
                "return_method": method or self.return_method,
                "current_line_id": False,
                **extra,
            }
        )
        self._qms_log(
            "return",
            date=now,
            from_line_id=line.id,
            from_user_id=line.user_id.id or self.env.user.id,
            from_unit_id=line.unit_id.id,
            step_timeliness=line.timeliness,
            note=self.env._("Returned to %(who)s", who=returned_to.strip())
            + (f" — {note}" if note else ""),
        )
        return True

    def action_withdraw(self, reason):
        """The applicant withdraws the dossier."""
        self.ensure_one()
        self._qms_lock()
        if self.state not in OPEN_STATES + ("result_ready",):
            raise UserError(self.env._("Only a dossier being processed is withdrawn."))
        if not self._qms_is_desk():
            raise AccessError(self.env._("Only desk officers record a withdrawal."))
        if not (reason or "").strip():
            raise ValidationError(self.env._("Record the applicant's request."))
        self._qms_close("withdrawn", reason, "withdraw")
        return True

    def _qms_close(self, state, reason, action, refused_stage=False, notice=None):
        """End the dossier without a result (refused, stopped, withdrawn)."""
        self.ensure_one()
        now = self._qms_now()
        self.pause_ids.filtered(lambda p: not p.end_at).sudo().write({"end_at": now})
        self.line_ids._qms_cancel(now)
        values = {
            "state": state,
            "closed_at": now,
            "closing_reason": reason,
            "refused_stage": refused_stage,
            "current_line_id": False,
        }
        if state != "refused" or refused_stage == "processing":
            counting = self._qms_rule()[f"{state}_counting"]
        else:
            counting = "excluded"  # refused at the desk: never received
        if counting == "by_date" and not self.timeliness:
            # Counted in the on-time figures by the date it ended, as the
            # counting rule in force says.
            timeliness = onestop.classify(
                self._qms_local(now), self._qms_local(self.due_at)
            )
            values.update(completed_at=now, **self._qms_kpi_values(timeliness, now))
        self.sudo()._qms_transition(values)
        if values.get("timeliness"):
            self.env["qms.onestop.kpi.month"]._qms_add(self)
        self._qms_log(action, date=now, reason=reason, notice_id=notice and notice.id)
        # Parts still at other agencies are called back.
        self.transfer_ids.filtered(lambda t: t.state == "sent").sudo()._qms_cancel(
            reason
        )

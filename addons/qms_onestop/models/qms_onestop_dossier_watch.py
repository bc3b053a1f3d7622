# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class QmsOnestopDossier(models.Model):
    """The hourly watch: stuck dossiers, due steps, expired requests."""

    _inherit = "qms.onestop.dossier"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ crons
    @api.model
    def _cron_onestop_watch(self):
        """Hourly: flag dossiers with no action for too long and tell their
        supervisors; remind officers of steps due today or overdue; stop the
        processing of dossiers whose applicant did not supply in time.

        In a province (more agencies with open dossiers than
        ``qms_onestop.watch_agencies_per_run``), the watch of each agency is a
        job of its own on the job queue (channel ``root.qms.reminders``): the
        reminders of hundreds of agencies are sent by the job runner's
        workers, a failing agency is retried alone and shown to the
        administrator, and the cron itself ends in a moment."""
        busy = self.sudo()._read_group(
            [("state", "in", ("in_progress", "waiting_supplement"))], ["company_id"]
        )
        companies = self.env["res.company"].browse([c.id for (c,) in busy])
        param = self.env["ir.config_parameter"].sudo().get_param
        limit = int(param("qms_onestop.watch_agencies_per_run", "20"))
        if len(companies) <= limit:
            self._qms_watch(companies)
            return
        for company in companies:
            self.with_delay(
                description=self.env._(
                    "One-stop watch of %(agency)s", agency=company.name
                ),
                identity_key=f"qms_onestop_watch_{company.id}_{fields.Datetime.now():%Y%m%d%H}",
            )._qms_watch(company)

    @api.model
    def _qms_watch(self, companies):
        """The watch of ``companies`` (see :meth:`_cron_onestop_watch`)."""
        self._qms_flag_stuck(companies)
        self.env["qms.onestop.dossier.line"]._qms_remind_due(companies)
        self.env["qms.onestop.supplement"]._qms_expire(companies)

    @api.model
    def _qms_flag_stuck(self, companies=None):
        now = fields.Datetime.now()
        activity_type = self.env.ref("qms_onestop.mail_activity_dossier_stuck")
        domain = [("state", "=", "in_progress")]
        if companies is not None:
            domain.append(("company_id", "in", companies.ids))
        busy = self.sudo()._read_group(domain, ["company_id"])
        for (company,) in busy:
            company = company.sudo()
            hours = company.qms_onestop_stuck_hours
            if hours <= 0:
                continue
            candidates = self.sudo().search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "in_progress"),
                    ("is_stuck", "=", False),
                    ("last_action_at", "<", now),
                ]
            )
            if not candidates:
                continue
            supervisors = (
                self.env.ref("qms_onestop.group_onestop_supervisor")
                .users.filtered(
                    lambda u, c=company: c in u.company_ids and u.share is False
                )
                .filtered(lambda u: u.id != self.env.ref("base.user_root").id)
            )

            def flag(dossier, company=company, hours=hours, supervisors=supervisors):
                idle = company.qms_working_hours_between(dossier.last_action_at, now)
                if idle < hours:
                    return
                dossier._qms_transition({"is_stuck": True})
                for user in supervisors:
                    dossier.activity_schedule(
                        activity_type_id=activity_type.id,
                        user_id=user.id,
                        summary=self.env._(
                            "No action for %(hours)s working hours", hours=round(idle)
                        ),
                    )

            self._qms_each(candidates, flag)

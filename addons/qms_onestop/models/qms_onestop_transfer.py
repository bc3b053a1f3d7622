# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import uuid

from odoo import api, fields, models
from odoo.addons.qms_public_admin.lib import transition
from odoo.exceptions import UserError, ValidationError

from ..lib import api_schema, onestop
from ..lib.states import DOSSIER_STATES, TIMELINESS


class QmsOnestopTransfer(models.Model):
    """Inter-agency transfer (một cửa liên thông): the part of a dossier that
    another agency settles. The dossier goes there with its documents, becomes
    a dossier of that agency (channel "transferred from another agency") on its
    own ISO procedure and its share of the time limit, reports each move back
    here, and its result returns to the sending agency, whose desk returns the
    final result to the applicant.

    The two agencies exchange only plain values: the filing is the payload of
    the API's ``receive_dossier`` (``_qms_payload``), the reports are the
    API's dossier status (``_qms_apply_status``). In one database they are
    handed over directly; an agency in another Odoo is reached by sending the
    same values over XML-RPC (see the README)."""

    _name = "qms.onestop.transfer"
    _description = "Inter-agency Transfer"
    _inherit = ["mail.thread", "qms.onestop.dossier.child.mixin", "qms.locked.mixin"]
    _qms_locked_states = ("sent", "returned", "refused", "cancelled")
    _qms_guard_readonly = True
    _qms_deletable_states = ()
    _order = "sent_at desc, id desc"

    name = fields.Char(string="Reference", readonly=True, copy=False, index=True)
    ref = fields.Char(
        string="Exchange Key",
        readonly=True,
        copy=False,
        index=True,
        default=lambda self: str(uuid.uuid4()),
        help="Identifies the transfer at both agencies: filing it twice files "
        "one dossier.",
    )
    to_company_id = fields.Many2one(
        "res.company",
        string="To Agency",
        required=True,
        index=True,
        tracking=True,
        domain="[('id', '!=', company_id), ('qms_agency_code', '!=', False)]",
    )
    tthc_id = fields.Many2one(
        "qms.tthc", string="Procedure of Its Part", required=True, tracking=True
    )
    tthc_case_id = fields.Many2one(
        "qms.tthc.case",
        string="Case",
        required=True,
        domain="[('tthc_id', '=', tthc_id)]",
    )
    allotted_days = fields.Float(
        string="Its Share (working days)",
        required=True,
        tracking=True,
        help="The time the inter-agency procedure gives this agency; the whole "
        "must fit the dossier's legal due date.",
    )
    request = fields.Text(string="What It Settles", required=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "qms_onestop_transfer_attachment_rel",
        string="Other Documents Sent",
        help="Sent with the scans of the dossier's components.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("sent", "At the Other Agency"),
            ("returned", "Result Received"),
            ("refused", "Not Settled There"),
            ("cancelled", "Called Back"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    sent_at = fields.Datetime(readonly=True, copy=False)
    sent_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    due_at = fields.Datetime(
        string="Due There", readonly=True, copy=False, help="End of its share."
    )
    returned_at = fields.Datetime(string="Back On", readonly=True, copy=False)
    child_dossier_id = fields.Many2one(
        "qms.onestop.dossier",
        string="Dossier There",
        readonly=True,
        copy=False,
        index=True,
    )
    remote_code = fields.Char(string="Code There", readonly=True, copy=False)
    remote_state = fields.Selection(
        DOSSIER_STATES,
        string="Status There",
        readonly=True,
        copy=False,
    )
    remote_step = fields.Char(string="Step There", readonly=True, copy=False)
    remote_updated_at = fields.Datetime(string="Last News", readonly=True, copy=False)
    result_number = fields.Char(string="Result No.", readonly=True, copy=False)
    result_date = fields.Date(readonly=True, copy=False)
    result_signer = fields.Char(string="Signed By", readonly=True, copy=False)
    result_note = fields.Text(string="Outcome", readonly=True, copy=False)
    result_attachment_ids = fields.Many2many(
        "ir.attachment",
        "qms_onestop_transfer_result_rel",
        string="Result Files",
        readonly=True,
        copy=False,
    )
    timeliness = fields.Selection(TIMELINESS, readonly=True, copy=False, index=True)
    on_time_pct = fields.Float(
        string="On-time Rate (%)", readonly=True, copy=False, aggregator="avg"
    )
    spent_days = fields.Float(
        string="Time There (working days)",
        readonly=True,
        copy=False,
        aggregator="avg",
        digits=(16, 2),
    )

    @api.depends("name", "to_company_id")
    def _compute_display_name(self):
        for transfer in self:
            transfer.display_name = transfer.name or self.env._(
                "Transfer to %(agency)s", agency=transfer.to_company_id.name or "…"
            )

    @api.onchange("tthc_id")
    def _onchange_tthc_id(self):
        if self.tthc_case_id.tthc_id != self.tthc_id:
            self.tthc_case_id = self.tthc_id.case_ids[:1]

    def _qms_locked_message(self, record):
        return self.env._("A sent transfer cannot change.")

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(t.state != "draft" for t in self):
            raise UserError(self.env._("A sent transfer is never deleted."))

    def _qms_transition(self, vals):
        return super(QmsOnestopTransfer, self.sudo())._qms_transition(vals)

    # ------------------------------------------------------------------ send
    def action_send(self):
        """Send the dossier's part to the other agency."""
        for transfer in self:
            dossier = transfer.dossier_id
            dossier._qms_lock()
            if transfer.state != "draft":
                raise UserError(self.env._("This transfer is already sent."))
            dossier._qms_check_mover(dossier.current_line_id)
            transfer._qms_check_sendable()
            now = dossier._qms_now()
            to = transfer.to_company_id
            due = to.qms_deadline(now, transfer.allotted_days, "day")
            if dossier.due_at and due > dossier.due_at:
                raise ValidationError(
                    self.env._(
                        "%(agency)s's share would end on %(due)s, after the "
                        "dossier's legal due date %(legal)s: give it a shorter "
                        "share (the whole must fit the time limit).",
                        agency=to.name,
                        due=fields.Datetime.to_string(to._qms_to_local(due))[:16],
                        legal=fields.Datetime.to_string(
                            dossier._qms_local(dossier.due_at)
                        )[:16],
                    )
                )
            with transfer._qms_unlocked():
                transfer._qms_transition(
                    {
                        "state": "sent",
                        "name": f"{dossier.name}/LT{len(dossier.transfer_ids)}",
                        "sent_at": now,
                        "sent_by_id": self.env.user.id,
                    }
                )
                child = transfer._qms_deliver(now)
                transfer._qms_transition(
                    {
                        "child_dossier_id": child.id,
                        "due_at": child.due_at,
                        "remote_code": child.name,
                    }
                )
                dossier.qms_transfer_out(transfer)
        return True

    def _qms_check_sendable(self):
        self.ensure_one()
        dossier = self.dossier_id
        if self.to_company_id == dossier.company_id:
            raise ValidationError(
                self.env._("A transfer goes to another agency, not to its own.")
            )
        if self.tthc_case_id.tthc_id != self.tthc_id:
            raise ValidationError(
                self.env._("The case does not belong to the chosen procedure.")
            )
        if self.allotted_days <= 0:
            raise ValidationError(
                self.env._("Give the other agency its share of the time limit.")
            )
        if not (self.request or "").strip():
            raise ValidationError(self.env._("Say what the other agency settles."))
        for agency in self.to_company_id | dossier.company_id:
            if not agency.qms_agency_code:
                raise ValidationError(
                    self.env._(
                        "%(agency)s has no official agency code: the agencies "
                        "could not name each other's dossiers.",
                        agency=agency.name,
                    )
                )

    def _qms_payload(self):
        """The filing sent to the other agency: the payload of the API's
        ``receive_dossier`` (with the share of time and the origin)."""
        self.ensure_one()
        dossier = self.dossier_id.sudo()
        components = []
        for comp in dossier.component_ids.filtered("attachment_ids"):
            components.append(
                {
                    "name": comp.name,
                    "files": [
                        {"name": a.name, "data": a.datas.decode()}
                        for a in comp.attachment_ids
                    ],
                }
            )
        others = self.sudo().attachment_ids
        return {
            "source": dossier.company_id.qms_agency_code,
            "external_code": self.ref,
            "desk": self.to_company_id.qms_agency_code,
            "procedure": self.tthc_id.code,
            "case": self.tthc_case_id.name,
            "applicant": {
                "name": dossier.applicant_name,
                "type": dossier.applicant_type,
                "id_number": dossier.id_number_raw or False,
                "phone": dossier.phone_raw or False,
                "email": dossier.email_raw or False,
                "address": dossier.address_raw or False,
            },
            "documents": components
            + (
                [
                    {
                        "name": self.env._("Other documents"),
                        "files": [
                            {"name": a.name, "data": a.datas.decode()} for a in others
                        ],
                    }
                ]
                if others
                else []
            ),
            "note": self.request,
            "allotted_days": self.allotted_days,
            "origin_code": dossier.name,
        }

    def _qms_deliver(self, now):
        """Hand the filing to the other agency (same database: directly)."""
        self.ensure_one()
        Api = self.env["qms.onestop.api"].sudo()
        try:
            with transition.clock(now):
                return Api._qms_accept_transfer(self._qms_payload(), self)
        except api_schema.ApiError as exc:
            raise UserError(Api._qms_api_text(exc.key, exc.params)) from exc

    # ------------------------------------------------------------ reports
    def _qms_on_child_event(self, child, log):
        """The dossier at the other agency moved (same database)."""
        self.ensure_one()
        self._qms_apply_status(
            self.env["qms.onestop.api"]._qms_status_values(child), child
        )

    def _qms_apply_status(self, status, child=None):
        """Take the other agency's news: its status, and when its part is done
        or refused, the outcome; the dossier here then goes on."""
        self.ensure_one()
        now = fields.Datetime.now() if child is None else child._qms_now()
        step = status.get("current_step") or {}
        self._qms_transition(
            {
                "remote_code": status.get("code") or self.remote_code,
                "remote_state": status.get("state"),
                "remote_step": step.get("name") or False,
                "remote_updated_at": now,
            }
        )
        if self.state != "sent":
            return
        state = status.get("state")
        if state == "result_ready":
            self._qms_result_back(status, child, now)
        elif state in ("refused", "stopped", "withdrawn"):
            self._qms_refused_back(status, now)

    def _qms_time_values(self, now):
        to = self.to_company_id
        child = self.child_dossier_id
        pauses = [(p.start_at, p.end_at or now) for p in child.pause_ids]
        hours = to.qms_working_hours_between(self.sent_at, now, pauses)
        day_hours = to.qms_work_calendar().standard_day_seconds / 3600.0
        timeliness = onestop.classify(
            to._qms_to_local(now), self.due_at and to._qms_to_local(self.due_at)
        )
        return {
            "returned_at": now,
            "timeliness": timeliness,
            "on_time_pct": 100.0 if onestop.is_on_time(timeliness) else 0.0,
            "spent_days": round(hours / day_hours, 2) if day_hours else 0.0,
        }

    def _qms_result_back(self, status, child, now):
        result = status.get("result") or {}
        files = self.env["ir.attachment"]
        if child:
            for attachment in child.result_attachment_ids:
                files |= attachment.sudo().copy(
                    {"res_model": self._name, "res_id": self.id}
                )
        self._qms_transition(
            {
                "state": "returned",
                "result_number": result.get("number") or False,
                "result_date": result.get("date") or False,
                "result_signer": result.get("signer") or False,
                "result_attachment_ids": [fields.Command.set(files.ids)],
                **self._qms_time_values(now),
            }
        )
        if child and child.state == "result_ready":
            # Its result goes back to the sending agency, not to the applicant.
            with transition.clock(now):
                child.sudo().action_return_result(self.company_id.name, "interagency")
        self._qms_resume(
            self.env._(
                "%(agency)s settled its part (%(code)s): result %(number)s.",
                agency=self.to_company_id.name,
                code=self.remote_code,
                number=result.get("number") or "-",
            ),
        )

    def _qms_refused_back(self, status, now):
        reason = status.get("closing_reason") or ""
        self._qms_transition(
            {"state": "refused", "result_note": reason, **self._qms_time_values(now)}
        )
        self._qms_resume(
            self.env._(
                "%(agency)s did not settle its part (%(code)s): %(reason)s",
                agency=self.to_company_id.name,
                code=self.remote_code,
                reason=reason or "-",
            ),
        )

    def _qms_resume(self, note):
        """The dossier here goes on (see the dossier's ``qms_resume``)."""
        with self._qms_unlocked():
            self.dossier_id.sudo().qms_resume(self, note)

    def _qms_cancel(self, reason):
        """The dossier here ended (withdrawn, refused, stopped): call the part
        back from the other agency."""
        for transfer in self:
            transfer._qms_transition({"state": "cancelled"})
            child = transfer.child_dossier_id.sudo()
            if child and child.state not in (
                "returned",
                "refused",
                "stopped",
                "withdrawn",
            ):
                child.action_withdraw(
                    self.env._(
                        "Called back by %(agency)s: %(reason)s",
                        agency=transfer.company_id.name,
                        reason=reason or "-",
                    )
                )
            transfer.dossier_id._qms_log(
                "transfer_cancel", transfer_id=transfer.id, reason=reason
            )

    def action_open_child(self):
        """The dossier at the other agency, for its users."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "qms.onestop.dossier",
            "res_id": self.child_dossier_id.id,
            "view_mode": "form",
        }

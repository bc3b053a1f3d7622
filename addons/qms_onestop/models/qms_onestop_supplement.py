# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class QmsOnestopSupplement(models.Model):
    """A request to supplement or complete a dossier (form 02): at the desk it
    guides the applicant once and completely; during processing it stops the
    clock until the applicant supplies."""

    _name = "qms.onestop.supplement"
    _description = "Supplementation Request"
    _inherit = ["mail.thread", "qms.onestop.dossier.child.mixin", "qms.locked.mixin"]
    _order = "requested_at desc, id desc"
    _qms_locked_states = ("issued", "supplied", "expired", "cancelled")
    _qms_guard_readonly = True
    _qms_deletable_states = ()

    stage = fields.Selection(
        [("desk", "At the Desk"), ("processing", "During Processing")],
        required=True,
        default="processing",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("issued", "Waiting for the Applicant"),
            ("supplied", "Supplied"),
            ("expired", "Not Supplied in Time"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    component_ids = fields.Many2many(
        "qms.onestop.dossier.component",
        string="Missing Components",
        domain="[('dossier_id', '=', dossier_id)]",
    )
    items = fields.Text(
        string="What to Supplement and Why",
        required=True,
        help="Everything at once (hướng dẫn một lần, đầy đủ), with the reason for "
        "each item.",
    )
    legal_reference = fields.Char(string="Legal Basis")
    requested_by_id = fields.Many2one("res.users", readonly=True)
    requested_at = fields.Datetime(readonly=True)
    deadline_at = fields.Datetime(
        string="Supply By",
        readonly=True,
        help="Past this moment without a supplement, processing stops.",
    )
    supplied_at = fields.Datetime(readonly=True)
    received_by_id = fields.Many2one(
        "res.users", string="Supplement Received By", readonly=True
    )

    rule_note = fields.Text(
        string="The Rule",
        compute="_compute_rule_note",
        help="What the counting rule in force says about this request.",
    )
    limit_reached = fields.Boolean(compute="_compute_rule_note")

    @api.depends("dossier_id", "stage")
    def _compute_rule_note(self):
        for slip in self:
            slip.limit_reached = False
            dossier = slip.dossier_id
            if not dossier:
                slip.rule_note = False
            elif slip.stage == "desk":
                slip.rule_note = self.env._(
                    "Guidance before receipt: list everything missing at once. "
                    "The dossier is not received yet, so no deadline runs."
                )
            else:
                slip.rule_note, slip.limit_reached = slip._qms_processing_rule(dossier)

    def _qms_processing_rule(self, dossier):
        settings = dossier.sudo()._qms_supplement_settings()
        used = dossier.sudo()._qms_supplements_used()
        modes = dict(
            self.env["qms.receipt.rule"]
            ._fields["supplement_clock_mode"]
            ._description_selection(self.env)
        )
        note = self.env._(
            "%(rule)s allows %(max)s supplementation request(s) during processing; "
            "this dossier has had %(used)s. Issuing stops the clock until the "
            "applicant supplies; then: %(mode)s.",
            rule=settings["rule"].legal_document_id.display_name
            or settings["rule"].display_name,
            max=settings["max"],
            used=len(used),
            mode=modes.get(settings["mode"], settings["mode"] or ""),
        )
        if settings["days"]:
            note += " " + self.env._(
                "The applicant has %(days)s working day(s) to supply; past them "
                "processing stops.",
                days=settings["days"],
            )
        limit = len(used) >= settings["max"]
        if limit:
            note += " " + self.env._(
                "The limit is reached: decide on the dossier as it is (result or "
                "refusal)."
            )
        return note, limit

    @api.depends("dossier_id", "requested_at")
    def _compute_display_name(self):
        for slip in self:
            slip.display_name = self.env._(
                "Supplementation Request - %(code)s",
                code=slip.dossier_id.name or self.env._("new dossier"),
            )

    def _qms_locked_message(self, record):
        return self.env._("An issued supplementation request cannot change.")

    @api.model_create_multi
    def create(self, vals_list):
        # Lock the dossiers first: two officers asking at the same moment get
        # one request and one clear "busy" error, never two busy errors.
        self.env["qms.onestop.dossier"].browse(
            {v["dossier_id"] for v in vals_list if v.get("dossier_id")}
        )._qms_lock()
        return super().create(vals_list)

    def action_issue(self):
        """Issue the request; during processing the clock stops."""
        for supplement in self:
            dossier = supplement.dossier_id
            dossier._qms_lock()
            if supplement.state != "draft":
                raise UserError(self.env._("This request is already issued."))
            if not (supplement.items or "").strip():
                raise ValidationError(
                    self.env._("List what the applicant must supplement and why.")
                )
            now = dossier._qms_now()
            with supplement._qms_unlocked():
                deadline = dossier.qms_request_supplement(supplement)
                supplement._qms_transition(
                    {
                        "state": "issued",
                        "requested_by_id": self.env.user.id,
                        "requested_at": now,
                        "deadline_at": deadline,
                    }
                )
        return True

    def action_issue_and_print(self):
        """From the dialog: issue, then print the slip for the applicant."""
        self.action_issue()
        return self.action_print()

    def _qms_transition(self, vals):
        return super(QmsOnestopSupplement, self.sudo())._qms_transition(vals)

    def action_supplied(self):
        """The applicant supplied: the clock restarts as the law says."""
        for supplement in self:
            dossier = supplement.dossier_id
            dossier._qms_lock()
            if supplement.state != "issued":
                raise UserError(
                    self.env._("This request is not waiting for the applicant.")
                )
            if not dossier._qms_is_desk():
                raise AccessError(
                    self.env._("Only one-stop officers record a supplement.")
                )
            now = dossier._qms_now()
            with supplement._qms_unlocked():
                supplement._qms_transition(
                    {
                        "state": "supplied",
                        "supplied_at": now,
                        "received_by_id": self.env.user.id,
                    }
                )
                dossier.qms_supplied(supplement)
        return True

    def action_cancel(self):
        for supplement in self:
            if supplement.state != "draft":
                raise UserError(self.env._("Only a draft request is cancelled."))
            supplement._qms_transition({"state": "cancelled"})
        return True

    def action_print(self):
        return self.env.ref("qms_onestop.action_report_supplement").report_action(self)

    def _qms_mark_expired(self):
        """The applicant let the deadline pass."""
        self.filtered(lambda s: s.state == "issued")._qms_transition(
            {"state": "expired"}
        )

    @api.model
    def _qms_expire(self, companies=None):
        """Requests past their deadline, of ``companies`` (every agency by
        default): processing stops (a stop notice is drafted and submitted to
        the approving leader)."""
        now = fields.Datetime.now()
        domain = [
            ("state", "=", "issued"),
            ("stage", "=", "processing"),
            ("deadline_at", "<", now),
        ]
        if companies is not None:
            domain.append(("company_id", "in", companies.ids))
        expired = self.sudo().search(domain)
        Notice = self.env["qms.onestop.notice"].sudo()

        def expire(supplement):
            supplement._qms_mark_expired()
            notice = Notice.create(
                {
                    "dossier_id": supplement.dossier_id.id,
                    "kind": "stop",
                    "stage": "processing",
                    "reason": self.env._(
                        "The applicant did not supply what the request of "
                        "%(date)s asked for by %(deadline)s.",
                        date=fields.Datetime.to_string(
                            supplement.dossier_id._qms_local(supplement.requested_at)
                        )[:10],
                        deadline=fields.Datetime.to_string(
                            supplement.dossier_id._qms_local(supplement.deadline_at)
                        )[:16],
                    ),
                }
            )
            notice.action_submit()

        failed = self._qms_each(expired, expire)
        expired -= failed
        return expired

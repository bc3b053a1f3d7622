# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import errors as pg_errors

from odoo import api, fields, models, tools
from odoo.addons.qms_public_admin.lib import transition
from odoo.exceptions import AccessError, UserError, ValidationError

from ..lib import onestop

CHANNELS = [
    ("counter", "In Person at the Desk"),
    ("post", "Public Postal Service"),
    ("online_full", "Online, Full Process"),
    ("online_partial", "Online, Partial"),
    ("interagency", "Transferred From Another Agency"),
]
OPEN_STATES = ("in_progress", "waiting_supplement", "waiting_interagency")
FINISHED_STATES = ("result_ready", "returned")
TIMELINESS = [("early", "Early"), ("on_time", "On Time"), ("late", "Late")]
RUNNING_STATES = ("in_progress", "waiting_interagency")  # the legal clock runs
PERSONAL_FIELDS = {
    "applicant_id_number": ("id_number_raw", onestop.mask),
    "applicant_phone": ("phone_raw", lambda v: onestop.mask(v, 3)),
    "applicant_email": ("email_raw", onestop.mask_email),
    "applicant_address": ("address_raw", onestop.mask_text),
}


class DossierBusyError(UserError):
    """Another transaction is moving the dossier: retry."""


class QmsOnestopDossier(models.Model):
    """A dossier (hồ sơ) filed at a one-stop desk and processed by the agency
    competent for its administrative procedure, along the steps of that
    agency's ISO procedure version in effect at receipt."""

    _name = "qms.onestop.dossier"
    _description = "One-stop Dossier"
    _inherit = ["mail.thread", "mail.activity.mixin", "qms.locked.mixin"]
    _order = "received_at desc, id desc"
    _rec_names_search = ["name", "applicant_name"]
    _check_company_auto = True

    _qms_locked_states = (
        "in_progress",
        "waiting_supplement",
        "waiting_interagency",
        "result_ready",
        "returned",
        "refused",
        "stopped",
        "withdrawn",
    )
    _qms_unlocked_fields = frozenset(
        {
            "note",
            "result_number",
            "result_signer",
            "result_date",
            "result_attachment_ids",
            "is_electronic_result",
            "return_method",
        }
    )
    _qms_closed_states = ("returned", "refused", "stopped", "withdrawn")
    _qms_guard_readonly = True
    _qms_create_guards_readonly = True

    name = fields.Char(string="Dossier Code", readonly=True, copy=False, index=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("in_progress", "In Progress"),
            ("waiting_supplement", "Waiting for Supplement"),
            ("waiting_interagency", "At Another Agency"),
            ("result_ready", "Result Ready"),
            ("returned", "Returned"),
            ("refused", "Refused"),
            ("stopped", "Stopped"),
            ("withdrawn", "Withdrawn"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
        copy=False,
    )
    company_id = fields.Many2one(
        "res.company",
        string="Competent Agency",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
        help="The agency competent for the procedure: it processes the dossier on "
        "its own ISO procedure and calendar.",
    )
    receiving_company_id = fields.Many2one(
        "res.company",
        string="Receiving Desk",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        help="The one-stop desk that received the dossier: it keeps it in its book "
        "and returns the result.",
    )
    tthc_id = fields.Many2one(
        "qms.tthc", string="Administrative Procedure", required=True, index=True
    )
    tthc_case_id = fields.Many2one(
        "qms.tthc.case",
        string="Procedure Case",
        required=True,
        domain="[('tthc_id', '=', tthc_id)]",
        index=True,
    )
    procedure_id = fields.Many2one(
        "qms.procedure",
        string="ISO Procedure",
        compute="_compute_procedure",
        store=True,
        readonly=False,
        index=True,
    )
    procedure_version_id = fields.Many2one(
        "qms.procedure.version",
        readonly=True,
        copy=False,
        help="The version in effect at receipt; later versions never change it.",
    )
    channel = fields.Selection(
        CHANNELS, required=True, default="counter", index=True, tracking=True
    )
    return_method = fields.Selection(
        [
            ("desk", "At the Desk"),
            ("post", "By Post"),
            ("online", "Online"),
            ("interagency", "To the Sending Agency"),
        ],
        string="Result Returned",
        default="desk",
    )
    # Applicant
    applicant_partner_id = fields.Many2one(
        "res.partner", string="Applicant", readonly=True, copy=False
    )
    applicant_type = fields.Selection(
        [("person", "Individual"), ("organisation", "Organisation")],
        default="person",
        required=True,
    )
    applicant_name = fields.Char(required=True, tracking=True)
    applicant_id_number = fields.Char(
        string="Identity Number",
        compute="_compute_personal",
        inverse="_inverse_personal",
        search="_search_id_number",
        help="Personal identification number (citizen) or enterprise code.",
    )
    applicant_phone = fields.Char(
        string="Phone", compute="_compute_personal", inverse="_inverse_personal"
    )
    applicant_email = fields.Char(
        string="Email", compute="_compute_personal", inverse="_inverse_personal"
    )
    applicant_address = fields.Char(
        string="Address", compute="_compute_personal", inverse="_inverse_personal"
    )
    id_number_raw = fields.Char(groups="base.group_system", index=True, copy=False)
    phone_raw = fields.Char(groups="base.group_system", copy=False)
    email_raw = fields.Char(groups="base.group_system", copy=False)
    address_raw = fields.Char(groups="base.group_system", copy=False)
    personal_visible = fields.Boolean(compute="_compute_personal")
    # Intake
    component_ids = fields.One2many(
        "qms.onestop.dossier.component", "dossier_id", string="Components", copy=True
    )
    fee_ids = fields.One2many(
        "qms.onestop.dossier.fee", "dossier_id", string="Fees", copy=True
    )
    fee_total = fields.Monetary(compute="_compute_fee_total", store=True)
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.ref("base.VND")
    )
    accepted_incomplete = fields.Boolean(
        copy=False,
        help="Received although a mandatory component is missing, by an explicit "
        "decision of the desk.",
    )
    incomplete_reason = fields.Text(copy=False)
    set_count = fields.Integer(string="Dossier Sets", default=1)
    note = fields.Text()
    # Dates (UTC)
    submitted_at = fields.Datetime(help="When an online or postal dossier was sent.")
    received_at = fields.Datetime(readonly=True, copy=False, index=True)
    received_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    clock_start_at = fields.Datetime(
        string="Counted From",
        readonly=True,
        copy=False,
        help="Received outside office hours, the time limit counts from the next "
        "opening.",
    )
    due_at = fields.Datetime(
        string="Legal Due Date",
        readonly=True,
        copy=False,
        index=True,
        help="The original appointment, moved only as the law says when the clock "
        "stops for a supplement. On-time statistics use it.",
    )
    appointment_at = fields.Datetime(
        string="Appointment",
        readonly=True,
        copy=False,
        tracking=True,
        help="The date promised to the applicant: the legal due date unless an "
        "apology or a supervisor set a new one.",
    )
    completed_at = fields.Datetime(
        string="Result Ready At", readonly=True, copy=False, index=True
    )
    returned_at = fields.Datetime(readonly=True, copy=False)
    returned_to = fields.Char(string="Result Received By", readonly=True, copy=False)
    closed_at = fields.Datetime(
        readonly=True, copy=False, help="Refused, stopped or withdrawn."
    )
    closing_reason = fields.Text(readonly=True, copy=False)
    refused_stage = fields.Selection(
        [("desk", "At the Desk"), ("processing", "After Processing")],
        readonly=True,
        copy=False,
    )
    last_action_at = fields.Datetime(readonly=True, copy=False, index=True)
    # Result
    result_number = fields.Char(string="Result No.")
    result_signer = fields.Char(string="Signed By")
    result_date = fields.Date()
    result_attachment_ids = fields.Many2many(
        "ir.attachment", string="Result Files", copy=False
    )
    is_electronic_result = fields.Boolean(string="Electronic Result")
    # Processing
    line_ids = fields.One2many(
        "qms.onestop.dossier.line", "dossier_id", string="Processing", readonly=True
    )
    current_line_id = fields.Many2one(
        "qms.onestop.dossier.line", readonly=True, copy=False, index=True
    )
    current_user_id = fields.Many2one(
        related="current_line_id.user_id", string="Current Officer", store=True
    )
    current_unit_id = fields.Many2one(
        related="current_line_id.unit_id", string="Current Unit", store=True
    )
    log_ids = fields.One2many(
        "qms.onestop.dossier.log", "dossier_id", string="Process Log", readonly=True
    )
    pause_ids = fields.One2many(
        "qms.onestop.pause", "dossier_id", string="Clock Stops", readonly=True
    )
    supplement_ids = fields.One2many(
        "qms.onestop.supplement", "dossier_id", string="Supplementation Requests"
    )
    notice_ids = fields.One2many("qms.onestop.notice", "dossier_id", string="Notices")
    supplement_count = fields.Integer(compute="_compute_counts")
    notice_count = fields.Integer(compute="_compute_counts")
    # KPIs (stored, indexed)
    timeliness = fields.Selection(
        TIMELINESS,
        readonly=True,
        copy=False,
        index=True,
        help="Early, on time or late against the legal due date, set when the "
        "result is ready and never changed.",
    )
    on_time_pct = fields.Float(
        string="On-time Rate (%)",
        readonly=True,
        copy=False,
        aggregator="avg",
        help="100 for an early or on-time result, 0 for a late one, empty while "
        "unfinished: its average is the on-time rate.",
    )
    processing_days = fields.Float(
        string="Processing Time (working days)",
        readonly=True,
        copy=False,
        aggregator="avg",
        digits=(16, 2),
    )
    late_pct = fields.Float(
        string="Late Rate (%)", readonly=True, copy=False, aggregator="avg"
    )
    timeliness_override = fields.Selection(
        TIMELINESS,
        string="Status Shown",
        readonly=True,
        copy=False,
        help="Set by a supervisor with a logged reason; statistics keep the "
        "computed timeliness.",
    )
    apologized = fields.Boolean(string="Apology Issued", readonly=True, copy=False)
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )
    is_stuck = fields.Boolean(
        string="No Action",
        readonly=True,
        copy=False,
        index=True,
        help="No action for longer than the agency allows.",
    )
    receipt_date = fields.Date(
        compute="_compute_receipt_date", store=True, string="Received On"
    )
    # Integration (portals) and inter-agency transfer
    external_system = fields.Char(
        string="Source System",
        readonly=True,
        copy=False,
        index=True,
        help="The portal or system that filed the dossier through the API.",
    )
    external_code = fields.Char(
        string="Source Dossier Code",
        readonly=True,
        copy=False,
        index=True,
        help="The dossier's code in the source system: filing it again with the "
        "same code returns this dossier instead of a new one.",
    )
    transfer_ids = fields.One2many(
        "qms.onestop.transfer",
        "dossier_id",
        string="Inter-agency Transfers",
        readonly=True,
    )
    transfer_count = fields.Integer(compute="_compute_counts")
    origin_transfer_id = fields.Many2one(
        "qms.onestop.transfer",
        string="Transferred In By",
        readonly=True,
        copy=False,
        index=True,
        help="This dossier is another agency's dossier transferred here for the "
        "part this agency settles; its result goes back to that agency.",
    )
    origin_agency_id = fields.Many2one(
        "res.company", string="Transferred From", readonly=True, copy=False
    )
    origin_code = fields.Char(
        string="Code at the Sending Agency", readonly=True, copy=False
    )
    interagency_days = fields.Float(
        string="Time at Other Agencies (working days)",
        readonly=True,
        copy=False,
        digits=(16, 2),
        aggregator="avg",
        help="Working time the dossier spent at other agencies (inter-agency "
        "transfers): attributed to them, not counted in this agency's "
        "processing time.",
    )
    rating_level = fields.Selection(
        [
            ("very_satisfied", "Very Satisfied"),
            ("satisfied", "Satisfied"),
            ("dissatisfied", "Dissatisfied"),
        ],
        string="Applicant's Rating",
        readonly=True,
        copy=False,
        index=True,
    )

    _sql_constraints = [
        (
            "name_unique",
            "unique(name)",
            "Two dossiers cannot share a code.",
        ),
        (
            "external_code_unique",
            "unique(external_system, external_code)",
            "A source system cannot file two dossiers with the same code.",
        ),
    ]

    def init(self):
        tools.create_index(
            self.env.cr,
            "qms_onestop_dossier_company_state_due_idx",
            self._table,
            ["company_id", "state", "due_at"],
        )
        tools.create_index(
            self.env.cr,
            "qms_onestop_dossier_company_completed_idx",
            self._table,
            ["company_id", "completed_at"],
        )

    # ------------------------------------------------------------------ computes
    @api.depends("received_at", "company_id")
    def _compute_receipt_date(self):
        for dossier in self:
            dossier.receipt_date = (
                dossier.received_at
                and dossier.company_id._qms_to_local(dossier.received_at).date()
            )

    @api.depends("tthc_case_id", "company_id")
    def _compute_procedure(self):
        for dossier in self:
            if dossier.state != "draft" and dossier.procedure_id:
                dossier.procedure_id = dossier.procedure_id  # kept after receipt
                continue
            dossier.procedure_id = self._qms_effective_procedure(
                dossier.company_id, dossier.tthc_case_id
            )

    @api.model
    def _qms_effective_procedure(self, company, case):
        if not company or not case:
            return self.env["qms.procedure"]
        return (
            self.env["qms.procedure"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("tthc_case_id", "=", case.id),
                    ("effective_version_id", "!=", False),
                ],
                limit=1,
            )
        )

    @api.depends("fee_ids.amount")
    def _compute_fee_total(self):
        for dossier in self:
            dossier.fee_total = sum(dossier.fee_ids.mapped("amount"))

    def _compute_counts(self):
        for dossier in self:
            dossier.supplement_count = len(dossier.supplement_ids)
            dossier.notice_count = len(dossier.notice_ids)
            dossier.transfer_count = len(dossier.transfer_ids)

    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for dossier in self:
            dossier.is_overdue = bool(
                dossier.state in RUNNING_STATES
                and dossier.due_at
                and dossier.due_at < now
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue."))
        domain = [
            ("state", "in", RUNNING_STATES),
            ("due_at", "<", fields.Datetime.now()),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

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
        return [{"name": f.name, "amount": f.amount} for f in fees]

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            case_id = vals.get("tthc_case_id")
            if case_id and not vals.get("tthc_id"):
                vals["tthc_id"] = self.env["qms.tthc.case"].browse(case_id).tthc_id.id
            if vals.get("tthc_id") and "company_id" not in vals:
                competent = self._qms_competent_agency(
                    self.env["qms.tthc"].browse(vals["tthc_id"]),
                    self.env["qms.tthc.case"].browse(case_id),
                )
                if competent:
                    vals["company_id"] = competent.id
            if case_id and "component_ids" not in vals:
                case = self.env["qms.tthc.case"].browse(case_id)
                vals["component_ids"] = [
                    fields.Command.create(v) for v in self._qms_component_values(case)
                ]
                vals.setdefault(
                    "fee_ids",
                    [fields.Command.create(v) for v in self._qms_fee_values(case)],
                )
        return super().create(vals_list)

    def _qms_frozen_fields(self, state, names):
        frozen = super()._qms_frozen_fields(state, names)
        if state in self._qms_closed_states:
            # A closed dossier keeps its result as returned: only notes remain.
            frozen |= set(names) - {"note"}
        return frozen

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(d.state != "draft" for d in self):
            raise UserError(
                self.env._(
                    "A received dossier is never deleted: its code stays in the "
                    "tracking book. Refuse or withdraw it instead."
                )
            )

    @api.depends("name", "applicant_name")
    def _compute_display_name(self):
        for dossier in self:
            code = dossier.name or ""
            dossier.display_name = " - ".join(
                p for p in (code, dossier.applicant_name) if p
            ) or self.env._("New Dossier")

    # ----------------------------------------------------------------- helpers
    def _qms_now(self):
        """Now; server code replaying moves at given moments (the demo data
        generator, inter-agency transfers) sets another moment with
        ``transition.clock``: a client's context never does."""
        return transition.clock_moment() or fields.Datetime.now()

    def _qms_lock(self):
        """Lock the dossiers for a move: a concurrent move of the same dossier
        waits for nothing and gets a clear error."""
        if not self.ids:
            return
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    "SELECT id FROM qms_onestop_dossier WHERE id IN %s "
                    "FOR UPDATE NOWAIT",
                    [tuple(self.ids)],
                )
        except (pg_errors.LockNotAvailable, pg_errors.SerializationFailure) as exc:
            raise DossierBusyError(
                self.env._(
                    "Another officer is moving this dossier at this very moment. "
                    "Reload it and try again."
                )
            ) from exc
        self.invalidate_recordset()
        self.line_ids.invalidate_recordset()

    def _qms_log(self, action, **vals):
        """Append a line to the process log (the process control sheet)."""
        self.ensure_one()
        now = vals.pop("date", None) or self._qms_now()
        values = {
            "dossier_id": self.id,
            "action": action,
            "date": now,
            "user_id": self.env.user.id,
            "state": vals.pop("state", None) or self.state,
            **vals,
        }
        log = self.env["qms.onestop.dossier.log"].sudo().create(values)
        self.sudo()._qms_transition({"last_action_at": now, "is_stuck": False})
        if self.origin_transfer_id:
            # A transferred-in dossier reports each move to the sending agency.
            self.origin_transfer_id.sudo()._qms_on_child_event(self.sudo(), log)
        return log

    def _qms_log_move(self, action, from_line, to_line, now, **vals):
        """Log a move from one step to another (a row of the control sheet)."""
        return self._qms_log(
            action,
            date=now,
            from_line_id=from_line.id,
            to_line_id=to_line.id,
            from_user_id=vals.pop("from_user_id", from_line.user_id.id),
            to_user_id=to_line.user_id.id,
            from_unit_id=from_line.unit_id.id,
            to_unit_id=to_line.unit_id.id,
            **vals,
        )

    def _qms_rule(self):
        self.ensure_one()
        return self.company_id.qms_receipt_rule(self.received_at or self._qms_now())

    def _qms_local(self, moment):
        return moment and self.company_id._qms_to_local(moment)

    def _qms_is_supervisor(self):
        self.ensure_one()
        return self.env.su or (
            self.env.user.has_group("qms_onestop.group_onestop_supervisor")
            and self.company_id in self.env.user.company_ids
        )

    def _qms_is_desk(self):
        """Desk officer of the receiving desk or of the competent agency."""
        self.ensure_one()
        return self.env.su or (
            self.env.user.has_group("qms_onestop.group_onestop_desk")
            and bool(
                (self.company_id | self.receiving_company_id)
                & self.env.user.company_ids
            )
        )

    def _qms_form(self, code):
        """The form of ``code`` this dossier prints: the one in force when it
        was received (else today's, for a form the older set lacked)."""
        self.ensure_one()
        Form = self.env["qms.onestop.form.template"]
        day = self.receipt_date or fields.Date.context_today(self)
        return Form._qms_form_for(code, day, fields.Date.context_today(self))

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
        self._qms_log(
            "receive",
            date=now,
            note=note
            or self.env._(
                "Received at %(desk)s by %(channel)s; appointment %(due)s.",
                desk=desk.name,
                channel=dict(CHANNELS)[self.channel],
                due=fields.Datetime.to_string(self._qms_local(due))[:16],
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
        Partner = self.env["res.partner"].sudo()
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
            "res_model": "qms.onestop.supplement",
            "view_mode": "form",
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

    # ------------------------------------------------------------- processing
    def _qms_create_lines(self, steps, first_sequence=None):
        self.ensure_one()
        Line = self.env["qms.onestop.dossier.line"].sudo()
        base = first_sequence or (max(self.line_ids.mapped("sequence") or [0]) + 1)
        last_step = self.sudo().procedure_version_id.step_ids.sorted("sequence")[-1:]
        return Line.create(
            [
                {
                    "dossier_id": self.id,
                    "step_id": step.id,
                    "sequence": base + i,
                    "name": step.name,
                    "unit_id": step.unit_id.id,
                    "is_return_step": step == last_step
                    and len(self.sudo().procedure_version_id.step_ids) > 1,
                    "allotted_hours": step.duration
                    * (
                        self.sudo().procedure_version_id._hours_per_day()
                        if step.duration_uom == "day"
                        else 1.0
                    ),
                    "state": "pending",
                }
                for i, step in enumerate(steps)
            ]
        )

    def _qms_pending_lines(self):
        return self.line_ids.filtered(lambda ln: ln.state == "pending").sorted(
            lambda ln: (ln.sequence, ln.id)
        )

    def _qms_open_line(self, line, user=None, start=None, force=False):
        """Start ``line``: assign it (to ``user`` when allowed or ``force``d, else
        by the agency's rule) and compute its due moment."""
        self.ensure_one()
        if not line:
            return line
        start = start or self._qms_now()
        candidates = line._qms_candidates()
        if user and (force or user in candidates):
            assignee = user
        elif line._qms_is_desk_step() and self.received_by_id in candidates:
            # The officer who received the dossier returns its result.
            assignee = self.received_by_id
        else:
            assignee = line._qms_default_assignee(candidates)
        company = line.company_id
        due = company._qms_to_utc(
            company._qms_call(
                "add_working_hours",
                company._qms_call("normalize_receipt", company._qms_to_local(start)),
                line.allotted_hours,
            )
        )
        line.sudo().write(
            {
                "state": "open",
                "user_id": assignee.id,
                "started_at": start,
                "assigned_at": start,
                "due_at": due,
            }
        )
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
        self._qms_pending_lines().sudo().write({"state": "cancelled"})
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
        line.sudo().write({"user_id": user.id, "assigned_at": now})
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

    def action_return_result(self, returned_to, method=None, note=None):
        """Hand the result to the applicant: closes the last step."""
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
        open_lines = self.line_ids.filtered(lambda ln: ln.state in ("open", "pending"))
        open_lines.filtered(lambda ln: ln.state == "open").sudo().write(
            {"state": "cancelled", "finished_at": now}
        )
        open_lines.filtered(lambda ln: ln.state == "pending").sudo().write(
            {"state": "cancelled"}
        )
        values = {
            "state": state,
            "closed_at": now,
            "closing_reason": reason,
            "refused_stage": refused_stage,
            "current_line_id": False,
        }
        if state == "refused" and refused_stage == "processing":
            # Refused after processing is a result: it counts in the statistics.
            timeliness = onestop.classify(
                self._qms_local(now), self._qms_local(self.due_at)
            )
            values.update(completed_at=now, **self._qms_kpi_values(timeliness, now))
        self.sudo()._qms_transition(values)
        self._qms_log(action, date=now, reason=reason, notice_id=notice and notice.id)
        # Parts still at other agencies are called back.
        self.transfer_ids.filtered(lambda t: t.state == "sent").sudo()._qms_cancel(
            reason
        )

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
        line = self.current_line_id
        if line and line.due_at and hours:
            line.sudo().write(
                {
                    "due_at": self.company_id.qms_deadline(
                        max(line.due_at, now), hours, "hour"
                    )
                }
            )

    def _qms_restart_clock(self, supplement, now):
        """The applicant supplied: end the pause and move the due date as the
        law says (pause: the remaining time resumes; restart: the full time
        runs again from the supplement)."""
        self.ensure_one()
        pause = self.pause_ids.filtered(
            lambda p: p.supplement_id == supplement and not p.end_at
        )
        pause.sudo().write({"end_at": now})
        settings = self._qms_supplement_settings()
        company = self.company_id
        amount, uom, cutoff = self.tthc_case_id.qms_deadline_args()
        if settings["mode"] == "restart":
            due = company.qms_deadline(now, amount, uom, cutoff)
        else:
            remaining = max(
                company.qms_working_hours_between(pause.start_at, self.due_at), 0.0
            )
            due = company.qms_deadline(now, remaining, "hour")
            if uom == "day" and remaining:
                local = company._qms_to_local(due)
                due = company._qms_to_utc(company._qms_call("closing", local.date()))
        self._qms_give_step_time(
            company.qms_working_hours_between(pause.start_at, now), now
        )
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

    # ------------------------------------------------------------ buttons
    def _qms_wizard(self, model, **context):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": {"default_dossier_id": self.id, **context},
        }

    def action_open_handoff(self):
        return self._qms_wizard(
            "qms.onestop.move.wizard",
            default_mode="handoff",
            default_expected_line_id=self.current_line_id.id,
        )

    def action_open_send_back(self):
        return self._qms_wizard(
            "qms.onestop.move.wizard",
            default_mode="send_back",
            default_expected_line_id=self.current_line_id.id,
        )

    def action_open_reassign(self):
        return self._qms_wizard(
            "qms.onestop.move.wizard",
            default_mode="reassign",
            default_expected_line_id=self.current_line_id.id,
        )

    def action_open_return(self):
        return self._qms_wizard(
            "qms.onestop.move.wizard",
            default_mode="return",
            default_returned_to=self.applicant_name,
            default_return_method=self.return_method,
        )

    def action_open_withdraw(self):
        return self._qms_wizard("qms.onestop.move.wizard", default_mode="withdraw")

    def action_open_override(self):
        return self._qms_wizard("qms.onestop.move.wizard", default_mode="override")

    def action_view_supplements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_onestop.action_qms_onestop_supplement"
        )
        action["domain"] = [("dossier_id", "=", self.id)]
        action["context"] = {"default_dossier_id": self.id}
        return action

    def action_view_transfers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_onestop.action_qms_onestop_transfer"
        )
        action["domain"] = [("dossier_id", "=", self.id)]
        action["context"] = {"default_dossier_id": self.id}
        return action

    def action_open_transfer(self):
        """A new transfer of this dossier's part to another agency."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "qms.onestop.transfer",
            "view_mode": "form",
            "target": "current",
            "context": {"default_dossier_id": self.id},
        }

    def action_view_notices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "qms_onestop.action_qms_onestop_notice"
        )
        action["domain"] = [("dossier_id", "=", self.id)]
        action["context"] = {"default_dossier_id": self.id}
        return action

    def action_print_receipt(self):
        self._qms_require_state(
            self._qms_locked_states,
            self.env._("A receipt slip is printed once the dossier is received."),
        )
        return self.env.ref("qms_onestop.action_report_receipt").report_action(self)

    def action_print_control_sheet(self):
        return self.env.ref("qms_onestop.action_report_control_sheet").report_action(
            self
        )

    # ------------------------------------------------------------------ KPIs
    @api.model
    def _qms_kpi_rows(self, domain, start, end, by=None):
        """On-time figures of the dossiers finished in [start, end] (result ready
        or refused after processing), with one read_group; grouped by the field
        ``by`` too when given."""
        start = fields.Datetime.to_datetime(start)
        end = fields.Datetime.to_datetime(end)
        if end and end.time() == end.min.time():
            end = end.replace(hour=23, minute=59, second=59)
        domain = list(domain) + [
            ("completed_at", ">=", start),
            ("completed_at", "<=", end),
            ("timeliness", "!=", False),
        ]
        groupby = ["timeliness"] + ([by] if by else [])
        data = self.sudo()._read_group(
            domain, groupby, ["__count", "processing_days:sum"]
        )
        groups = {}
        total = onestop.summarize([])
        total["days_sum"] = 0.0

        def add(bucket, timeliness, count, days):
            bucket[timeliness] += count
            bucket["finished"] += count
            bucket["days_sum"] += days or 0.0

        for row in data:
            timeliness, *rest = row[: len(groupby)]
            count, days = row[len(groupby) :]
            add(total, timeliness, count, days)
            if by:
                key = rest[0]
                bucket = groups.setdefault(
                    key, {**onestop.summarize([]), "days_sum": 0.0}
                )
                add(bucket, timeliness, count, days)
        for bucket in [total, *groups.values()]:
            finished = bucket["finished"]
            bucket["on_time_only"] = bucket["on_time"]
            bucket["on_time"] = bucket["early"] + bucket["on_time_only"]
            bucket["on_time_rate"] = (
                round(100.0 * bucket["on_time"] / finished, 2) if finished else None
            )
            bucket["average_days"] = (
                round(bucket["days_sum"] / finished, 2) if finished else None
            )
        total["groups"] = groups
        return total

    # ------------------------------------------------------------------ crons
    @api.model
    def _cron_onestop_watch(self):
        """Hourly: flag dossiers with no action for too long and tell their
        supervisors; remind officers of steps due today or overdue; stop the
        processing of dossiers whose applicant did not supply in time."""
        self._qms_flag_stuck()
        self.env["qms.onestop.dossier.line"]._qms_remind_due()
        self.env["qms.onestop.supplement"]._qms_expire()

    @api.model
    def _qms_flag_stuck(self):
        now = fields.Datetime.now()
        activity_type = self.env.ref("qms_onestop.mail_activity_dossier_stuck")
        busy = self.sudo()._read_group([("state", "=", "in_progress")], ["company_id"])
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

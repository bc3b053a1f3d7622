# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from psycopg2 import errors as pg_errors

from odoo import api, fields, models, tools
from odoo.addons.qms_public_admin.lib import transition
from odoo.exceptions import UserError
from odoo.osv import expression

from ..lib.states import (
    CHANNELS,
    CLOSED_STATES,
    DOSSIER_STATES,
    RECEIVED_STATES,
    RETURN_METHODS,
    RUNNING_STATES,
    TIMELINESS,
)


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

    _qms_locked_states = RECEIVED_STATES
    _qms_unlocked_fields = frozenset(
        {
            "note",
            "result_number",
            "result_signer",
            "result_date",
            "result_attachment_ids",
            "is_electronic_result",
            "return_method",
            "archive_location",
            "result_valid_until",
            "result_digitised",
        }
    )
    _qms_closed_states = CLOSED_STATES
    _qms_guard_readonly = True
    _qms_create_guards_readonly = True

    name = fields.Char(string="Dossier Code", readonly=True, copy=False, index=True)
    state = fields.Selection(
        DOSSIER_STATES,
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
        RETURN_METHODS,
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
    personal_visible = fields.Boolean(
        compute="_compute_personal",
        # A new dossier's form: its desk officer types the applicant's data
        # before the first save (the compute rule for a record without id).
        default=lambda self: (
            self.env.su or self.env.user.has_group("qms_onestop.group_onestop_desk")
        ),
    )
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
    can_move = fields.Boolean(
        compute="_compute_can_move",
        help="The current user may move the current step (its officer or a "
        "supervisor): the form shows the moving buttons to them only.",
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
    @api.depends_context("uid")
    @api.depends("state", "current_line_id.state", "current_line_id.user_id")
    def _compute_can_move(self):
        for dossier in self:
            line = dossier.current_line_id
            dossier.can_move = (
                dossier.state == "in_progress"
                and line.state == "open"
                and (line.user_id == self.env.user or dossier._qms_is_supervisor())
            )

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
        # Negate the whole domain, not its first leaf.
        return (
            domain
            if (operator == "=") == value
            else ["!", *expression.normalize_domain(domain)]
        )

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
            frozen |= set(names) - {
                "note",
                "archive_location",
                "result_valid_until",
                "result_digitised",
            }
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
        day = self.receipt_date or self._qms_today()
        return Form._qms_form_for(code, day, self._qms_today())

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsInspection(models.Model):
    """An inspection of the agency's quality system by the Department of
    Science and Technology, or the agency's self-assessment on the same
    checklist: each criterion's result, the fixes requested with their
    deadlines, and the improvement actions they open."""

    _name = "qms.inspection"
    _description = "Quality System Inspection"
    _inherit = ["mail.thread", "mail.activity.mixin", "qms.locked.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["decision_number", "inspector_names", "company_id"]

    _qms_locked_states = ("done",)
    _qms_system_fields = frozenset({"closed_by_id"})

    # Computed in the reader's language (the kind is a translated label).
    name = fields.Char(compute="_compute_name")
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    kind = fields.Selection(
        [
            ("self", "Self-assessment"),
            ("dost", "DOST inspection"),
            ("other", "Other external inspection"),
        ],
        required=True,
        default="dost",
        tracking=True,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    decision_number = fields.Char(
        string="Decision / Letter", help="e.g. the DOST's inspection decision."
    )
    inspector_names = fields.Char(string="Inspection Team")
    conclusion = fields.Html()
    state = fields.Selection(
        [("draft", "In Progress"), ("done", "Concluded")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    closed_by_id = fields.Many2one("res.users", readonly=True)
    line_ids = fields.One2many(
        "qms.inspection.line", "inspection_id", string="Checklist", copy=True
    )
    finding_count = fields.Integer(compute="_compute_counts", string="Findings")
    action_count = fields.Integer(compute="_compute_counts", string="Actions")

    @api.depends("kind", "date", "company_id")
    def _compute_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for rec in self:
            rec.name = " - ".join(
                filter(
                    None,
                    [
                        kinds.get(rec.kind),
                        rec.date and rec.date.strftime("%d/%m/%Y"),
                        rec.company_id.name,
                    ],
                )
            )

    @api.depends("line_ids.result", "line_ids.action_id")
    def _compute_counts(self):
        for rec in self:
            rec.finding_count = len(rec.line_ids.filtered("is_finding"))
            rec.action_count = len(rec.line_ids.action_id)

    def action_load_checklist(self):
        """Add a line for each criterion in force not yet on the checklist."""
        self._qms_check_editable()
        # The checklist in force: a short list of data records.
        criteria = self.env["qms.inspection.criterion"].search([])  # pylint: disable=no-search-all
        for rec in self:
            missing = criteria - rec.line_ids.criterion_id
            rec.line_ids = [
                (0, 0, {"criterion_id": c.id, "sequence": c.sequence}) for c in missing
            ]
        return True

    def action_conclude(self):
        """Conclude: every line judged; each finding with a requested fix
        opens an improvement action with the fix's owner and deadline."""
        self._qms_require_state(
            ("draft",), self.env._("This inspection is already concluded.")
        )
        for rec in self:
            if not rec.line_ids:
                raise UserError(
                    self.env._("%(name)s has no checklist line.", name=rec.name)
                )
            unjudged = rec.line_ids.filtered(lambda line: not line.result)
            if unjudged:
                raise UserError(
                    self.env._(
                        "Give a result to every line first: %(lines)s.",
                        lines=", ".join(unjudged.mapped("display_name")),
                    )
                )
            rec.line_ids._qms_open_actions()
            rec._qms_transition({"state": "done", "closed_by_id": self.env.uid})
        return True

    def action_open_actions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Actions"),
            "res_model": "mgmtsystem.action",
            "view_mode": "list,form",
            "domain": [("id", "in", self.line_ids.action_id.ids)],
        }

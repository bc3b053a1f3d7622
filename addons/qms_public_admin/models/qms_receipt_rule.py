# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError


class QmsReceiptRule(models.Model):
    """How a time limit is counted from the moment a dossier is received.

    Kept as data with its legal basis and validity dates because the rules changed
    with the law (Decree 61/2018, Decree 118/2025) and may change again.
    """

    _name = "qms.receipt.rule"
    _description = "Deadline Counting Rule"
    _inherit = ["qms.validity.mixin"]
    _order = "company_id, valid_from desc"
    _qms_validity_scope = ("company_id",)

    name = fields.Char(required=True, translate=True)
    legal_document_id = fields.Many2one(
        "qms.legal.document", string="Legal Basis", required=True
    )
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        index=True,
        help="Empty: applies to every agency that has no rule of its own.",
    )
    counting_start_offset = fields.Integer(
        string="Counting Starts After (working days)",
        default=1,
        required=True,
        help="1: a limit in days is counted from the working day after receipt; "
        "0: the receipt day counts as the first day.",
    )
    normalize_outside_hours = fields.Boolean(
        string="Outside Office Hours Counts From Next Opening",
        default=True,
        help="A dossier received outside office hours or on a day off (e.g. online) "
        "counts as received at the start of the next working day.",
    )
    default_same_day_cutoff = fields.Float(
        string="Default Same-Day Cut-off",
        help="For same-day procedures without a cut-off of their own: a dossier "
        "received after this hour is due the next working day. 0 = no cut-off.",
    )
    note = fields.Text()

    @api.constrains("counting_start_offset", "default_same_day_cutoff", "active")
    def _check_counting(self):
        for rule in self.filtered("active"):
            if rule.counting_start_offset not in (0, 1):
                raise ValidationError(
                    self.env._(
                        "Counting can start on the receipt day (0) or the next working "
                        "day (1) only."
                    )
                )
            if not 0 <= rule.default_same_day_cutoff < 24:
                raise ValidationError(
                    self.env._("The cut-off must be an hour of the day.")
                )

    def _qms_reversed_message(self):
        return self.env._("Rule %(name)s ends before it starts.", name=self.name)

    def _qms_overlap_message(self, other):
        return self.env._(
            "Rule %(name)s overlaps rule %(other)s for the same agency; "
            "close the old rule (Valid To) first.",
            name=self.name,
            other=other.name,
        )

    @api.model
    def _qms_rule_for(self, company, day):
        """The rule of ``company`` in force on ``day`` (own, else national)."""
        rule_id = self._qms_rule_id_for(company.id, day)
        if not rule_id:
            raise UserError(
                self.env._(
                    "No deadline counting rule is in force on %(day)s for %(agency)s. "
                    "Add one under Quality > Configuration > Deadline Counting Rules.",
                    day=day,
                    agency=company.name,
                )
            )
        return self.sudo().browse(rule_id)

    @api.model
    def _qms_rule_id_for(self, company_id, day):
        # Every due date asks this: the rules of an agency (its own and the
        # national ones) are read once and cached, cleared when a rule changes
        # (create, write, unlink below).
        own = national = False
        for valid_from, valid_to, is_own, rule_id in self._qms_rule_table(company_id):
            if valid_from <= day and (not valid_to or valid_to >= day):
                if is_own:
                    own = own or rule_id
                else:
                    national = national or rule_id
        return own or national

    @api.model
    @tools.ormcache("company_id")
    def _qms_rule_table(self, company_id):
        rules = (
            self.sudo()
            .with_context(active_test=True)
            .search(
                [("company_id", "in", [company_id, False])],
                order="valid_from desc, id",
            )
        )
        return tuple(
            (r.valid_from, r.valid_to, bool(r.company_id), r.id) for r in rules
        )

    @api.model_create_multi
    def create(self, vals_list):
        self.env["res.company"]._qms_clear_clocks()
        return super().create(vals_list)

    def write(self, vals):
        self.env["res.company"]._qms_clear_clocks()
        return super().write(vals)

    def unlink(self):
        self.env["res.company"]._qms_clear_clocks()
        return super().unlink()

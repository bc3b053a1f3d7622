# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

# ISO 9001:2015 clause 9.3.2: the inputs a management review considers, in order.
SECTIONS = [
    ("a_actions", "a) Status of actions from previous management reviews"),
    ("b_changes", "b) Changes in external and internal issues (legal changes)"),
    ("c1_feedback", "c1) Satisfaction and feedback of citizens and organisations"),
    ("c2_objectives", "c2) Extent to which quality objectives have been met"),
    ("c3_performance", "c3) Process performance and conformity of services"),
    ("c4_nonconformities", "c4) Nonconformities and corrective actions"),
    ("c5_monitoring", "c5) Monitoring and measurement results"),
    ("c6_audits", "c6) Audit results"),
    ("c7_providers", "c7) Performance of external providers"),
    ("d_resources", "d) Adequacy of resources"),
    ("e_risks", "e) Effectiveness of actions taken on risks and opportunities"),
    ("f_improvement", "f) Opportunities for improvement"),
]


class QmsReviewInput(models.Model):
    """One input of a management review, compiled from live data (a snapshot)
    or added by hand; the meeting's discussion of it is recorded alongside."""

    _name = "qms.review.input"
    _description = "Management Review Input"
    _order = "review_id, sequence, id"

    review_id = fields.Many2one(
        "qms.management.review", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    sequence = fields.Integer(default=1000)
    section = fields.Selection(SECTIONS, required=True)
    title = fields.Char(required=True)
    source = fields.Selection(
        [("computed", "Compiled from Data"), ("manual", "Presented at the Meeting")],
        default="manual",
        required=True,
        readonly=True,
    )
    summary = fields.Text()
    line_ids = fields.One2many("qms.review.input.line", "input_id", string="Lines")
    line_count = fields.Integer(compute="_compute_line_count")
    comment = fields.Text(
        string="Discussion", help="What the meeting said about this input."
    )

    def _compute_line_count(self):
        for rec in self:
            rec.line_count = len(rec.line_ids)

    def _check_editable(self, vals=None):
        if self.env.su:
            return
        for rec in self:
            state = rec.review_id.state
            if state == "planned":
                continue
            if state == "held" and vals is not None and set(vals) <= {"comment"}:
                continue
            raise UserError(
                self.env._(
                    "The inputs of a review are a record of what was presented: "
                    "once it is held only the discussion can be written, until the "
                    "minutes are approved."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_editable()
        return records

    def write(self, vals):
        self._check_editable(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_planned_only(self):
        self._check_editable()

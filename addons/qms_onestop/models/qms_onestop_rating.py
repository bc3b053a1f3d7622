# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

RATING_LEVELS = [
    ("very_satisfied", "Very Satisfied"),
    ("satisfied", "Satisfied"),
    ("dissatisfied", "Dissatisfied"),
]


class QmsOnestopRating(models.Model):
    """The applicant's satisfaction with the handling of a returned dossier
    (Decision 766/QĐ-TTg, satisfaction group), given once, usually on the
    portal."""

    _name = "qms.onestop.rating"
    _description = "Applicant Satisfaction Rating"
    _inherit = ["qms.onestop.dossier.child.mixin", "qms.transition.mixin"]
    _order = "rated_at desc, id desc"

    level = fields.Selection(RATING_LEVELS, required=True, index=True)
    satisfied_pct = fields.Float(
        string="Satisfaction Rate (%)",
        compute="_compute_satisfied_pct",
        store=True,
        aggregator="avg",
        help="100 when satisfied or very satisfied: its average is the rate.",
    )
    comment = fields.Text()
    source = fields.Char(help="Where the applicant rated (portal, kiosk).")
    rated_at = fields.Datetime(required=True, default=fields.Datetime.now)
    tthc_id = fields.Many2one(related="dossier_id.tthc_id", store=True)
    answer_ids = fields.One2many(
        "qms.onestop.rating.answer", "rating_id", string="Answers", readonly=True
    )
    trips = fields.Integer(
        string="Trips to the Desk",
        help="How many times the applicant came to the desk for this dossier.",
    )
    low = fields.Boolean(
        string="Low Rating",
        readonly=True,
        index=True,
        help="Dissatisfied overall or on a criterion: an improvement action opens.",
    )
    officer_id = fields.Many2one(
        "res.users",
        string="Desk Officer",
        readonly=True,
        index=True,
        help="The officer who received the dossier.",
    )
    unit_id = fields.Many2one(
        "hr.department",
        readonly=True,
        index=True,
        help="The unit that handled the dossier.",
    )
    action_id = fields.Many2one(
        "mgmtsystem.action", string="Improvement Action", readonly=True
    )

    _sql_constraints = [
        ("dossier_unique", "unique(dossier_id)", "A dossier is rated once."),
    ]

    @api.depends("level")
    def _compute_satisfied_pct(self):
        for rating in self:
            rating.satisfied_pct = (
                100.0 if rating.level in ("very_satisfied", "satisfied") else 0.0
            )

    def _qms_open_action(self):
        """A low rating opens an improvement action of the agency."""
        self.ensure_one()
        dossier = self.dossier_id.sudo()
        lows = self.answer_ids.filtered("low").criterion_id.mapped("name")
        description = self.env._(
            "<p>Dossier %(code)s (%(procedure)s) was rated “%(level)s”%(criteria)s.</p>"
            "<p>%(comment)s</p>",
            code=dossier.name,
            procedure=dossier.tthc_id.name,
            level=dict(self._fields["level"]._description_selection(self.env))[
                self.level
            ],
            criteria=(": " + ", ".join(lows)) if lows else "",
            comment=self.comment or "",
        )
        return dossier.company_id._qms_onestop_action(
            self.env._("Low rating of dossier %(code)s", code=dossier.name),
            description,
        )

    def write(self, vals):
        if vals and not self._qms_in_transition():
            raise UserError(self.env._("A rating cannot be changed."))
        return super().write(vals)

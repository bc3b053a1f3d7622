# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsProcedureStep(models.Model):
    """A step of an ISO procedure version: who does what, in how much time.

    The same steps drive the one-stop processing of dossiers.
    """

    _name = "qms.procedure.step"
    _description = "ISO Procedure Step"
    _inherit = ["qms.version.line.mixin"]
    _order = "version_id, sequence, id"
    _check_company_auto = True

    version_id = fields.Many2one(
        "qms.procedure.version", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="version_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    description = fields.Text()
    unit_id = fields.Many2one(
        "hr.department",
        string="Performing Unit",
        check_company=True,
        help="The unit accountable for the step.",
    )
    role_group_id = fields.Many2one(
        "res.groups",
        string="Performer Role",
        help="The group of users who may perform it (e.g. processing specialist).",
    )
    user_ids = fields.Many2many(
        "res.users", string="Named Performers", check_company=True
    )
    duration = fields.Float(string="Time Allowed", required=True, default=1.0)
    duration_uom = fields.Selection(
        [("day", "Working Days"), ("hour", "Working Hours")],
        string="Unit of Time",
        default="day",
        required=True,
    )
    output = fields.Char(string="Forms / Results")
    handoff = fields.Boolean(
        string="Hands Over to Another Unit",
        help="The dossier moves to another unit after this step.",
    )

    @api.constrains("duration", "unit_id", "user_ids", "name")
    def _check_step(self):
        for step in self:
            if step.duration <= 0:
                raise ValidationError(
                    self.env._(
                        "Step %(name)s: the time allowed must be more than zero.",
                        name=step.name,
                    )
                )
            if not step.unit_id:
                raise ValidationError(
                    self.env._(
                        "Step %(name)s has no performer: choose the unit "
                        "accountable for it.",
                        name=step.name,
                    )
                )

    @api.constrains("duration", "duration_uom", "version_id")
    def _check_total_time(self):
        self.version_id._qms_check_total_time()

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class QmsTthc(models.Model):
    """An administrative procedure (thủ tục hành chính) of the catalogue.

    The catalogue is public and shared by every agency; ``company_ids`` are the
    agencies that perform it. Deadlines, fees and components belong to its cases
    (trường hợp); a procedure with one case is entered on the procedure itself.
    """

    _name = "qms.tthc"
    _description = "Administrative Procedure"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sector_id, code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(
        required=True,
        tracking=True,
        index=True,
        help="Code in the national procedure database, e.g. 1.001193.",
    )
    name = fields.Char(required=True, tracking=True)
    sector_id = fields.Many2one("qms.tthc.sector", tracking=True, index=True)
    level_ids = fields.Many2many("qms.agency.level", string="Performed at Levels")
    company_ids = fields.Many2many(
        "res.company", string="Performing Agencies", tracking=True
    )
    legal_basis_ids = fields.Many2many(
        "qms.legal.document", string="Legal Bases", tracking=True
    )
    online_level = fields.Selection(
        [
            ("none", "Not Online"),
            ("partial", "Partly Online (một phần)"),
            ("full", "Fully Online (toàn trình)"),
        ],
        default="none",
        required=True,
        tracking=True,
        help="Decree 42/2022/NĐ-CP: full-process or partial online public service.",
    )
    result_type = fields.Char(
        string="Result", help="What the applicant receives, e.g. Giấy khai sinh."
    )
    applicant_type = fields.Selection(
        [
            ("individual", "Individuals"),
            ("organisation", "Organisations"),
            ("both", "Individuals and Organisations"),
        ],
        default="both",
    )
    conditions = fields.Html(string="Requirements and Conditions")
    case_ids = fields.One2many("qms.tthc.case", "tthc_id", string="Cases", copy=True)
    case_count = fields.Integer(compute="_compute_case_count")
    component_ids = fields.One2many(
        "qms.tthc.component", "tthc_id", string="Dossier Components", copy=True
    )
    fee_ids = fields.One2many("qms.tthc.fee", "tthc_id", string="Fees and Charges")
    legal_deadline = fields.Float(
        compute="_compute_default_case",
        inverse="_inverse_default_case",
        help="Legal time limit of the procedure's first case.",
    )
    deadline_uom = fields.Selection(
        [("day", "Working Days"), ("hour", "Working Hours")],
        string="Deadline Unit",
        compute="_compute_default_case",
        inverse="_inverse_default_case",
    )
    is_same_day = fields.Boolean(
        string="Same Day",
        compute="_compute_default_case",
        inverse="_inverse_default_case",
    )
    active = fields.Boolean(default=True, tracking=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "Two procedures cannot share a national code."),
    ]

    @api.depends("case_ids")
    def _compute_case_count(self):
        for tthc in self:
            tthc.case_count = len(tthc.case_ids)

    @api.depends(
        "case_ids.legal_deadline", "case_ids.deadline_uom", "case_ids.is_same_day"
    )
    def _compute_default_case(self):
        for tthc in self:
            case = tthc.case_ids[:1]
            tthc.legal_deadline = case.legal_deadline
            tthc.deadline_uom = case.deadline_uom or "day"
            tthc.is_same_day = case.is_same_day

    def _inverse_default_case(self):
        for tthc in self:
            values = {
                "legal_deadline": tthc.legal_deadline,
                "deadline_uom": tthc.deadline_uom or "day",
                "is_same_day": tthc.is_same_day,
            }
            if tthc.case_ids:
                tthc.case_ids[:1].write(values)
            else:
                values["name"] = self.env._("General case")
                tthc.case_ids = [fields.Command.create(values)]
        # Values not given on create stay cached as empty: read them from the case.
        self.invalidate_recordset(["legal_deadline", "deadline_uom", "is_same_day"])

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records._check_has_case()
        return records

    def write(self, vals):
        result = super().write(vals)
        if "case_ids" in vals or "active" in vals:
            self._check_has_case()
        return result

    def _check_has_case(self):
        for tthc in self.filtered("active"):
            if not tthc.case_ids.filtered("active"):
                raise ValidationError(
                    self.env._(
                        "Procedure %(code)s has no legal deadline: enter its time "
                        "limit (or add a case with one).",
                        code=tthc.code,
                    )
                )

    @api.constrains("code")
    def _check_code(self):
        for tthc in self:
            if not tthc.code.strip():
                raise ValidationError(
                    self.env._("A procedure needs its national code.")
                )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for tthc in self:
            tthc.display_name = f"[{tthc.code}] {tthc.name}" if tthc.code else tthc.name

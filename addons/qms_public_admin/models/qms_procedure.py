# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class QmsProcedure(models.Model):
    """An ISO procedure (quy trình nội bộ) of an agency: its stable identity.

    Its content lives in versions; the effective version is what the ISO
    documentation prints and what the one-stop desk processes dossiers with.
    """

    _name = "qms.procedure"
    _description = "ISO Procedure"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "qms.legal.review.mixin",
        "qms.versioned.owner.mixin",
    ]
    _order = "company_id, code"
    _check_company_auto = True
    _rec_names_search = ["code", "name"]
    _qms_version_model = "qms.procedure.version"
    _qms_version_parent_field = "procedure_id"

    code = fields.Char(required=True, tracking=True, help="e.g. QT-HT-01.")
    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    kind = fields.Selection(
        [
            ("operational", "Operational (administrative procedure)"),
            ("system", "System (internal process)"),
        ],
        default="operational",
        required=True,
        tracking=True,
    )
    tthc_case_id = fields.Many2one(
        "qms.tthc.case",
        string="Procedure Case",
        tracking=True,
        index=True,
        help="The administrative procedure case this ISO procedure handles.",
    )
    tthc_id = fields.Many2one(related="tthc_case_id.tthc_id", store=True)
    sector_id = fields.Many2one(related="tthc_id.sector_id", store=True)
    responsible_id = fields.Many2one(
        "res.users",
        string="Responsible ISO Officer",
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
    )
    version_ids = fields.One2many(
        "qms.procedure.version", "procedure_id", string="Versions"
    )
    effective_version_id = fields.Many2one(
        "qms.procedure.version",
        compute="_compute_effective_version",
        store=True,
    )
    effective_version = fields.Integer(related="effective_version_id.version")
    version_count = fields.Integer(compute="_compute_effective_version", store=True)
    active = fields.Boolean(default=True, tracking=True)

    _sql_constraints = [
        (
            "code_company_unique",
            "unique(code, company_id)",
            "An agency cannot have two ISO procedures with the same code.",
        ),
    ]

    @api.depends("version_ids.state")
    def _compute_effective_version(self):
        for procedure in self:
            procedure.effective_version_id = procedure.version_ids.filtered(
                lambda v: v.state == "effective"
            )[:1]
            procedure.version_count = len(procedure.version_ids)

    @api.depends("code", "name")
    def _compute_display_name(self):
        for procedure in self:
            procedure.display_name = f"{procedure.code} - {procedure.name}"

    def _qms_new_draft_values(self):
        values = super()._qms_new_draft_values()
        values["legal_basis_ids"] = [(6, 0, self.tthc_id.legal_basis_ids.ids)]
        return values

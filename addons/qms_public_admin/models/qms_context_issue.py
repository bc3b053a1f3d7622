# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class QmsContextIssue(models.Model):
    """An internal or external issue that affects what the agency's quality
    system can achieve (ISO 9001 clause 4.1), kept up to date and reviewed at
    the management review."""

    _name = "qms.context.issue"
    _description = "Internal or External Issue"
    _inherit = ["mail.thread", "qms.register.mixin"]
    _order = "company_id, kind, category, name"
    _check_company_auto = True

    name = fields.Char(string="Issue", required=True, tracking=True)
    kind = fields.Selection(
        [("internal", "Internal"), ("external", "External")],
        required=True,
        default="external",
        tracking=True,
    )
    category = fields.Selection(
        [
            ("legal", "Legal and policy"),
            ("economic", "Economic and budget"),
            ("social", "Social and population"),
            ("technology", "Technology and digital government"),
            ("organisation", "Organisation and structure"),
            ("people", "People and competence"),
            ("infrastructure", "Premises and equipment"),
        ],
        required=True,
        default="legal",
        tracking=True,
    )
    effect = fields.Selection(
        [
            ("negative", "Threat or weakness"),
            ("positive", "Opportunity or strength"),
        ],
        required=True,
        default="negative",
        tracking=True,
    )
    description = fields.Text()
    response = fields.Text(
        string="How the System Responds",
        help="What the agency does about it: a procedure, a risk treatment, a plan "
        "task.",
    )
    risk_ids = fields.Many2many(
        "qms.risk",
        "qms_context_issue_risk_rel",
        "issue_id",
        "risk_id",
        string="Risks and Opportunities",
        check_company=True,
    )

    def _qms_review_detail(self):
        self.ensure_one()
        labels = dict(self._fields["effect"]._description_selection(self.env))
        return " - ".join(filter(None, [labels.get(self.effect), self.response]))

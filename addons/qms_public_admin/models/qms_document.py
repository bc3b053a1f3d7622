# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsDocument(models.Model):
    """A controlled document of an agency's QMS (ISO 9001 clause 7.5).

    Its content lives in versions; the published version is the one in use.
    """

    _name = "qms.document"
    _description = "Controlled Document"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "qms.legal.review.mixin",
        "qms.versioned.owner.mixin",
    ]
    _order = "company_id, code"
    _check_company_auto = True
    _rec_names_search = ["code", "name"]
    _qms_version_model = "qms.document.version"
    _qms_version_parent_field = "document_id"

    code = fields.Char(required=True, tracking=True, help="e.g. QT-01, BM-01-02.")
    name = fields.Char(string="Title", required=True, tracking=True)
    type_id = fields.Many2one(
        "qms.document.type", required=True, tracking=True, index=True
    )
    category = fields.Selection(related="type_id.category", store=True)
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        index=True,
        default=lambda self: self.env.company,
        tracking=True,
    )
    owner_unit_id = fields.Many2one("hr.department", check_company=True, tracking=True)
    responsible_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
    )
    confidentiality = fields.Selection(
        [
            ("internal", "Internal"),
            ("public", "Public"),
            ("confidential", "Confidential"),
        ],
        default="internal",
        required=True,
        tracking=True,
        help="Confidential documents are visible only to the groups listed, "
        "besides their author, reviewers and approver.",
    )
    allowed_group_ids = fields.Many2many(
        "res.groups",
        string="Groups Allowed",
        help="For a confidential document: the groups that may read it.",
    )
    legal_basis_ids = fields.Many2many(
        "qms.legal.document", string="Legal Bases", tracking=True
    )
    version_ids = fields.One2many(
        "qms.document.version", "document_id", string="Versions"
    )
    current_version_id = fields.Many2one(
        "qms.document.version",
        string="Published Version",
        compute="_compute_current_version",
        store=True,
    )
    current_version = fields.Char(
        related="current_version_id.version_label", string="Current Version"
    )
    published_on = fields.Date(related="current_version_id.effective_date")
    version_count = fields.Integer(compute="_compute_current_version", store=True)
    review_interval_months = fields.Integer(
        string="Review Every (months)",
        compute="_compute_review_interval",
        store=True,
        readonly=False,
    )
    next_review_date = fields.Date(tracking=True, index=True)
    review_overdue = fields.Boolean(
        string="Periodic Review Overdue", readonly=True, tracking=True, index=True
    )
    periodic_review_ids = fields.One2many(
        "qms.document.review", "document_id", string="Periodic Reviews"
    )
    distribution_unit_ids = fields.Many2many(
        "hr.department",
        string="Distributed to Units",
        check_company=True,
        help="Every user of these units must acknowledge each published version.",
    )
    distribution_user_ids = fields.Many2many(
        "res.users",
        "qms_document_distribution_user_rel",
        "document_id",
        "user_id",
        string="Distributed to Users",
        check_company=True,
    )
    acknowledgement_ids = fields.One2many(
        "qms.document.acknowledgement", "document_id", string="Acknowledgements"
    )
    pending_ack_count = fields.Integer(
        string="Not Yet Read", compute="_compute_ack_counts"
    )
    content_search = fields.Char(
        string="Content",
        compute="_compute_content_search",
        search="_search_content",
        help="Search in the text and files of published versions.",
    )
    active = fields.Boolean(default=True, tracking=True)

    _sql_constraints = [
        (
            "code_company_unique",
            "unique(code, company_id)",
            "An agency cannot have two controlled documents with the same code.",
        ),
    ]

    @api.depends("version_ids.state")
    def _compute_current_version(self):
        for document in self:
            document.current_version_id = document.version_ids.filtered(
                lambda v: v.state == "effective"
            )[:1]
            document.version_count = len(document.version_ids)

    @api.depends("type_id")
    def _compute_review_interval(self):
        for document in self:
            document.review_interval_months = document.type_id.review_interval_months

    def _compute_ack_counts(self):
        for document in self:
            document.pending_ack_count = len(
                document.acknowledgement_ids.filtered(
                    lambda a, v=document.current_version_id: (
                        a.version_id == v and a.state == "pending"
                    )
                )
            )

    def _compute_content_search(self):
        self.content_search = False

    def _search_content(self, operator, value):
        if operator not in ("ilike", "like", "=ilike", "=like") or not value:
            raise UserError(self.env._("Search the content with words to find."))
        # Searched as superuser (attachment rules hide files of other users); the
        # outer search still applies the document rules of the user.
        versions = (
            self.env["qms.document.version"]
            .sudo()
            .search(
                [
                    ("state", "=", "effective"),
                    "|",
                    ("body", operator, value),
                    ("attachment_ids.index_content", operator, value),
                ]
            )
        )
        return [("id", "in", versions.document_id.ids)]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for document in self:
            document.display_name = f"{document.code} - {document.name}"

    # ------------------------------------------------------------ distribution
    def _qms_recipients(self):
        """Users who must read and acknowledge the published version."""
        self.ensure_one()
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search([("department_id", "child_of", self.distribution_unit_ids.ids)])
            if self.distribution_unit_ids
            else self.env["hr.employee"]
        )
        users = (employees.user_id | self.distribution_user_ids.sudo()).filtered(
            lambda u: u.active and self.company_id in u.company_ids
        )
        return users

    def _qms_schedule_next_review(self, start):
        for document in self:
            months = document.review_interval_months
            document.sudo().write(
                {
                    "next_review_date": start + relativedelta(months=months)
                    if months
                    else False,
                    "review_overdue": False,
                }
            )
            document.activity_feedback(
                ["qms_public_admin.mail_activity_document_periodic_review"],
                feedback=self.env._("Periodic review recorded."),
            )

    # ------------------------------------------------------------ actions
    def action_periodic_review(self):
        self.ensure_one()
        if not self.current_version_id:
            raise UserError(
                self.env._("Only a published document can be reviewed periodically.")
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Periodic Review"),
            "res_model": "qms.document.review",
            "view_mode": "form",
            "target": "new",
            "context": {"default_document_id": self.id},
        }

    def action_view_pending_acknowledgements(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Not Yet Read"),
            "res_model": "qms.document.acknowledgement",
            "view_mode": "list,form",
            "domain": [
                ("version_id", "=", self.current_version_id.id),
                ("state", "=", "pending"),
            ],
        }

    # ------------------------------------------------------------ crons
    @api.model
    def _cron_periodic_review(self):
        """Schedule review activities when due; flag the overdue ones."""
        today = self._qms_today()
        lead = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("qms_public_admin.document_review_lead_days", 30)
        )
        due = self.search(
            [
                ("current_version_id", "!=", False),
                ("next_review_date", "!=", False),
                ("next_review_date", "<=", today + relativedelta(days=lead)),
            ]
        )
        activity_type = self.env.ref(
            "qms_public_admin.mail_activity_document_periodic_review"
        )

        def job(document):
            if not document.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            ):
                document.activity_schedule(
                    activity_type_id=activity_type.id,
                    date_deadline=document.next_review_date,
                    user_id=(document.responsible_id or self.env.user).id,
                )

        self.env["qms.transition.mixin"]._qms_each(due, job)
        overdue = due.filtered(
            lambda d: d.next_review_date < today and not d.review_overdue
        )
        overdue.write({"review_overdue": True})
        return len(due)

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import ValidationError


class MgmtsystemSystem(models.Model):
    """The agency's quality management system (OCA's ``mgmtsystem.system``).

    One per agency: its scope, quality policy, head, quality representative and
    ISO officers, its steering committees and conformity announcements. Every
    change is tracked in the chatter.
    """

    _name = "mgmtsystem.system"
    _inherit = ["mgmtsystem.system", "mail.thread"]

    name = fields.Char(tracking=True)
    company_id = fields.Many2one(tracking=True, index=True)
    qms_standard = fields.Char(
        string="Standard",
        default="TCVN ISO 9001:2015",
        tracking=True,
        help="The standard the system conforms to (announced version).",
    )
    qms_scope = fields.Html(
        string="Scope",
        tracking=True,
        help="Activities covered: every administrative procedure the agency handles "
        "and the system procedures.",
    )
    qms_policy_document_id = fields.Many2one(
        "qms.document",
        string="Quality Policy",
        tracking=True,
        domain="[('category', '=', 'policy'), ('company_id', '=', company_id)]",
        help="The quality policy, a controlled document.",
    )
    qms_head_id = fields.Many2one(
        "res.users",
        string="Head of Agency",
        tracking=True,
        help="Signs the conformity announcement and chairs management reviews.",
    )
    qms_qmr_id = fields.Many2one(
        "res.users",
        string="Quality Representative",
        tracking=True,
        help="Đại diện lãnh đạo về chất lượng: receives escalations.",
    )
    qms_iso_officer_ids = fields.Many2many(
        "res.users",
        "mgmtsystem_system_iso_officer_rel",
        "system_id",
        "user_id",
        string="ISO Officers",
        tracking=True,
    )
    qms_committee_ids = fields.One2many(
        "qms.steering.committee", "system_id", string="Steering Committees"
    )
    qms_committee_id = fields.Many2one(
        "qms.steering.committee",
        string="Current Steering Committee",
        compute="_compute_qms_current",
    )
    qms_announcement_ids = fields.One2many(
        "qms.announcement", "system_id", string="Announcements"
    )
    qms_announcement_id = fields.Many2one(
        "qms.announcement",
        string="Current Announcement",
        compute="_compute_qms_current",
    )
    qms_in_scope_procedure_ids = fields.Many2many(
        "qms.procedure",
        string="Procedures in Effect",
        compute="_compute_qms_scope_change",
        help="ISO procedures of the agency with a version in effect today.",
    )
    qms_scope_added_ids = fields.Many2many(
        "qms.procedure",
        string="Not Yet Announced",
        compute="_compute_qms_scope_change",
    )
    qms_scope_removed_ids = fields.Many2many(
        "qms.procedure",
        string="Announced, No Longer in Effect",
        compute="_compute_qms_scope_change",
    )
    qms_announcement_status = fields.Selection(
        [
            ("none", "Not Announced"),
            ("draft", "Announcement Being Prepared"),
            ("announced", "Announced"),
            ("re_announce", "Scope Changed: Re-announce"),
        ],
        string="Announcement Status",
        compute="_compute_qms_scope_change",
    )

    @api.constrains("company_id")
    def _check_one_system_per_agency(self):
        for system in self.filtered("company_id"):
            if self.search_count([("company_id", "=", system.company_id.id)]) > 1:
                raise ValidationError(
                    self.env._(
                        "%(agency)s already has a quality management system.",
                        agency=system.company_id.name,
                    )
                )

    @api.depends("qms_committee_ids.state", "qms_announcement_ids.state")
    def _compute_qms_current(self):
        for system in self:
            system.qms_committee_id = system.qms_committee_ids.filtered(
                lambda c: c.state == "active"
            )[:1]
            system.qms_announcement_id = system.qms_announcement_ids.filtered(
                lambda a: a.state == "announced"
            )[:1]

    def _qms_procedures_in_effect(self):
        self.ensure_one()
        return self.env["qms.procedure"].search(
            [
                ("company_id", "=", self.company_id.id),
                ("effective_version_id", "!=", False),
            ]
        )

    @api.depends("qms_announcement_ids.state", "company_id")
    def _compute_qms_scope_change(self):
        for system in self:
            current = (
                system._qms_procedures_in_effect()
                if system.company_id
                else self.env["qms.procedure"]
            )
            announced = system.qms_announcement_id.procedure_ids
            system.qms_in_scope_procedure_ids = current
            system.qms_scope_added_ids = current - announced
            system.qms_scope_removed_ids = announced - current
            if system.qms_announcement_id:
                changed = system.qms_scope_added_ids or system.qms_scope_removed_ids
                status = "re_announce" if changed else "announced"
            elif system.qms_announcement_ids.filtered(lambda a: a.state == "draft"):
                status = "draft"
            else:
                status = "none"
            system.qms_announcement_status = status

    def action_new_committee(self):
        self.ensure_one()
        return self.env["qms.steering.committee"]._qms_new_from(self)._qms_open()

    def action_new_announcement(self):
        self.ensure_one()
        return self.env["qms.announcement"]._qms_new_for(self)._qms_open()

    def _qms_escalation_users(self):
        """Who receives escalations: the quality representative (or, when none
        is named, the agency's users of the quality representative group)."""
        self.ensure_one()
        if self.qms_qmr_id:
            return self.qms_qmr_id
        group = self.env.ref("qms_public_admin.group_qms_qmr")
        return group.users.filtered(
            lambda u: self.company_id in u.company_ids and u.id != SUPERUSER_ID
        )

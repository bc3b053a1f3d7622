# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsAnnouncement(models.Model):
    """Announcement that the agency's quality system conforms to TCVN ISO 9001
    (công bố), or re-announcement when its scope changed (công bố lại).

    Signed by the head of the agency, published, and reported to the Department of
    Science and Technology. Announcing supersedes the previous announcement;
    announced records are frozen except the follow-up of the report to DOST.
    """

    _name = "qms.announcement"
    _description = "Conformity Announcement"
    _inherit = ["qms.locked.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _qms_locked_states = ("announced", "superseded")
    _qms_unlocked_fields = frozenset(
        {"dost_reported_on", "dost_dispatch", "published_url", "note"}
    )

    name = fields.Char(
        string="Decision Number",
        tracking=True,
        help="Number of the decision announcing conformity, e.g. 125/QĐ-UBND.",
    )
    system_id = fields.Many2one(
        "mgmtsystem.system",
        string="Quality System",
        required=True,
        ondelete="restrict",
        index=True,
    )
    company_id = fields.Many2one(
        related="system_id.company_id", store=True, string="Agency", index=True
    )
    announcement_type = fields.Selection(
        [("initial", "Announcement"), ("re_announce", "Re-announcement")],
        string="Type",
        default="initial",
        required=True,
        tracking=True,
    )
    reason = fields.Text(
        help="Why the system is re-announced (scope change, merger...)."
    )
    date = fields.Date(string="Signed On", tracking=True)
    signed_by_id = fields.Many2one(
        "res.users",
        tracking=True,
        default=lambda self: self._default_signer(),
    )
    standard = fields.Char(required=True, default="TCVN ISO 9001:2015", tracking=True)
    scope = fields.Html()
    procedure_ids = fields.Many2many(
        "qms.procedure",
        string="Procedures in Scope",
        domain="[('company_id', '=', company_id)]",
    )
    procedure_count = fields.Integer(compute="_compute_procedure_count", store=True)
    published_where = fields.Char(
        help="e.g. the agency's web portal and the notice board of the one-stop desk."
    )
    published_url = fields.Char(string="Link")
    dost_reported_on = fields.Date(
        string="Reported to DOST On",
        tracking=True,
        help="Date the announcement was sent to the Department of Science and "
        "Technology.",
    )
    dost_dispatch = fields.Char(
        string="Dispatch Number", tracking=True, help="Number of the covering letter."
    )
    previous_id = fields.Many2one(
        "qms.announcement", string="Replaces", readonly=True, copy=False
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("announced", "Announced"),
            ("superseded", "Superseded"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    note = fields.Html()

    def _default_signer(self):
        return self.env.company._qms_system().qms_head_id

    @api.depends("procedure_ids")
    def _compute_procedure_count(self):
        for announcement in self:
            announcement.procedure_count = len(announcement.procedure_ids)

    @api.depends("name", "announcement_type", "date")
    def _compute_display_name(self):
        labels = dict(
            self._fields["announcement_type"]._description_selection(self.env)
        )
        for rec in self:
            rec.display_name = " ".join(
                filter(None, [labels.get(rec.announcement_type), rec.name])
            )

    @api.model
    def _qms_new_for(self, system):
        """A draft (re-)announcement of ``system`` covering what is in effect now."""
        current = system.qms_announcement_id
        return self.create(
            {
                "system_id": system.id,
                "announcement_type": "re_announce" if current else "initial",
                "standard": system.qms_standard or "TCVN ISO 9001:2015",
                "scope": system.qms_scope,
                "procedure_ids": [(6, 0, system._qms_procedures_in_effect().ids)],
                "signed_by_id": system.qms_head_id.id,
                "published_where": current.published_where,
            }
        )

    def action_announce(self):
        for rec in self:
            rec._qms_require_state(
                ("draft",), self.env._("Only a draft announcement can be announced.")
            )
            missing = [
                label
                for field, label in (
                    ("name", self.env._("decision number")),
                    ("date", self.env._("date signed")),
                    ("signed_by_id", self.env._("signer")),
                    ("procedure_ids", self.env._("procedures in scope")),
                )
                if not rec[field]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "The announcement lacks: %(missing)s.",
                        missing=", ".join(missing),
                    )
                )
            previous = rec.system_id.qms_announcement_id
            if rec.announcement_type == "re_announce" and not previous:
                raise UserError(
                    self.env._("There is no announcement to re-announce: announce.")
                )
            if previous:
                previous._qms_transition({"state": "superseded"})
            rec._qms_transition({"state": "announced", "previous_id": previous.id})
        return True

    def action_report_dost(self):
        """Record today as the date the announcement was sent to DOST."""
        for rec in self:
            rec._qms_require_state(
                ("announced",), self.env._("Announce before reporting to DOST.")
            )
        self.write({"dost_reported_on": self._qms_today()})
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(a.state != "draft" for a in self):
            raise UserError(self.env._("An announcement made is history: it stays."))

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import math

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..models.res_company import AGENCY_LEVELS

_logger = logging.getLogger(__name__)

# The share of a procedure's legal time each starter step gets: receipt at the
# desk, appraisal by the processing unit, the leader's signature, the return.
STARTER_STEPS = (
    ("receive", 0.1),
    ("appraise", 0.6),
    ("sign", 0.2),
    ("return", 0.1),
)


class QmsSetupWizard(models.TransientModel):
    """Sets up a new agency in one form: the agency (level, official code,
    supervising agency, working calendar), its units, its officers and their
    roles, the administrative procedures of its level from the catalogue,
    starter documents and a draft ISO procedure for each of its procedures,
    sent to the quality representative for approval.

    Extension point: :meth:`_qms_role_groups` maps each role to its groups;
    the one-stop addon adds the desk roles.
    """

    _name = "qms.setup.wizard"
    _description = "New Agency Set-up"

    existing_company_id = fields.Many2one(
        "res.company",
        string="Existing Agency",
        help="Leave empty to create the agency; pick one to complete its set-up.",
    )
    name = fields.Char(string="Agency Name")
    agency_level = fields.Selection(
        [level for level in AGENCY_LEVELS if level[0] != "district_legacy"],
        string="Level",
        required=True,
        default="commune",
    )
    agency_code = fields.Char(
        string="Official Code",
        help="The agency's code in the national list of electronic codes of "
        "agencies, which dossier codes start with.",
    )
    parent_agency_id = fields.Many2one("res.company", string="Supervising Agency")
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Hours",
        default=lambda self: self.env.ref(
            "resource.resource_calendar_std", raise_if_not_found=False
        ),
        help="Office hours; Vietnam's public holidays come from the national "
        "calendar of the product.",
    )
    unit_names = fields.Text(
        string="Units",
        help="One unit per line, in this order: the one-stop desk, the "
        "processing unit(s), the leadership. The starter procedures use the "
        "first line for receipt and return, the second for appraisal and the "
        "last for signature.",
    )
    user_ids = fields.One2many("qms.setup.wizard.user", "wizard_id", string="Officers")
    link_catalogue = fields.Boolean(
        string="Procedures of the Level",
        default=True,
        help="Link the agency to the catalogue's administrative procedures "
        "performed at its level.",
    )
    tthc_count = fields.Integer(
        string="Procedures Found", compute="_compute_tthc_count"
    )
    starter_documents = fields.Boolean(
        default=True,
        help="Draft the quality policy, the quality objectives and the quality "
        "manual of the agency, to be completed and approved.",
    )
    starter_procedures = fields.Boolean(
        string="Starter ISO Procedures",
        default=True,
        help="Draft one ISO procedure per linked administrative procedure, with "
        "four steps sharing its legal time (receipt, appraisal, signature, "
        "return), and send it to the quality representative for approval.",
    )

    @api.depends("agency_level", "link_catalogue")
    def _compute_tthc_count(self):
        for wizard in self:
            wizard.tthc_count = (
                len(wizard._qms_catalogue()) if wizard.link_catalogue else 0
            )

    @api.onchange("existing_company_id")
    def _onchange_company_id(self):
        company = self.existing_company_id
        if company:
            self.name = company.name
            self.agency_level = company.qms_agency_level or self.agency_level
            self.agency_code = company.qms_agency_code
            self.parent_agency_id = company.qms_parent_agency_id
            self.calendar_id = company.resource_calendar_id

    # ------------------------------------------------------------ extension
    @api.model
    def _qms_role_groups(self):
        return {
            "iso_officer": ["qms_public_admin.group_qms_iso_officer"],
            "qmr": ["qms_public_admin.group_qms_qmr"],
            "staff": ["qms_public_admin.group_qms_user"],
        }

    def _qms_catalogue(self):
        self.ensure_one()
        return self.env["qms.tthc"].search([("level_ids.code", "=", self.agency_level)])

    # ------------------------------------------------------------ the set-up
    def action_set_up(self):
        self.ensure_one()
        if not self.env.user.has_group("base.group_system"):
            raise UserError(self.env._("Only an administrator sets up an agency."))
        self._qms_check()
        company = self._qms_agency()
        # Everything else is the new agency's: work in it.
        self.with_company(company).with_context(
            allowed_company_ids=company.ids + self.env.companies.ids
        )._qms_fill(company)
        return {
            "type": "ir.actions.act_window",
            "name": company.name,
            "res_model": "res.company",
            "res_id": company.id,
            "views": [[False, "form"]],
            "target": "current",
        }

    def _qms_fill(self, company):
        """Units, officers, catalogue, starter documents and procedures of
        ``company``, with ``company`` active."""
        units = self._qms_units(company)
        users = self._qms_users(company, units)
        tthcs = self._qms_catalogue() if self.link_catalogue else self.env["qms.tthc"]
        if tthcs:
            tthcs.sudo().write({"company_ids": [fields.Command.link(company.id)]})
        if self.starter_documents:
            self._qms_documents(company, units)
        procedures = self.env["qms.procedure"]
        if self.starter_procedures:
            procedures = self._qms_procedures(company, units, tthcs, users)
        self.env["qms.dashboard"]._qms_home_on_dashboard(users)
        _logger.info(
            "Agency %s set up by %s: %s units, %s officers, %s procedures, %s "
            "draft ISO procedures",
            company.name,
            self.env.user.login,
            len(units),
            len(users),
            len(tthcs),
            len(procedures),
        )

    def _qms_check(self):
        if not self.existing_company_id and not (self.name or "").strip():
            raise ValidationError(self.env._("Give the agency's name."))
        code = (self.agency_code or "").strip()
        if code and self.env["res.company"].sudo().search_count(
            [("qms_agency_code", "=", code), ("id", "!=", self.existing_company_id.id)]
        ):
            raise ValidationError(
                self.env._(
                    "Another agency already has the official code %(code)s.",
                    code=code,
                )
            )
        logins = [line.login.strip() for line in self.user_ids]
        if len(set(logins)) != len(logins):
            raise ValidationError(self.env._("Two officers have the same login."))
        taken = (
            self.env["res.users"]
            .with_context(active_test=False)
            .search([("login", "in", logins)])
        )
        if taken:
            raise ValidationError(
                self.env._(
                    "These logins are already used: %(logins)s.",
                    logins=", ".join(taken.mapped("login")),
                )
            )
        if self.starter_procedures and len(self._qms_unit_lines()) < 1:
            raise ValidationError(
                self.env._("The starter procedures need at least one unit.")
            )
        if (
            self.starter_procedures
            and not self.user_ids.filtered(lambda line: line.role == "qmr")
            and not self.existing_company_id
        ):
            raise ValidationError(
                self.env._(
                    "Name the quality representative among the officers: the "
                    "starter procedures are sent to them for approval."
                )
            )

    def _qms_agency(self):
        values = {
            "qms_agency_level": self.agency_level,
            "qms_agency_code": (self.agency_code or "").strip() or False,
            "qms_parent_agency_id": self.parent_agency_id.id,
        }
        if self.calendar_id:
            values["resource_calendar_id"] = self.calendar_id.id
        if self.existing_company_id:
            self.existing_company_id.write(values)
            return self.existing_company_id
        values["name"] = self.name.strip()
        company = self.env["res.company"].create(values)
        # The administrator works in the new agency too.
        self.env.user.sudo().write({"company_ids": [fields.Command.link(company.id)]})
        return company

    def _qms_unit_lines(self):
        return [
            line.strip()
            for line in (self.unit_names or "").splitlines()
            if line.strip()
        ]

    def _qms_units(self, company):
        Department = self.env["hr.department"].sudo()
        units = Department
        for name in self._qms_unit_lines():
            unit = Department.search(
                [("name", "=", name), ("company_id", "=", company.id)], limit=1
            ) or Department.create({"name": name, "company_id": company.id})
            units |= unit
        return units

    def _qms_users(self, company, units):
        roles = self._qms_role_groups()
        users = self.env["res.users"]
        for line in self.user_ids:
            groups = [self.env.ref(xmlid) for xmlid in roles.get(line.role, [])]
            users |= (
                self.env["res.users"]
                .with_context(no_reset_password=True)
                .create(
                    {
                        "name": line.name.strip(),
                        "login": line.login.strip(),
                        "email": line.email or False,
                        "company_id": company.id,
                        "company_ids": [fields.Command.set(company.ids)],
                        "groups_id": [fields.Command.link(g.id) for g in groups],
                        "lang": "vi_VN"
                        if self.env["res.lang"]._lang_get("vi_VN").active
                        else self.env.lang,
                        "tz": "Asia/Ho_Chi_Minh",
                    }
                )
            )
        return users

    def _qms_documents(self, company, units):
        Document = self.env["qms.document"]
        starters = (
            (
                "qms_public_admin.document_type_policy",
                "CS-01",
                self.env._("Quality Policy"),
            ),
            (
                "qms_public_admin.document_type_objective",
                "MT-01",
                self.env._("Quality Objectives"),
            ),
            (
                "qms_public_admin.document_type_manual",
                "ST-01",
                self.env._("Quality Manual"),
            ),
        )
        for type_xmlid, code, name in starters:
            if Document.search_count(
                [("company_id", "=", company.id), ("code", "=", code)]
            ):
                continue
            Document.create(
                {
                    "code": code,
                    "name": name,
                    "type_id": self.env.ref(type_xmlid).id,
                    "company_id": company.id,
                    "owner_unit_id": units[-1:].id,
                }
            )

    def _qms_procedures(self, company, units, tthcs, users):
        Procedure = self.env["qms.procedure"]
        desk, appraisal, leaders = units[:1], units[1:2] or units[:1], units[-1:]
        unit_of = {
            "receive": desk,
            "appraise": appraisal,
            "sign": leaders,
            "return": desk,
        }
        names = {
            "receive": self.env._("Receive and check the dossier, issue the receipt"),
            "appraise": self.env._("Appraise the dossier and draft the result"),
            "sign": self.env._("Review and sign the result"),
            "return": self.env._("Record and return the result"),
        }
        prefix = (company.qms_agency_code or "CQ").split(".")[-1]
        officer = users.filtered(
            lambda u: u.has_group("qms_public_admin.group_qms_iso_officer")
        )[:1]
        procedures = Procedure
        for index, tthc in enumerate(tthcs.sorted("code"), start=1):
            case = tthc.case_ids[:1]
            if not case or Procedure.search_count(
                [("company_id", "=", company.id), ("tthc_case_id", "=", case.id)]
            ):
                continue
            procedure = Procedure.create(
                {
                    "code": f"QT-{prefix}-{index:02d}",
                    "name": self.env._("Procedure for %(tthc)s", tthc=tthc.name),
                    "company_id": company.id,
                    "tthc_case_id": case.id,
                    "responsible_id": (officer or self.env.user).id,
                }
            )
            version = self.env["qms.procedure.version"].create(
                {
                    "procedure_id": procedure.id,
                    "tthc_case_id": case.id,
                    "change_summary": self.env._(
                        "First issue, drafted by the set-up of the agency."
                    ),
                }
            )
            hours = version.legal_hours or version._hours_per_day()
            version.write(
                {
                    "step_ids": [
                        fields.Command.create(
                            {
                                "sequence": position,
                                "name": names[key],
                                "unit_id": unit_of[key].id,
                                # Rounded down: the steps never exceed the law.
                                "duration": math.floor(hours * share * 100) / 100,
                                "duration_uom": "hour",
                            }
                        )
                        for position, (key, share) in enumerate(STARTER_STEPS)
                    ]
                }
            )
            version.action_submit_review()
            procedures |= procedure
        return procedures

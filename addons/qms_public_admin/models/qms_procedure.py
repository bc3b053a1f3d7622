# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..lib import procedure_tools


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
    # The template version a variant follows moves only when the variant's
    # own new version takes effect.
    _qms_review_fields = frozenset(
        {"review_needed", "review_reason", "review_since", "template_version_id"}
    )

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
    process_area = fields.Selection(
        [
            ("documents", "Incoming and outgoing documents"),
            ("assets", "Assets and procurement"),
            ("hr", "Staff and human resources"),
            ("finance", "Finance and accounting"),
            ("it", "Information technology"),
            ("quality", "Quality management"),
            ("other", "Other"),
        ],
        string="Internal Area",
        help="For internal processes that handle no administrative procedure.",
    )
    # ------------------------------------------------------------ templates
    is_template = fields.Boolean(
        string="Template for Other Units",
        tracking=True,
        help="A framework procedure (mô hình khung) that units of the province "
        "adopt and adapt: a change in effect flags every variant.",
    )
    template_id = fields.Many2one(
        "qms.procedure",
        string="Adopted from Template",
        domain="[('is_template', '=', True)]",
        tracking=True,
        index=True,
    )
    template_version_id = fields.Many2one(
        "qms.procedure.version",
        string="Template Version Followed",
        readonly=True,
        copy=False,
    )
    template_outdated = fields.Boolean(
        string="Template Changed Since",
        compute="_compute_template_outdated",
        search="_search_template_outdated",
    )
    variant_note = fields.Text(
        string="What This Unit Changed and Why",
        tracking=True,
        help="Required when the variant's steps differ from the template's.",
    )
    variant_ids = fields.One2many("qms.procedure", "template_id", string="Variants")
    variant_count = fields.Integer(compute="_compute_variant_count")
    variant_diff_html = fields.Html(
        string="Differences from the Template",
        compute="_compute_variant_diff_html",
        sanitize=False,
    )
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

    @api.constrains("template_id", "is_template")
    def _check_template(self):
        for procedure in self.filtered("template_id"):
            template = procedure.sudo().template_id
            if template == procedure or not template.is_template:
                raise ValidationError(
                    self.env._(
                        "%(name)s can only be adopted from a procedure marked as a "
                        "template for other units.",
                        name=procedure.display_name,
                    )
                )

    def _compute_variant_count(self):
        counts = dict(
            self.sudo()._read_group(
                [("template_id", "in", self.ids)], ["template_id"], ["__count"]
            )
        )
        for procedure in self:
            procedure.variant_count = counts.get(procedure.sudo(), 0)

    def _compute_template_outdated(self):
        for procedure in self:
            template = procedure.sudo().template_id
            procedure.template_outdated = bool(
                template
                and template.effective_version_id
                and template.effective_version_id != procedure.template_version_id
            )

    def _search_template_outdated(self, operator, value):
        outdated = self.sudo().search([("template_id", "!=", False)])
        ids = outdated.filtered("template_outdated").ids
        positive = (operator == "=") == bool(value)
        return [("id", "in" if positive else "not in", ids)]

    def _qms_variant_base(self):
        """The variant's version being prepared, or the one in effect."""
        self.ensure_one()
        return (
            self.version_ids.filtered(
                lambda v: v.state in ("draft", "to_review", "approved")
            )[:1]
            or self.effective_version_id
        )

    def _qms_variant_changes(self, version=None):
        """[(kind, text)] of what ``version`` (the variant's current one)
        changed in the steps of the template's version in effect (the units
        aside)."""
        self.ensure_one()
        template = self.sudo().template_id.effective_version_id
        version = version or self._qms_variant_base()
        if not template or not version:
            return []
        # A variant's units are its own agency's: they differ by nature.
        keys = tuple(k for k in procedure_tools.STEP_KEYS if k != "unit")
        return procedure_tools.diff_steps(
            template._step_dicts(), version.sudo()._step_dicts(), keys
        )

    def _compute_variant_diff_html(self):
        kinds = {
            "added": self.env._("Added step"),
            "removed": self.env._("Removed step"),
            "changed": self.env._("Changed step"),
        }
        for procedure in self:
            if not procedure.template_id:
                procedure.variant_diff_html = False
                continue
            changes = procedure._qms_variant_changes()
            if not changes:
                procedure.variant_diff_html = Markup("<p>%s</p>") % self.env._(
                    "Same steps as the template."
                )
                continue
            procedure.variant_diff_html = Markup("<ul>%s</ul>") % Markup("").join(
                Markup("<li><b>%s:</b> %s</li>") % (kinds[kind], text)
                for kind, text in changes
            )

    def _qms_check_variant_note(self, version):
        """A variant whose steps differ from its template says what it changed
        and why before its version goes to approval."""
        self.ensure_one()
        if (
            self.template_id
            and not self.variant_note
            and self._qms_variant_changes(version)
        ):
            raise UserError(
                self.env._(
                    "%(name)s differs from the template %(template)s: write what "
                    "this unit changed and why before sending it for approval.",
                    name=self.display_name,
                    template=self.sudo().template_id.display_name,
                )
            )

    def _qms_after_version_effective(self, version):
        """A variant now follows the template's version in effect; a template's
        new version flags every variant for review."""
        self.ensure_one()
        if self.template_id:
            with self._qms_unlocked():
                self.sudo().template_version_id = (
                    self.sudo().template_id.effective_version_id
                )
        if self.is_template:
            variants = self.sudo().with_context(active_test=True).variant_ids
            day = self._qms_today().strftime("%d/%m/%Y")
            # Each variant's officer reads the flag in their own language.
            variants._qms_flag_review(
                lambda env: env._(
                    "The template %(template)s changed: version %(version)s "
                    "took effect on %(date)s. Compare this variant with it and "
                    "take over what applies.",
                    template=self.display_name,
                    version=version.version,
                    date=day,
                ),
                summary=lambda env: env._("Template changed: review the variant"),
            )

    def action_adopt_template(self):
        """Open the adoption dialog for the user's current agency."""
        self.ensure_one()
        self.check_access("read")
        self._qms_check_adoptable(self.env.company)
        Wizard = self.env["qms.template.adopt"]
        wizard = Wizard.create(Wizard._qms_prepare(self))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Adopt a Template Procedure"),
            "res_model": "qms.template.adopt",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def _qms_check_adoptable(self, company):
        self.ensure_one()
        template = self.sudo()
        if not template.is_template or not template.effective_version_id:
            raise UserError(
                self.env._("Only a template with a version in effect can be adopted.")
            )
        existing = self.search(
            [("template_id", "=", self.id), ("company_id", "=", company.id)],
            limit=1,
        )
        if existing:
            raise UserError(
                self.env._(
                    "%(agency)s already adopted this template: %(variant)s.",
                    agency=company.name,
                    variant=existing.display_name,
                )
            )

    def _qms_adopt(self, company, code, units):
        """A variant of this template at ``company`` with a draft version
        copied from the template's version in effect; ``units`` maps the id of
        each template unit to the agency's unit that takes its steps."""
        self.ensure_one()
        self.check_access("read")
        self._qms_check_adoptable(company)
        template = self.sudo()
        source = template.effective_version_id
        unmatched = source.step_ids.unit_id.filtered(lambda u: not units.get(u.id))
        if unmatched:
            raise UserError(
                self.env._(
                    "Choose the unit of %(agency)s that performs the steps of: "
                    "%(units)s.",
                    agency=company.name,
                    units=", ".join(unmatched.mapped("name")),
                )
            )
        variant = self.create(
            {
                "code": code,
                "name": template.name,
                "kind": template.kind,
                "process_area": template.process_area,
                "tthc_case_id": template.tthc_case_id.id,
                "company_id": company.id,
                "template_id": template.id,
                "responsible_id": self.env.user.id,
            }
        )
        step_values = [
            {
                "sequence": step.sequence,
                "name": step.name,
                "description": step.description,
                "unit_id": units[step.unit_id.id].id,
                "role_group_id": step.role_group_id.id,
                "duration": step.duration,
                "duration_uom": step.duration_uom,
                "output": step.output,
                "handoff": step.handoff,
            }
            for step in source.step_ids
        ]
        record_values = [
            {
                "sequence": rec.sequence,
                "name": rec.name,
                "retention_years": rec.retention_years,
            }
            for rec in source.record_ids
        ]
        # Forms stay the official ones; the template's own files stay with it.
        form_values = []
        for form in source.form_ids:
            values = form.copy_data()[0]
            for key in ("version_id", "file", "file_name"):
                values.pop(key, None)
            form_values.append(values)
        self.env["qms.procedure.version"].create(
            {
                "procedure_id": variant.id,
                "purpose": source.purpose,
                "scope": source.scope,
                "references": source.references,
                "definitions": source.definitions,
                "legal_basis_ids": [(6, 0, source.legal_basis_ids.ids)],
                "step_ids": [(0, 0, values) for values in step_values],
                "record_ids": [(0, 0, values) for values in record_values],
                "form_ids": [(0, 0, values) for values in form_values],
            }
        )
        return variant

    def action_open_variants(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Variants of %(name)s", name=self.display_name),
            "res_model": self._name,
            "view_mode": "list,form",
            "domain": [("template_id", "=", self.id)],
        }

    def _qms_flag_case_change(self, reason):
        """Flag the procedures in effect for these (sudo) records and say
        whether their steps still fit the legal deadline (``reason``: a
        function of an environment, see ``_qms_flag_review``)."""
        for procedure in self.filtered("effective_version_id"):
            version = procedure.effective_version_id
            version.invalidate_recordset(["total_hours", "legal_hours"])
            text = reason
            if version.tthc_case_id and version.total_hours > version.legal_hours:
                total = f"{version.total_hours:g}"
                legal = f"{version.legal_hours:g}"

                def text(env, total=total, legal=legal):
                    return env._(
                        "%(reason)s The steps in effect take %(total)s working "
                        "hours, more than the deadline now allows (%(legal)s): a "
                        "new version is needed.",
                        reason=reason(env),
                        total=total,
                        legal=legal,
                    )

            procedure._qms_flag_review(
                text,
                summary=lambda env: env._("Catalogue changed: review the procedure"),
            )

    def _qms_new_draft_values(self):
        values = super()._qms_new_draft_values()
        values["legal_basis_ids"] = [(6, 0, self.tthc_id.legal_basis_ids.ids)]
        return values

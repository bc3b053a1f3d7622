# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.osv import expression


class HrDepartment(models.Model):
    _inherit = "hr.department"

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        """In an audit's program, findings and checklist, an auditor from
        another agency picks among the units the audit covers (and only those),
        although the units of that agency are not visible to them otherwise."""
        audit_id = self.env.context.get("qms_audit_scope_id")
        if audit_id and not self.env.su:
            audit = self.env["qms.audit"].browse(audit_id).exists()
            if audit and self.env.user in audit.sudo().team_user_ids:
                audit.check_access("read")
                domain = expression.AND(
                    [args or [], [("id", "in", audit.sudo().department_ids.ids)]]
                )
                return super(HrDepartment, self.sudo()).name_search(
                    name, domain, operator, limit
                )
        return super().name_search(name, args, operator, limit)

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "QMS Internal Audits (ISO 9001, Vietnam)",
    "summary": "Internal audits of state agencies: annual plan, programs, teams, "
    "checklists, findings, nonconformities and corrective actions",
    "version": "18.0.1.4.0",
    "category": "Quality",
    "website": "https://github.com/qms-public-admin/qms-public-admin",
    "author": "QMS Public Admin contributors",
    "license": "AGPL-3",
    "depends": [
        "qms_public_admin",
        "mgmtsystem_action",
        "mgmtsystem_nonconformity",
    ],
    "data": [
        "security/qms_audit_security.xml",
        "security/ir.model.access.csv",
        "security/qms_audit_rules.xml",
        "data/qms_iso_clause_data.xml",
        "data/qms_audit_data.xml",
        "data/qms_audit_checklist_data.xml",
        "views/qms_auditor_views.xml",
        "views/qms_audit_plan_views.xml",
        "views/qms_audit_views.xml",
        "views/qms_audit_detail_views.xml",
        "views/mgmtsystem_nonconformity_views.xml",
        "views/qms_agency_status_views.xml",
        "views/qms_clause_coverage_views.xml",
        "views/qms_audit_menus.xml",
        "report/qms_audit_reports.xml",
    ],
    "uninstall_hook": "uninstall_hook",
    "demo": [
        "demo/qms_audit_demo.xml",
        "demo/qms_clause_demo.xml",
    ],
}

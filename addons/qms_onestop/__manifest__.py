# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "QMS One-stop Desk (Một cửa điện tử)",
    "summary": "One-stop dossier intake and processing along the ISO procedure, "
    "slips, clock stop, on-time KPIs and the XML-RPC API",
    "version": "18.0.1.8.0",
    "category": "Quality",
    "website": "https://github.com/qms-public-admin/qms-public-admin",
    "author": "QMS Public Admin contributors",
    "license": "AGPL-3",
    "application": True,
    "depends": [
        "qms_public_admin",
        "base_tier_validation",
        "report_xlsx",
        "sms",
    ],
    "uninstall_hook": "uninstall_hook",
    "data": [
        "security/qms_onestop_security.xml",
        "security/ir.model.access.csv",
        "security/qms_onestop_rules.xml",
        "data/qms_onestop_form_data.xml",
        "data/qms_onestop_data.xml",
        "data/qms_onestop_status_map_data.xml",
        "data/qms_onestop_queue_job_data.xml",
        "data/qms_onestop_service_data.xml",
        "data/qms_onestop_notify_templates.xml",
        "data/qms_service_index_data.xml",
        "data/qms_onestop_report_form_data.xml",
        "views/qms_onestop_dossier_views.xml",
        "views/qms_onestop_detail_views.xml",
        "views/qms_onestop_integration_views.xml",
        "views/qms_onestop_lookup_templates.xml",
        "views/qms_onestop_kpi_month_views.xml",
        "views/qms_onestop_service_views.xml",
        "views/qms_service_index_views.xml",
        "views/qms_procedure_views.xml",
        "views/qms_onestop_menus.xml",
        "views/qms_onestop_dashboard_views.xml",
        "report/qms_onestop_reports.xml",
        "report/qms_onestop_period_reports.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "qms_onestop/static/tests/tours/**/*",
        ],
    },
    "demo": [
        "demo/qms_onestop_demo.xml",
    ],
}

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "QMS for Public Administration (ISO 9001, Vietnam)",
    "summary": "Agencies, legal documents and the Vietnamese working-day calendar "
    "for the ISO 9001 quality system of state administrative agencies",
    "version": "18.0.1.0.0",
    "category": "Quality",
    "website": "https://github.com/qms-public-admin/qms-public-admin",
    "author": "QMS Public Admin contributors",
    "license": "AGPL-3",
    "application": True,
    "depends": [
        "base",
        "mail",
        "resource",
        "hr",
        "base_tier_validation",
        "report_xlsx",
        "mgmtsystem_action",
        "mgmtsystem_objective",
    ],
    "external_dependencies": {"python": ["holidays", "numpy"]},
    "data": [
        "security/qms_security.xml",
        "security/ir.model.access.csv",
        "data/qms_legal_document_data.xml",
        "data/resource_calendar_data.xml",
        "data/qms_receipt_rule_data.xml",
        "data/qms_holiday_data.xml",
        "data/qms_agency_level_data.xml",
        "views/qms_menus.xml",
        "views/res_company_views.xml",
        "views/resource_calendar_views.xml",
        "views/qms_holiday_views.xml",
        "views/qms_legal_document_views.xml",
        "views/qms_receipt_rule_views.xml",
        "views/qms_tthc_views.xml",
        "wizards/qms_workday_calculator_views.xml",
    ],
    "demo": [
        "demo/qms_agency_demo.xml",
    ],
}

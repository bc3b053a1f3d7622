# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Files filed before 18.0.1.3.0 were stamped with the company of whoever
uploaded them (the integration account's): give them the dossier's agency."""

CHILDREN = {
    "qms.onestop.dossier.component": "qms_onestop_dossier_component",
    "qms.onestop.supplement": "qms_onestop_supplement",
    "qms.onestop.notice": "qms_onestop_notice",
    "qms.onestop.transfer": "qms_onestop_transfer",
}


def migrate(cr, version):
    cr.execute(
        """UPDATE ir_attachment a SET company_id = d.company_id
             FROM qms_onestop_dossier d
            WHERE a.res_model = 'qms.onestop.dossier' AND a.res_id = d.id
              AND a.company_id IS DISTINCT FROM d.company_id"""
    )
    for model, table in CHILDREN.items():
        cr.execute(
            f"""UPDATE ir_attachment a SET company_id = d.company_id
                  FROM {table} c JOIN qms_onestop_dossier d ON d.id = c.dossier_id
                 WHERE a.res_model = %s AND a.res_id = c.id
                   AND a.company_id IS DISTINCT FROM d.company_id""",
            [model],
        )

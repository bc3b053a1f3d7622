# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.7.0 stores what each dossier owes and has paid, when it left the
agency's hands and whether it was digitised. Fill the new
columns with SQL before the update, so the ORM does not recompute a
province's million dossiers one by one."""


def migrate(cr, version):
    cr.execute(
        """ALTER TABLE qms_onestop_dossier_fee
               ADD COLUMN IF NOT EXISTS exempt boolean,
               ADD COLUMN IF NOT EXISTS amount_due numeric"""
    )
    cr.execute(
        "UPDATE qms_onestop_dossier_fee SET exempt = false, "
        "amount_due = coalesce(amount, 0)"
    )
    cr.execute(
        """ALTER TABLE qms_onestop_dossier
               ADD COLUMN IF NOT EXISTS amount_due numeric,
               ADD COLUMN IF NOT EXISTS amount_paid numeric,
               ADD COLUMN IF NOT EXISTS payment_state varchar,
               ADD COLUMN IF NOT EXISTS paid_online boolean"""
    )
    cr.execute(
        """UPDATE qms_onestop_dossier d
              SET amount_due = coalesce(f.due, 0), amount_paid = 0,
                  paid_online = false,
                  payment_state = CASE WHEN coalesce(f.due, 0) = 0 THEN 'none'
                                       ELSE 'to_pay' END
             FROM (SELECT dossier_id, sum(amount) AS due
                     FROM qms_onestop_dossier_fee GROUP BY dossier_id) f
            WHERE f.dossier_id = d.id"""
    )
    cr.execute(
        """UPDATE qms_onestop_dossier
              SET amount_due = 0, amount_paid = 0, paid_online = false,
                  payment_state = 'none'
            WHERE payment_state IS NULL"""
    )
    # When each dossier left the agency's hands, and its digitisation (none
    # was recorded before this version).
    cr.execute(
        """ALTER TABLE qms_onestop_dossier
               ADD COLUMN IF NOT EXISTS ended_at timestamp,
               ADD COLUMN IF NOT EXISTS digitised boolean,
               ADD COLUMN IF NOT EXISTS reused_data boolean"""
    )
    cr.execute(
        """UPDATE qms_onestop_dossier
              SET ended_at = coalesce(completed_at, closed_at),
                  digitised = false, reused_data = false"""
    )

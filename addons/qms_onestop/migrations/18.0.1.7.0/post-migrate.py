# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Fees ticked paid before 18.0.1.7.0 become a payment of the dossier (cash,
with the receipt number the desk typed), so the dossier reads paid."""


def migrate(cr, version):
    cr.execute(
        """INSERT INTO qms_onestop_payment
                  (dossier_id, company_id, receiving_company_id, kind, amount,
                   signed_amount, method, receipt_number, paid_at, user_id, note,
                   create_uid, create_date, write_uid, write_date)
           SELECT d.id, d.company_id, d.receiving_company_id, 'payment', f.due,
                  f.due, 'cash', f.receipt, coalesce(d.received_at, d.create_date),
                  d.received_by_id, 'Paid before 18.0.1.7.0', 1,
                  now() at time zone 'UTC', 1, now() at time zone 'UTC'
             FROM qms_onestop_dossier d
             JOIN (SELECT dossier_id, sum(amount) AS due,
                          max(receipt_number) AS receipt
                     FROM qms_onestop_dossier_fee
                 GROUP BY dossier_id
                   HAVING bool_and(coalesce(paid, false)) AND sum(amount) > 0) f
               ON f.dossier_id = d.id
            WHERE NOT EXISTS (SELECT 1 FROM qms_onestop_payment p
                               WHERE p.dossier_id = d.id)"""
    )
    cr.execute(
        """UPDATE qms_onestop_dossier d
              SET amount_paid = p.total,
                  payment_state = CASE WHEN p.total >= d.amount_due THEN 'paid'
                                       ELSE 'partial' END
             FROM (SELECT dossier_id, sum(signed_amount) AS total
                     FROM qms_onestop_payment GROUP BY dossier_id) p
            WHERE p.dossier_id = d.id"""
    )

"""Print the access matrix (group x model x operation) of a database with the
three addons installed: the Python literal of addons/qms_onestop/tests/
access_matrix.py and the README's security table. Nothing is kept (the
temporary users are rolled back).

    python3 -m odoo shell -c odoo.conf --addons-path=... -d DB < tools/access_matrix.py
"""

# ruff: noqa: F821 - ``env`` is given by odoo shell
import pprint

from odoo.addons.qms_onestop.tests.test_integrity import (
    actual_matrix,
    group_columns,
    render_matrix,
)

matrix = actual_matrix(env)
labels = [label for _xmlid, label in group_columns(env)]
with open("addons/qms_onestop/tests/access_matrix.py", "w") as out:
    out.write(
        "# Copyright 2026 QMS Public Admin contributors\n"
        "# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).\n"
        '"""Who may do what: c(reate) r(ead) u(pdate) d(elete) per model and group,\n'
        "for a user holding only that group. Printed by tools/access_matrix.py and\n"
        'checked by test_integrity.TestAccessMatrix."""\n\n'
        "MATRIX = " + pprint.pformat(matrix, width=88, sort_dicts=True) + "\n"
    )
with open("/tmp/access_matrix.md", "w") as out:
    out.write(render_matrix(matrix, labels) + "\n")
env.cr.rollback()
print("written addons/qms_onestop/tests/access_matrix.py and /tmp/access_matrix.md")

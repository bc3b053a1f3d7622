# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import qms_onestop_move_wizard
from . import qms_onestop_book_wizard
from . import qms_setup_wizard
from . import qms_setup_wizard_user
from . import qms_onestop_batch_wizard
from . import qms_onestop_workload_wizard
from . import qms_onestop_payment_wizard
from . import qms_onestop_period_report

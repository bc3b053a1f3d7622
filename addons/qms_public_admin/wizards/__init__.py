from . import qms_workday_calculator
from . import qms_legal_review_close
from . import qms_tthc_import
from . import qms_document_withdraw
from . import qms_document_master_list
from . import qms_setup_wizard
from . import qms_setup_wizard_user

from . import (
    qms_holiday,
    qms_legal_document,
    qms_receipt_rule,
    res_company,
    resource_calendar,
    resource_calendar_attendance,
)
from . import qms_agency_level
from . import qms_tthc_sector
from . import qms_tthc
from . import qms_tthc_case
from . import qms_tthc_component
from . import qms_tthc_fee

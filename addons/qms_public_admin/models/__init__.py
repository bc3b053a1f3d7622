from . import qms_legal_document
from . import qms_holiday
from . import qms_receipt_rule
from . import resource_calendar
from . import resource_calendar_attendance
from . import res_company

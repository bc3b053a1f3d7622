from . import (
    qms_holiday,
    qms_legal_document,
    qms_receipt_rule,
    res_company,
    resource_calendar,
    resource_calendar_attendance,
)

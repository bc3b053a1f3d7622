from . import qms_document_master_list_xlsx
from . import qms_dost_report_xlsx

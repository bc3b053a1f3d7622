from . import qms_document_master_list_xlsx

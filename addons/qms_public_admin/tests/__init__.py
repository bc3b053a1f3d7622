from . import test_agency_security
from . import test_demo_data
from . import test_document_control
from . import test_i18n
from . import test_procedure
from . import test_tthc_catalogue
from . import test_tthc_import
from . import test_working_days

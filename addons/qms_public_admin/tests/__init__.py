from . import test_agency_security, test_i18n, test_working_days

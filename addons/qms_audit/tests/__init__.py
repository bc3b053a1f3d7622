from . import test_audit_lifecycle
from . import test_nonconformity
from . import test_cross_agency
from . import test_audit_feeds
from . import test_clause_coverage

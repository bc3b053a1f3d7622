from . import test_audit_lifecycle
from . import test_nonconformity

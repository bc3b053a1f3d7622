from . import models, report, wizards
from . import http_replica

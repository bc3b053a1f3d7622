# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_intake
from . import test_processing
from . import test_clock_stop
from . import test_notices
from . import test_kpi
from . import test_privacy
from . import test_forms
from . import test_concurrency
from . import test_integrity
from . import test_crons
from . import test_transitions
from . import test_screen_translations
from . import test_tours
from . import test_setup_wizard
from . import test_dashboard
from . import test_desk_services
from . import test_service_index

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import controllers
from . import models
from . import wizards
from . import report


def uninstall_hook(env):
    """The lookup limiter's counters are a plain table (see
    ``qms.onestop.lookup``): drop it with the addon."""
    env.cr.execute("DROP TABLE IF EXISTS qms_onestop_lookup_bucket")

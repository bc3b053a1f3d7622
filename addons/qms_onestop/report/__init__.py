# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import tracking_book_xlsx
from . import period_report_xlsx

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Vietnam's days off and make-up working days, computed with the ``holidays`` package.

Pure Python (no Odoo import). The package knows the statutory holidays (Labour Code
2019 art. 112, lunar Tết and Hùng Kings), the compensatory days off when a holiday
falls on a weekend, the yearly day swaps of the Government (a weekday off paid back
by a Saturday worked) and, from 2026, Vietnam Culture Day (24 November). This is the
computed default; the agency's official yearly schedule overrides it in Odoo.
"""

import holidays

HOLIDAY = "holiday"
COMPENSATORY_OFF = "compensatory_off"
EXTRA_WORKING_DAY = "extra_working_day"


def vietnam_days(years, language="vi"):
    """Rows ``(date, name, kind)`` for the given years, sorted by date.

    ``kind`` is ``holiday`` for a statutory holiday on its own date,
    ``compensatory_off`` for a day off that replaces another one (observed
    holiday, Tết days moved off a weekend, the day off of a day swap) and
    ``extra_working_day`` for the Saturday or Sunday worked in exchange.
    """
    years = sorted(set(years))
    statutory = holidays.country_holidays(
        "VN", years=years, observed=False, language=language
    )
    full = holidays.country_holidays("VN", years=years, language=language)
    # The day off of a day swap is a "special" holiday, present even without
    # observed days: the package names it "Day off (substituted from ...)".
    english = holidays.country_holidays("VN", years=years, language="en_US")
    swapped = {d for d, n in english.items() if n.startswith("Day off (substituted")}
    rows = []
    for day, name in full.items():
        if day.year not in years:
            continue
        kind = HOLIDAY if day in statutory and day not in swapped else COMPENSATORY_OFF
        rows.append((day, name, kind))
    label = "Ngày làm việc bù (hoán đổi ngày làm việc)"
    if not language.startswith("vi"):
        label = "Make-up working day (working-day swap)"
    for day in getattr(full, "weekend_workdays", ()):
        if day.year in years:
            rows.append((day, label, EXTRA_WORKING_DAY))
    rows.sort()
    return rows

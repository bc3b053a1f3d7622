from . import qms_workday_calculator

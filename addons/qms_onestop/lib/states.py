"""States, channels and other vocabularies of the one-stop desk.

No Odoo import: the models declare their selections from these lists (Odoo
translates the labels from the fields), and the other files of the addon, the
static tests and the benchmarks import them from here.
"""

CHANNELS = [
    ("counter", "In Person at the Desk"),
    ("post", "Public Postal Service"),
    ("online_full", "Online, Full Process"),
    ("online_partial", "Online, Partial"),
    ("interagency", "Transferred From Another Agency"),
]
DOSSIER_STATES = [
    ("draft", "Draft"),
    ("in_progress", "In Progress"),
    ("waiting_supplement", "Waiting for Supplement"),
    ("waiting_interagency", "At Another Agency"),
    ("result_ready", "Result Ready"),
    ("returned", "Returned"),
    ("refused", "Refused"),
    ("stopped", "Stopped"),
    ("withdrawn", "Withdrawn"),
]
# Being processed: a step is open or the clock is stopped.
OPEN_STATES = ("in_progress", "waiting_supplement", "waiting_interagency")
# The legal clock runs.
RUNNING_STATES = ("in_progress", "waiting_interagency")
# A result exists (ready or handed over).
FINISHED_STATES = ("result_ready", "returned")
# Ended: nothing moves any more.
CLOSED_STATES = ("returned", "refused", "stopped", "withdrawn")
# Every state after receipt.
RECEIVED_STATES = tuple(key for key, _label in DOSSIER_STATES if key != "draft")
RETURN_METHODS = [
    ("desk", "At the Desk"),
    ("post", "By Post"),
    ("online", "Online"),
    ("interagency", "To the Sending Agency"),
]
TIMELINESS = [("early", "Early"), ("on_time", "On Time"), ("late", "Late")]
LINE_STATES = [
    ("pending", "Pending"),
    ("open", "In Progress"),
    ("done", "Done"),
    ("returned", "Sent Back"),
    ("cancelled", "Cancelled"),
]

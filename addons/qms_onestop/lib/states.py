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
    ("waiting_payment", "Waiting for Payment"),
    ("result_ready", "Result Ready"),
    ("returned", "Returned"),
    ("refused", "Refused"),
    ("stopped", "Stopped"),
    ("withdrawn", "Withdrawn"),
]
# Being processed: a step is open or the clock is stopped.
OPEN_STATES = (
    "in_progress",
    "waiting_supplement",
    "waiting_interagency",
    "waiting_payment",
)
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
PAYMENT_METHODS = [
    ("cash", "Cash at the Desk"),
    ("bank_transfer", "Bank Transfer"),
    ("online", "Online Payment Platform"),
]
# Payment methods that need the payment platform's or the bank's reference.
REFERENCED_METHODS = ("bank_transfer", "online")
PAYMENT_STATES = [
    ("none", "Nothing to Pay"),
    ("to_pay", "To Pay"),
    ("partial", "Partly Paid"),
    ("paid", "Paid"),
    ("refunded", "Refunded"),
]
PAY_TIMINGS = [
    ("before_processing", "Before Processing Starts"),
    ("before_return", "Before the Result Is Handed Over"),
]
# Moments the applicant is told of (a notification, or the logged reason why
# none went out).
NOTIFY_EVENTS = [
    ("received", "Dossier Received"),
    ("payment_request", "Fees to Pay"),
    ("supplement", "Supplement Requested"),
    ("refused", "Dossier Refused"),
    ("stopped", "Processing Stopped"),
    ("withdrawn", "Withdrawal Recorded"),
    ("apology", "Late: Apology and New Date"),
    ("result_ready", "Result Ready"),
    ("returned", "Result Handed Over"),
    ("result_expiring", "Result Expiring"),
]
# Process log actions that are applicant-facing moments.
LOG_NOTIFY_EVENTS = {
    "receive": "received",
    "payment_request": "payment_request",
    "supplement_request": "supplement",
    "refuse": "refused",
    "stop": "stopped",
    "withdraw": "withdrawn",
    "result_ready": "result_ready",
    "return": "returned",
}
NOTIFY_STATES = [
    ("queued", "Queued"),
    ("sent", "Sent"),
    ("failed", "Failed"),
    ("not_sent", "Not Sent"),
]
TIMELINESS = [("early", "Early"), ("on_time", "On Time"), ("late", "Late")]
LINE_STATES = [
    ("pending", "Pending"),
    ("open", "In Progress"),
    ("done", "Done"),
    ("returned", "Sent Back"),
    ("cancelled", "Cancelled"),
]

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

RECEIVER_KINDS = [
    ("applicant", "The Applicant"),
    ("authorised", "An Authorised Person"),
]
DELIVERY_STATES = [
    ("sent", "Handed to the Post"),
    ("delivered", "Delivered"),
    ("failed", "Not Delivered, Back at the Desk"),
]


class QmsOnestopDossier(models.Model):
    """Handing the result over: to whom and on what authority, identity
    checked, the signature or signed receipt, originals taken back, the paper
    dossier's place in the archive, the post's waybill and delivery, and the
    result's validity with a reminder before it expires."""

    _inherit = "qms.onestop.dossier"  # pylint: disable=consider-merging-classes-inherited

    receiver_kind = fields.Selection(
        RECEIVER_KINDS, string="Received By (who)", readonly=True, copy=False
    )
    receiver_id_document = fields.Char(
        string="Identity Document Checked",
        readonly=True,
        copy=False,
        groups="qms_onestop.group_onestop_desk,qms_onestop.group_onestop_supervisor",
    )
    identity_checked = fields.Boolean(readonly=True, copy=False)
    authorisation_number = fields.Char(
        string="Letter of Authorisation",
        readonly=True,
        copy=False,
        help="Number and date of the authorisation the person showed.",
    )
    authorisation_attachment_ids = fields.Many2many(
        "ir.attachment",
        "qms_onestop_dossier_authorisation_rel",
        string="Authorisation (scan)",
        readonly=True,
        copy=False,
    )
    receiver_signature = fields.Binary(
        string="Receiver's Signature", readonly=True, copy=False, attachment=True
    )
    signed_receipt_attachment_ids = fields.Many2many(
        "ir.attachment",
        "qms_onestop_dossier_signed_receipt_rel",
        string="Signed Receipt (scan)",
        readonly=True,
        copy=False,
    )
    originals_note = fields.Text(
        string="Originals Taken Back or Given Back", readonly=True, copy=False
    )
    archive_location = fields.Char(
        string="Paper Dossier Kept In",
        copy=False,
        help="Cabinet, shelf and box of the paper dossier in the archive.",
    )
    result_valid_until = fields.Date(
        copy=False,
        help="For a licence or certificate that expires: the applicant is "
        "reminded before.",
    )
    expiry_reminded_at = fields.Datetime(readonly=True, copy=False)
    waybill_number = fields.Char(string="Waybill No.", readonly=True, copy=False)
    delivery_state = fields.Selection(
        DELIVERY_STATES, string="Postal Delivery", readonly=True, copy=False, index=True
    )
    delivery_updated_at = fields.Datetime(readonly=True, copy=False)

    @api.model
    def _qms_handover_fields(self):
        return (
            "receiver_kind",
            "receiver_id_document",
            "identity_checked",
            "authorisation_number",
            "authorisation_attachment_ids",
            "receiver_signature",
            "signed_receipt_attachment_ids",
            "originals_note",
            "archive_location",
            "result_valid_until",
            "waybill_number",
        )

    def _qms_handover_values(self, handover, method, returned_to):
        """Check what the desk noted at the handover and give the dossier's
        values. At the desk the receiver's identity is checked, and someone
        other than the applicant shows an authorisation; a signature or a
        scanned signed receipt is the proof. By post, the waybill."""
        self.ensure_one()
        unknown = set(handover) - set(self._qms_handover_fields())
        if unknown:
            raise ValidationError(
                self.env._(
                    "Unknown handover details: %(names)s.",
                    names=", ".join(sorted(unknown)),
                )
            )
        values = dict(handover)
        kind = values.get("receiver_kind") or "applicant"
        if kind not in dict(RECEIVER_KINDS):
            raise ValidationError(self.env._("Unknown receiver."))
        values["receiver_kind"] = kind
        for name in ("authorisation_attachment_ids", "signed_receipt_attachment_ids"):
            ids = values.get(name) or []
            if ids and not all(isinstance(i, int) for i in ids):
                raise ValidationError(self.env._("Attachments are given by their ids."))
            files = self.env["ir.attachment"].browse(ids).exists()
            # The caller must be able to read the files it hands in.
            files.check_access("read")
            # Scans uploaded in a dialog become the dossier's files: guarded
            # and erased with its personal data.
            files.filtered(
                lambda f: not f.res_model or f.res_model.endswith(".wizard")
            ).sudo().write(
                {
                    "res_model": self._name,
                    "res_id": self.id,
                    "company_id": self.company_id.id,
                }
            )
            values[name] = [fields.Command.set(files.ids)]
        if method == "post":
            if not (values.get("waybill_number") or "").strip():
                raise ValidationError(
                    self.env._("A result sent by post needs the waybill number.")
                )
            values["delivery_state"] = "sent"
            values["delivery_updated_at"] = self._qms_now()
            return values
        if method != "desk":
            # Online (an electronic result) or to the sending agency.
            return values
        if kind == "authorised" and not (
            (values.get("authorisation_number") or "").strip()
            and values["authorisation_attachment_ids"][0][2]
        ):
            raise ValidationError(
                self.env._(
                    "%(who)s is not the applicant: the result is handed over only "
                    "against a letter of authorisation (its number and its scan).",
                    who=returned_to,
                )
            )
        if not self.company_id.qms_handover_proof:
            return values
        if (
            not values.get("identity_checked")
            or not (values.get("receiver_id_document") or "").strip()
        ):
            raise ValidationError(
                self.env._(
                    "Check the receiver's identity document and note its number "
                    "before handing the result over."
                )
            )
        if (
            not values.get("receiver_signature")
            and not values["signed_receipt_attachment_ids"][0][2]
        ):
            raise ValidationError(
                self.env._(
                    "The receiver signs for the result: capture the signature or "
                    "attach the scanned signed receipt."
                )
            )
        return values

    def qms_update_delivery(self, state, note=None):
        """The post reports the delivery of a result sent by post."""
        self.ensure_one()
        self._qms_lock()
        if not self._qms_is_desk():
            raise AccessError(self.env._("Only desk officers record deliveries."))
        if state not in dict(DELIVERY_STATES) or state == "sent":
            raise ValidationError(self.env._("Unknown delivery status."))
        if self.return_method != "post" or self.state != "returned":
            raise UserError(
                self.env._("Dossier %(code)s was not sent by post.", code=self.name)
            )
        if self.delivery_state == state:
            return False
        now = self._qms_now()
        self.sudo()._qms_transition(
            {"delivery_state": state, "delivery_updated_at": now}
        )
        label = dict(self._fields["delivery_state"]._description_selection(self.env))
        self._qms_log("delivery", date=now, note=label[state], reason=note or False)
        return True

    def action_delivered(self):
        return self.qms_update_delivery("delivered")

    def action_not_delivered(self):
        return self.qms_update_delivery("failed")

    @api.model
    def _cron_qms_result_expiry(self):
        """Remind applicants whose result expires within the agency's notice
        (``qms_onestop.result_expiry_notice_days``, 30 by default)."""
        days = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("qms_onestop.result_expiry_notice_days", "30")
        )
        today = fields.Date.context_today(self)
        dossiers = self.sudo().search(
            [
                ("state", "=", "returned"),
                ("result_valid_until", "!=", False),
                ("result_valid_until", "<=", today + timedelta(days=days)),
                ("result_valid_until", ">=", today),
                ("expiry_reminded_at", "=", False),
            ],
            limit=500,
        )
        for dossier in dossiers:
            dossier._qms_transition({"expiry_reminded_at": fields.Datetime.now()})
            dossier._qms_notify("result_expiring")
        return len(dossiers)

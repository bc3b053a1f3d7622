# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from psycopg2 import errors as pg_errors

from odoo import api, fields, models
from odoo.addons.qms_public_admin.lib.tthc_import import name_key as _key
from odoo.tools.mimetypes import guess_mimetype

from ..lib import api_schema as schema


class QmsOnestopApi(models.AbstractModel):
    """The integration API's filing side: attachments, the status of a
    dossier in both vocabularies, and filing (from a portal or from another
    agency's transfer)."""

    _inherit = "qms.onestop.api"  # pylint: disable=consider-merging-classes-inherited

    def _qms_attach(self, files, record, field):
        """Attachments of ``record`` from checked (name, mimetype, bytes)."""
        allowed = self._qms_api_limits()["types"]
        values = []
        for index, (name, _declared, raw) in enumerate(files):
            mimetype = guess_mimetype(raw, default="application/octet-stream")
            if mimetype not in allowed:
                raise schema.ApiError(
                    schema.BAD_TYPE,
                    "file_type",
                    field=f"{field}[{index}]",
                    type=mimetype,
                    allowed=", ".join(allowed),
                )
            values.append(
                {
                    "name": name,
                    "raw": raw,
                    "mimetype": mimetype,
                    "res_model": record._name,
                    "res_id": record.id,
                }
            )
        return self.env["ir.attachment"].sudo().create(values)

    def _qms_attach_components(self, dossier, components, field):
        for index, comp in enumerate(components):
            wanted = _key(comp["name"])
            line = dossier.component_ids.filtered(
                lambda c, wanted=wanted: _key(c.name) == wanted
            )[:1]
            if not line:
                raise schema.ApiError(
                    schema.UNKNOWN,
                    "unknown_component",
                    field=f"{field}[{index}].name",
                    name=comp["name"],
                    names="; ".join(dossier.component_ids.mapped("name")),
                )
            attachments = self._qms_attach(
                comp["files"], line, f"{field}[{index}].files"
            )
            values = {
                "attachment_ids": [fields.Command.link(a.id) for a in attachments]
            }
            if dossier.state == "draft":
                values["provided"] = True
            line.sudo().write(values)

    def _qms_iso(self, moment, company, clock=None):
        """A UTC moment as ISO 8601 in the agency's time, with its offset
        (``clock``: the agency's, when the caller already holds it)."""
        if not moment:
            return False
        local = (clock or company._qms_clock()).to_local(moment)
        offset = round((local - moment).total_seconds() / 60)
        sign = "+" if offset >= 0 else "-"
        hours, minutes = divmod(abs(offset), 60)
        return f"{local.isoformat(timespec='seconds')}{sign}{hours:02d}:{minutes:02d}"

    @api.model
    def _qms_status_values(self, dossier, with_files=False, rows=None):
        """What a portal may know of a dossier: status, dates, steps, what is
        missing, transfers, result. Nothing personal."""
        d = dossier.sudo()
        company = d.company_id

        clock = company._qms_clock()

        def iso(moment):
            return self._qms_iso(moment, company, clock)

        states = dict(d._fields["state"]._description_selection(self.env))
        line = d.current_line_id
        supplement = d.supplement_ids.filtered(
            lambda s: s.state == "issued" and s.stage == "processing"
        )[:1]
        result = False
        if d.state in ("result_ready", "returned") or d.result_number:
            result = {
                "number": d.result_number or False,
                "date": d.result_date and d.result_date.isoformat() or False,
                "signer": d.result_signer or False,
                "electronic": d.is_electronic_result,
                "files": [
                    {
                        "name": a.name,
                        "mimetype": a.mimetype,
                        "size": a.file_size,
                        "checksum": a.checksum,
                        **({"data": a.datas.decode()} if with_files else {}),
                    }
                    for a in d.result_attachment_ids
                ],
            }
        return {
            "code": d.name or False,
            "source": d.external_system or False,
            "external_code": d.external_code or False,
            "state": d.state,
            "state_label": states.get(d.state, d.state),
            "national_status": self.env["qms.onestop.status.map"]._qms_national_status(
                d, rows
            )
            or False,
            "procedure": d.tthc_id.code,
            "case": d.tthc_case_id.name,
            "agency": company.qms_agency_code or False,
            "desk": d.receiving_company_id.qms_agency_code or False,
            "channel": d.channel,
            "received_at": iso(d.received_at),
            "due_at": iso(d.due_at),
            "appointment_at": iso(d.appointment_at),
            "completed_at": iso(d.completed_at),
            "returned_at": iso(d.returned_at),
            "closed_at": iso(d.closed_at),
            "closing_reason": d.closing_reason or False,
            "timeliness": d.timeliness_override or d.timeliness or False,
            "current_step": line
            and {
                "name": line.name,
                "unit": line.unit_id.name or False,
                "due_at": iso(line.due_at),
            }
            or False,
            "supplement": supplement
            and {
                "requested_at": iso(supplement.requested_at),
                "deadline_at": iso(supplement.deadline_at),
                "items": supplement.items,
                "components": supplement.component_ids.mapped("name"),
            }
            or False,
            "transfers": [
                {
                    "agency": t.to_company_id.qms_agency_code or False,
                    "agency_name": t.to_company_id.name,
                    "state": t.state,
                    "code": t.remote_code or False,
                    "due_at": iso(t.due_at),
                    "returned_at": iso(t.returned_at),
                }
                for t in d.transfer_ids.filtered(lambda t: t.state != "draft")
            ],
            "result": result,
            "rating": d.rating_level or False,
            "payment": {
                "state": d.payment_state,
                "due": d.amount_due,
                "paid": d.amount_paid,
                "currency": d.currency_id.name,
                "timing": d.pay_timing or False,
                "fees": [
                    {
                        "name": f.name,
                        "amount": f.amount,
                        "exempt": f.exempt,
                        "exemption_reason": f.exemption_reason or False,
                    }
                    for f in d.fee_ids
                ],
                "payments": [
                    {
                        "kind": p.kind,
                        "amount": p.amount,
                        "method": p.method,
                        "reference": p.reference or False,
                        "receipt_number": p.receipt_number or False,
                        "at": iso(p.paid_at),
                    }
                    for p in d.payment_ids.sorted("id")
                ],
            },
            "handover": d.state == "returned"
            and {
                "at": iso(d.returned_at),
                "method": d.return_method,
                "receiver": d.receiver_kind or False,
                "authorised": d.receiver_kind == "authorised",
                "waybill": d.waybill_number or False,
                "delivery": d.delivery_state or False,
                "valid_until": d.result_valid_until
                and d.result_valid_until.isoformat()
                or False,
            }
            or False,
            "satisfaction": d.rating_level
            and {
                "level": d.rating_level,
                "answers": {
                    a.criterion_id.code: (
                        a.count if a.criterion_id.answer_kind == "count" else a.level
                    )
                    for r in d.env["qms.onestop.rating"].search(
                        [("dossier_id", "=", d.id)]
                    )
                    for a in r.answer_ids
                },
            }
            or False,
        }

    # ------------------------------------------------------------ filing
    def _qms_file(self, clean, allotted_days=None, origin=None):
        """File (and receive) one cleaned dossier; a second filing with the same
        source code returns the first dossier."""
        Dossier = self.env["qms.onestop.dossier"]
        desk = self._qms_agency(clean["desk"])
        existing = Dossier.sudo().search(
            [
                ("external_system", "=", clean["source"]),
                ("external_code", "=", clean["external_code"]),
            ]
        )
        if existing:
            if (
                existing.receiving_company_id != desk
                or existing.tthc_id.code != clean["procedure"]
            ):
                raise schema.ApiError(
                    schema.CONFLICT,
                    "reused_code",
                    system=clean["source"],
                    code=clean["external_code"],
                )
            return existing, True
        tthc = self.env["qms.tthc"].sudo().search([("code", "=", clean["procedure"])])
        if not tthc:
            raise schema.ApiError(
                schema.UNKNOWN, "unknown_procedure", code=clean["procedure"]
            )
        cases = tthc.case_ids.filtered("active")
        case = cases[:1]
        if clean["case"]:
            case = cases.filtered(lambda c: _key(c.name) == _key(clean["case"]))[:1]
            if not case:
                raise schema.ApiError(
                    schema.UNKNOWN,
                    "unknown_case",
                    code=tthc.code,
                    case=clean["case"],
                    cases="; ".join(cases.mapped("name")),
                )
        competent = Dossier.with_company(desk)._qms_competent_agency(tthc, case)
        if not competent:
            raise schema.ApiError(schema.REFUSED, "no_agency", code=tthc.code)
        applicant = clean["applicant"]
        values = {
            "tthc_id": tthc.id,
            "tthc_case_id": case.id,
            "company_id": competent.id,
            "receiving_company_id": desk.id,
            "channel": clean["channel"],
            "submitted_at": clean["submitted_at"] or fields.Datetime.now(),
            "applicant_name": applicant["name"],
            "applicant_type": applicant["type"],
            "id_number_raw": applicant["id_number"] or False,
            "phone_raw": applicant["phone"] or False,
            "email_raw": applicant["email"] or False,
            "address_raw": applicant["address"] or False,
            "return_method": clean["return_method"],
            "note": clean["note"] or False,
            "external_system": clean["source"],
            "external_code": clean["external_code"],
        }
        if clean.get("notify") is not None:
            channels = (
                self.env["qms.onestop.notify.channel"]
                .sudo()
                .search([("code", "in", clean["notify"])])
            )
            values["notify_channel_ids"] = [fields.Command.set(channels.ids)]
        if origin is not None:
            values.update(
                origin_transfer_id=origin.id,
                origin_agency_id=origin.company_id.id,
                origin_code=clean["origin_code"],
            )
        elif clean.get("origin_code"):
            values["origin_code"] = clean["origin_code"]
        try:
            with self.env.cr.savepoint(), Dossier.browse()._qms_unlocked(create=True):
                # No "created" message and no follower: the process log's
                # receipt and the tracked state are the trail, and an
                # integration account follows no dossier.
                dossier = (
                    Dossier.sudo()
                    .with_company(desk)
                    .with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
                    .create(values)
                )
        except pg_errors.UniqueViolation as exc:
            raise schema.ApiError(schema.BUSY, "busy_retry") from exc
        self._qms_attach_components(dossier, clean["components"], "components")
        for index, document in enumerate(clean.get("documents") or []):
            self._qms_attach(document["files"], dossier, f"documents[{index}].files")
        if allotted_days:
            # Its documents come from the sending agency's complete dossier.
            dossier.component_ids.sudo().write({"provided": True})
        dossier.qms_receive_filed(transfer=origin)
        return dossier, False

    def _qms_filed(self, dossier, duplicate):
        status = self._qms_status_values(dossier)
        return {
            "code": status["code"],
            "appointment_at": status["appointment_at"],
            "due_at": status["due_at"],
            "state": status["state"],
            "national_status": status["national_status"],
            "agency": status["agency"],
            "duplicate": duplicate,
        }

    @api.model
    def _qms_accept_transfer(self, payload, origin=None):
        """File another agency's part (the payload of
        ``qms.onestop.transfer._qms_payload``)."""
        clean = schema.transfer(payload, self._qms_api_limits())
        dossier, _duplicate = self._qms_file(clean, clean["allotted_days"], origin)
        return dossier

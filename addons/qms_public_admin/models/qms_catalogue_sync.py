# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..lib.tthc_import import name_key


class QmsCatalogueSync(models.AbstractModel):
    """Creates or updates the national catalogue (administrative procedures
    and legal documents) from checked values, idempotently: the spreadsheet
    import of the catalogue and the integration API both write through here.

    The methods run with the caller's rights; a caller that lets an account
    change the catalogue without the catalogue's own rights (the API for its
    integration accounts) checks that account first and calls them as
    superuser.
    """

    _name = "qms.catalogue.sync"
    _description = "National Catalogue Synchronisation"

    # ------------------------------------------------------------ the import
    def _qms_import_rows(self, rows):
        """Create or update the procedures of checked spreadsheet rows
        (``lib.tthc_import.parse_rows`` values); (created, updated)."""
        Tthc = self.env["qms.tthc"].with_context(active_test=False)
        existing = {
            t.code: t for t in Tthc.search([("code", "in", [r["code"] for r in rows])])
        }
        levels = {
            lvl.code: lvl
            for lvl in self.env["qms.agency.level"]
            .with_context(active_test=False)
            .search([])
        }
        # A catalogue repeats the same few sectors and laws on thousands of rows:
        # look each up (or create it) once per import.
        sectors, laws = {}, {}
        created = updated = 0
        for row in rows:
            vals = {
                "name": row["name"],
                "sector_id": self._qms_sector(row["sector"], sectors).id,
                "level_ids": [
                    (6, 0, [levels[c].id for c in row["levels"] if c in levels])
                ],
                "legal_basis_ids": [
                    (6, 0, self._qms_legal_documents(row["legal"], laws).ids)
                ],
                "online_level": row["online_level"],
                "result_type": row["result_type"] or False,
                "legal_deadline": row["legal_deadline"],
                "deadline_uom": row["deadline_uom"],
                "is_same_day": row["is_same_day"],
            }
            _tthc, is_new = self._qms_upsert_procedure(row["code"], vals, existing)
            created += is_new
            updated += not is_new
        return created, updated

    # ------------------------------------------------------------- look-ups
    def _qms_sector(self, name, cache):
        """The sector named ``name`` (created when new); ``cache`` keeps the
        ones already found during one import."""
        if not name:
            return self.env["qms.tthc.sector"]
        key = name.lower()
        if key not in cache:
            Sector = self.env["qms.tthc.sector"].with_context(active_test=False)
            cache[key] = Sector.search(
                [("name", "=ilike", name)], limit=1
            ) or Sector.create({"name": name})
        return cache[key]

    def _qms_legal_documents(self, numbers, cache):
        """The national legal documents of ``numbers``; one not known yet is
        created as unconfirmed, to be completed by the legal officer."""
        Legal = self.env["qms.legal.document"].with_context(active_test=False)
        docs = Legal.browse()
        for number in numbers:
            if number not in cache:
                doc = Legal.search(
                    [("name", "=", number), ("company_id", "=", False)], limit=1
                )
                cache[number] = doc or Legal.create(
                    {
                        "name": number,
                        "title": self.env._("(imported from the procedure catalogue)"),
                        "doc_type": "other",
                        "confirmation": "unconfirmed",
                    }
                )
            docs |= cache[number]
        return docs

    # ------------------------------------------------------- legal documents
    def _qms_sync_legal_document(self, values):
        """Create or update the national legal document ``values["number"]``
        (the other keys are fields of ``qms.legal.document``). Returns
        ``created``, ``updated`` or ``unchanged``."""
        values = {k: v or False for k, v in values.items()}
        number = values.pop("number")
        Legal = self.env["qms.legal.document"].with_context(active_test=False)
        doc = Legal.search([("name", "=", number), ("company_id", "=", False)], limit=1)
        if not doc:
            Legal.create(dict(values, name=number, confirmation="official"))
            return "created"
        changed = self._qms_changed(doc, values)
        if changed:
            doc.write(changed)
        return "updated" if changed else "unchanged"

    # ------------------------------------------------------------ procedures
    def _qms_upsert_procedure(self, code, values, existing=None):
        """Create the procedure ``code`` with ``values`` or write them on it
        (``existing``: procedures already searched, by code). Returns the
        procedure and whether it was created."""
        Tthc = self.env["qms.tthc"].with_context(active_test=False)
        if existing is None:
            tthc = Tthc.search([("code", "=", code)], limit=1)
        else:
            tthc = existing.get(code) or Tthc.browse()
        if tthc:
            tthc.write(values)
            return tthc, False
        return Tthc.create(dict(values, code=code)), True

    def _qms_sync_procedure(self, clean, agencies):
        """Make the procedure ``clean["code"]`` what the national catalogue
        says: its header, its cases (a case no longer listed is archived, as
        dossiers point to it), components, fees, legal bases and the
        performing ``agencies``. Returns ``created``, ``updated`` or
        ``unchanged``."""
        Tthc = self.env["qms.tthc"].with_context(active_test=False)
        tthc = Tthc.search([("code", "=", clean["code"])], limit=1)
        before = tthc and self._qms_snapshot(tthc)
        header = {
            "name": clean["name"],
            "sector_id": self._qms_sector(clean["sector"], {}).id,
            "online_level": clean["online_level"],
            "result_type": clean["result"] or False,
            "applicant_type": clean["applicant_type"],
            "legal_basis_ids": [
                fields.Command.set(
                    self._qms_legal_documents(clean["legal_bases"], {}).ids
                )
            ],
            "company_ids": [fields.Command.set(agencies.ids)],
        }
        case_values = [
            {
                "name": c["name"],
                "legal_deadline": c["deadline"],
                "deadline_uom": c["unit"],
                "is_same_day": c["same_day"],
            }
            for c in clean["cases"]
        ]
        if not tthc:
            header["case_ids"] = [fields.Command.create(v) for v in case_values]
        else:
            commands = []
            existing = {name_key(c.name): c for c in tthc.case_ids}
            for vals in case_values:
                case = existing.pop(name_key(vals["name"]), None)
                if case:
                    commands.append(
                        fields.Command.update(case.id, dict(vals, active=True))
                    )
                else:
                    commands.append(fields.Command.create(vals))
            commands += [
                fields.Command.update(c.id, {"active": False})
                for c in existing.values()
                if c.active
            ]
            header["case_ids"] = commands
        tthc, _created = self._qms_upsert_procedure(clean["code"], header)
        cases = {name_key(c.name): c for c in tthc.case_ids.filtered("active")}

        def case_of(name):
            return name and cases[name_key(name)].id or False

        self._qms_sync_lines(
            tthc.component_ids,
            [
                {
                    "tthc_id": tthc.id,
                    "name": c["name"],
                    "requirement": c["requirement"],
                    "paper_kind": c["paper_kind"],
                    "copies": c["copies"],
                    "case_id": case_of(c["case"]),
                    "sequence": (i + 1) * 10,
                }
                for i, c in enumerate(clean["components"])
            ],
        )
        self._qms_sync_lines(
            tthc.fee_ids,
            [
                {
                    "tthc_id": tthc.id,
                    "name": f["name"],
                    "amount": f["amount"],
                    "fee_type": f["type"],
                    "case_id": case_of(f["case"]),
                }
                for f in clean["fees"]
            ],
        )
        if tthc.active != clean["active"]:
            tthc.active = clean["active"]
        if not before:
            return "created"
        return "unchanged" if before == self._qms_snapshot(tthc) else "updated"

    def _qms_sync_lines(self, lines, values_list):
        """Make ``lines`` (components or fees) match ``values_list`` by name and
        case: update the same, create the new, delete the others."""
        existing = {(name_key(ln.name), ln.case_id.id): ln for ln in lines}
        Model = self.env[lines._name]
        for values in values_list:
            line = existing.pop((name_key(values["name"]), values["case_id"]), None)
            if line:
                changed = self._qms_changed(
                    line, {k: v for k, v in values.items() if k != "tthc_id"}
                )
                if changed:
                    line.write(changed)
            else:
                Model.create(values)
        for line in existing.values():
            line.unlink()

    # --------------------------------------------------------------- helpers
    @staticmethod
    def _qms_changed(record, values):
        return {
            name: value
            for name, value in values.items()
            if record._fields[name].convert_to_write(record[name], record) != value
        }

    def _qms_snapshot(self, tthc):
        """What a synchronisation may change on a procedure, to tell an update
        from a no-op."""

        def rows(records, names):
            return sorted(
                tuple(str(r[n].id if hasattr(r[n], "id") else r[n]) for n in names)
                for r in records
            )

        return (
            tthc.name,
            tthc.sector_id.id,
            tthc.online_level,
            tthc.result_type,
            tthc.applicant_type,
            tthc.active,
            tuple(sorted(tthc.legal_basis_ids.ids)),
            tuple(sorted(tthc.company_ids.ids)),
            rows(
                tthc.case_ids.filtered("active"),
                ("name", "legal_deadline", "deadline_uom", "is_same_day"),
            ),
            rows(
                tthc.component_ids,
                ("name", "requirement", "paper_kind", "copies", "case_id"),
            ),
            rows(tthc.fee_ids, ("name", "amount", "fee_type", "case_id")),
        )

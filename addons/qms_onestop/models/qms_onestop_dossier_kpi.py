# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..lib import onestop


class QmsOnestopDossier(models.Model):
    """On-time figures of finished dossiers, for dashboards and reports."""

    _inherit = "qms.onestop.dossier"  # pylint: disable=consider-merging-classes-inherited

    # ------------------------------------------------------------------ KPIs
    @api.model
    def _qms_kpi_rows(self, domain, start, end, by=None):
        """On-time figures of the dossiers finished in [start, end] (result ready
        or refused after processing), with one read_group; grouped by the field
        ``by`` too when given."""
        start = fields.Datetime.to_datetime(start)
        end = fields.Datetime.to_datetime(end)
        if end and end.time() == end.min.time():
            end = end.replace(hour=23, minute=59, second=59)
        domain = list(domain) + [
            ("completed_at", ">=", start),
            ("completed_at", "<=", end),
            ("timeliness", "!=", False),
        ]
        groupby = ["timeliness"] + ([by] if by else [])
        data = self.sudo()._read_group(
            domain,
            groupby,
            ["__count", "processing_days:sum", "processing_days:count"],
        )
        # One read_group; the figures of the whole and of each group come
        # from the same pure rule (lib/onestop.py: tally).
        everything = []
        per_group = {}
        for row in data:
            timeliness, *rest = row[: len(groupby)]
            counts = (timeliness, *row[len(groupby) :])
            everything.append(counts)
            if by:
                per_group.setdefault(rest[0], []).append(counts)
        total = onestop.tally(everything)
        total["groups"] = {key: onestop.tally(rows) for key, rows in per_group.items()}
        return total

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
            domain, groupby, ["__count", "processing_days:sum"]
        )
        groups = {}
        total = onestop.summarize([])
        total["days_sum"] = 0.0

        def add(bucket, timeliness, count, days):
            bucket[timeliness] += count
            bucket["finished"] += count
            bucket["days_sum"] += days or 0.0

        for row in data:
            timeliness, *rest = row[: len(groupby)]
            count, days = row[len(groupby) :]
            add(total, timeliness, count, days)
            if by:
                key = rest[0]
                bucket = groups.setdefault(
                    key, {**onestop.summarize([]), "days_sum": 0.0}
                )
                add(bucket, timeliness, count, days)
        for bucket in [total, *groups.values()]:
            finished = bucket["finished"]
            bucket["on_time_only"] = bucket["on_time"]
            bucket["on_time"] = bucket["early"] + bucket["on_time_only"]
            bucket["on_time_rate"] = (
                round(100.0 * bucket["on_time"] / finished, 2) if finished else None
            )
            bucket["average_days"] = (
                round(bucket["days_sum"] / finished, 2) if finished else None
            )
        total["groups"] = groups
        return total

# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import secrets

from odoo import api, fields, models
from odoo.exceptions import UserError


class QmsBackgroundTask(models.Model):
    """Work too long for one request (a catalogue import, a large batch of
    dossiers, a recount of the figures), run by OCA ``queue_job`` in parts.
    The task is what staff and integrators see: what was asked, how far it
    got (done/total), each part's outcome, and whether a part failed for
    good (the job itself, with its traceback and retries, is under *Job
    Queue* for the administrator). Parts write their outcome as lines, never
    to the task row, so parts that end at the same moment do not collide."""

    _name = "qms.background.task"
    _description = "Background Task"
    _order = "id desc"

    name = fields.Char(required=True, readonly=True)
    kind = fields.Selection(
        [
            ("catalogue_import", "Catalogue Import"),
            ("dost_report", "Annual Reports"),
        ],
        required=True,
        readonly=True,
    )
    reference = fields.Char(
        required=True,
        readonly=True,
        index=True,
        copy=False,
        default=lambda self: secrets.token_hex(12),
        help="What an integrator polls with.",
    )
    company_id = fields.Many2one(
        "res.company",
        string="Agency",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Started By",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
    )
    total = fields.Integer(readonly=True)
    job_uuids = fields.Text(readonly=True, groups="base.group_system")
    line_ids = fields.One2many(
        "qms.background.task.line", "task_id", string="Outcome", readonly=True
    )
    done = fields.Integer(compute="_compute_progress")
    failed_items = fields.Integer(compute="_compute_progress")
    progress = fields.Float(compute="_compute_progress", string="Progress (%)")
    state = fields.Selection(
        [
            ("queued", "Queued"),
            ("running", "Running"),
            ("done", "Done"),
            ("failed", "Failed"),
        ],
        compute="_compute_progress",
    )
    error = fields.Text(compute="_compute_progress")

    @api.depends("line_ids.count", "line_ids.ok", "total")
    def _compute_progress(self):
        # The jobs of every task shown, in one query (read as the system:
        # staff see the outcome, not the job queue).
        uuids = {task: (task.sudo().job_uuids or "").split() for task in self}
        jobs = (
            self.env["queue.job"]
            .sudo()
            .search([("uuid", "in", [u for part in uuids.values() for u in part])])
        )
        for task in self:
            lines = task.line_ids
            task.done = sum(lines.mapped("count"))
            task.failed_items = sum(lines.filtered(lambda x: not x.ok).mapped("count"))
            task.progress = 100.0 * task.done / task.total if task.total else 100.0
            mine = set(uuids[task])
            task_jobs = jobs.filtered(lambda j, mine=mine: j.uuid in mine)
            failed = task_jobs.filtered(lambda j: j.state == "failed")
            task.error = "\n".join(failed.mapped("exc_message")) or False
            if failed:
                task.state = "failed"
            elif task.done >= task.total:
                task.state = "done"
            elif lines or "started" in task_jobs.mapped("state"):
                task.state = "running"
            else:
                task.state = "queued"

    # ------------------------------------------------------------ running
    @api.model
    def _qms_start(self, name, kind, total, company=None):
        """A new task (created as the system: nobody writes tasks by hand)."""
        return (
            self.sudo()
            .create(
                {
                    "name": name,
                    "kind": kind,
                    "total": total,
                    "company_id": (company or self.env.company).id,
                    "user_id": self.env.uid,
                }
            )
            .with_env(self.env)
        )

    def _qms_delay_parts(self, method, items, size):
        """Enqueue ``self.method(part, start)`` for each part of ``size``
        items of ``items`` (``start``: the place of the part's first item), as
        the current user; their channel, with its capacity, and their retry
        pattern are the job function's (data/qms_queue_job_data.xml).
        Returns the number of parts."""
        self.ensure_one()
        uuids = []
        for start in range(0, len(items), size):
            part = items[start : start + size]
            description = self.env._(
                "%(task)s: %(first)s-%(last)s of %(total)s",
                task=self.name,
                first=start + 1,
                last=start + len(part),
                total=len(items),
            )
            job = getattr(self.with_delay(description=description), method)(part, start)
            uuids.append(job.uuid)
        self.sudo().job_uuids = " ".join(uuids)
        return len(uuids)

    def _qms_record(self, lines):
        """Record the outcome of a part: dicts of ``count``, ``ok``, ``ref``,
        ``error_code``, ``message``, ``sequence``."""
        self.ensure_one()
        self.env["qms.background.task.line"].sudo().create(
            [dict(line, task_id=self.id) for line in lines]
        )

    # ------------------------------------------------------------ the parts
    def _qms_job_catalogue(self, rows, start):
        """A part of a catalogue import: rows checked before the import
        started, created or updated by code (a retried part updates what it
        created the first time, never duplicates)."""
        created, updated = self.env["qms.catalogue.sync"]._qms_import_rows(rows)
        message = self.env._(
            "%(created)s procedure(s) created, %(updated)s updated.",
            created=created,
            updated=updated,
        )
        self._qms_record(
            [
                {
                    "count": len(rows),
                    "ok": True,
                    "sequence": start,
                    "ref": self.env._(
                        "Rows %(first)s-%(last)s",
                        first=start + 1,
                        last=start + len(rows),
                    ),
                    "message": message,
                }
            ]
        )
        return message

    def _qms_job_dost_report(self, report_ids, start):
        """A part of an annual-report run: these agencies' reports generated,
        each in its own savepoint. A report that cannot be (submitted
        meanwhile, deleted) is reported as such, not retried."""
        lines = []
        for sequence, report_id in enumerate(report_ids, start=start):
            report = self.env["qms.dost.report"].browse(report_id).exists()
            line = {"sequence": sequence, "ref": report.display_name or str(report_id)}
            try:
                with self.env.cr.savepoint():
                    if not report:
                        raise UserError(self.env._("The report no longer exists."))
                    report.action_generate()
            except UserError as exc:
                lines.append(dict(line, ok=False, message=exc.args[0]))
                continue
            lines.append(dict(line, ok=True, message=self.env._("Generated.")))
        self._qms_record(lines)
        return len(lines)

    def action_open(self):
        """The task's form (where staff watch the progress)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }

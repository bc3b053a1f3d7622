# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import secrets

from odoo import fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class QmsOnestopDossier(models.Model):
    """The applicant's satisfaction: rated once after the return, at the desk,
    on the public page (a one-time link sent with the result) or through the
    API, on the criteria in force; a low rating opens an improvement action."""

    _inherit = "qms.onestop.dossier"  # pylint: disable=consider-merging-classes-inherited

    rating_token = fields.Char(copy=False, groups="base.group_system", index=True)

    def _qms_rating_url(self):
        """The one-time rating link of a returned, unrated dossier."""
        self.ensure_one()
        raw = self.sudo()
        if self.state != "returned" or self.rating_level:
            return False
        if not raw.rating_token:
            raw._qms_transition({"rating_token": secrets.token_urlsafe(24)})
        return f"{self.get_base_url()}/danh-gia/{raw.rating_token}"

    def qms_rate(self, level=None, comment=None, source=None, answers=None, trips=None):
        """Record the applicant's rating (``answers``: criterion code → level,
        or a number for a criterion counted in numbers). Given once: the same
        overall level again changes nothing. Desk officers record it at the
        desk; the public page and the API reach here too."""
        self.ensure_one()
        self._qms_lock()
        if not self._qms_is_desk():
            raise AccessError(self.env._("Only desk officers record a rating."))
        return self._qms_rate(level, comment, source, answers, trips)

    def _qms_rate(self, level, comment, source, answers, trips):
        self.ensure_one()
        Rating = self.env["qms.onestop.rating"]
        levels = dict(Rating._fields["level"]._description_selection(self.env))
        answers = dict(answers or {})
        criteria = (
            self.env["qms.onestop.rating.criterion"]
            .sudo()
            ._qms_current(self._qms_today())
        )
        by_code = {c.code: c for c in criteria}
        unknown = set(answers) - set(by_code)
        if unknown:
            raise ValidationError(
                self.env._(
                    "Unknown criteria: %(codes)s.", codes=", ".join(sorted(unknown))
                )
            )
        overall = criteria.filtered("is_overall")[:1]
        if level is None and overall and overall.code in answers:
            level = answers[overall.code]
        if level not in levels:
            raise UserError(self.env._("Unknown rating."))
        if overall:
            answers[overall.code] = level
        if trips is not None:
            trip = criteria.filtered(lambda c: c.answer_kind == "count")[:1]
            if trip:
                answers.setdefault(trip.code, trips)
        lines = []
        for code, value in answers.items():
            criterion = by_code[code]
            if criterion.answer_kind == "count":
                if (
                    not isinstance(value, int)
                    or isinstance(value, bool)
                    or not (0 <= value <= 99)
                ):
                    raise ValidationError(
                        self.env._(
                            "“%(criterion)s” is answered with a number from 0 to 99.",
                            criterion=criterion.name,
                        )
                    )
                lines.append({"criterion_id": criterion.id, "count": value})
            else:
                if value not in levels:
                    raise ValidationError(
                        self.env._(
                            "“%(criterion)s” is answered with a satisfaction level.",
                            criterion=criterion.name,
                        )
                    )
                lines.append({"criterion_id": criterion.id, "level": value})
        if self.state != "returned":
            raise UserError(
                self.env._(
                    "Dossier %(code)s is rated once its result is returned.",
                    code=self.name,
                )
            )
        if self.rating_level:
            if self.rating_level != level:
                raise UserError(
                    self.env._("Dossier %(code)s is already rated.", code=self.name)
                )
            return False
        rating = Rating.sudo().create(
            {
                "dossier_id": self.id,
                "level": level,
                "comment": comment or False,
                "source": source or self.external_system or False,
                "trips": trips or 0,
                "rated_at": self._qms_now(),
                "officer_id": self.received_by_id.id,
                "unit_id": self.line_ids.filtered(lambda ln: ln.state == "done")
                .sorted("id")[-1:]
                .unit_id.id,
                "answer_ids": [fields.Command.create(v) for v in lines],
            }
        )
        low = level == "dissatisfied" or any(rating.answer_ids.mapped("low"))
        self.sudo()._qms_transition({"rating_level": level, "rating_token": False})
        self._qms_log("rate", note=levels[level])
        if low:
            rating._qms_transition(
                {"low": True, "action_id": rating._qms_open_action().id}
            )
        return True

    # -------------------------------------------------------------- public page
    def _qms_by_rating_token(self, token):
        """The dossier a one-time rating link opens (the page runs as the
        public user: the token is the key)."""
        if not token or len(token) < 20 or len(token) > 64:
            return self.browse()
        return self.sudo().search([("rating_token", "=", token)], limit=1)

    def _qms_rating_criteria(self):
        return (
            self.env["qms.onestop.rating.criterion"]
            .sudo()
            ._qms_current(self._qms_today())
        )

    def _qms_rating_levels(self):
        return (
            self.env["qms.onestop.rating"]
            ._fields["level"]
            ._description_selection(self.env)
        )

    def _qms_rate_from_page(self, post):
        """Answers posted by the page: ``c_<code>`` per criterion and
        ``comment``. Returns the page's outcome."""
        self.ensure_one()
        answers = {}
        for criterion in self._qms_rating_criteria():
            value = (post.get(f"c_{criterion.code}") or "").strip()
            if not value:
                continue
            if criterion.answer_kind == "count":
                if not value.isdigit():
                    return {"error": self.env._("Trips are counted in numbers.")}
                value = int(value)
            answers[criterion.code] = value
        try:
            with self.env.cr.savepoint():
                self.sudo()._qms_rate(
                    None,
                    (post.get("comment") or "")[:2000],
                    "public_page",
                    answers,
                    None,
                )
        except (UserError, ValidationError) as exc:
            return {"error": exc.args[0]}
        return {"outcome": "thanks"}

    def action_open_rating(self):
        """The desk hands its tablet to the applicant: the rating page of the
        dossier opens in a new tab."""
        self.ensure_one()
        if not self._qms_is_desk():
            raise AccessError(self.env._("Only desk officers record a rating."))
        url = self._qms_rating_url()
        if not url:
            raise UserError(
                self.env._(
                    "Dossier %(code)s is rated once its result is returned, and once.",
                    code=self.name,
                )
            )
        return {"type": "ir.actions.act_url", "url": url, "target": "new"}

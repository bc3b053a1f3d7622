# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class SurveyUserInput(models.Model):
    """A finished awareness quiz becomes a training record of the officer who
    took it (passed or not), for the competence the quiz attests."""

    _inherit = "survey.user_input"

    def _mark_done(self):
        result = super()._mark_done()
        self._qms_record_training()
        return result

    def _qms_record_training(self):
        Competence = self.env["qms.competence"].sudo()
        Training = self.env["qms.training"].sudo()
        for answer in self.filtered(lambda a: a.state == "done" and a.partner_id):
            competences = Competence.search([("survey_id", "=", answer.survey_id.id)])
            user = answer.partner_id.user_ids[:1]
            if not competences or not user:
                continue
            for competence in competences:
                Training.create(
                    {
                        "user_id": user.id,
                        "company_id": user.company_id.id,
                        "competence_id": competence.id,
                        "name": answer.survey_id.title,
                        "provider": user.company_id.name,
                        "source": "quiz",
                        "passed": answer.scoring_success,
                        "score": answer.scoring_percentage,
                        "survey_input_id": answer.id,
                    }
                )

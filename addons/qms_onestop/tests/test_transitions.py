# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import UserError

from ..lib import api_schema
from .common import HANDOVER, OnestopCase, utc


class TestTransitions(OnestopCase):
    """The dossier's named transitions move it only for its own documents, at
    the moment those documents move: called on their own (as an RPC client
    would, with ids), they refuse and change nothing."""

    def _notice(self, dossier, kind, **vals):
        return (
            self.env["qms.onestop.notice"]
            .with_user(dossier.current_line_id.user_id)
            .create(
                {
                    "dossier_id": dossier.id,
                    "kind": kind,
                    "stage": "processing",
                    "reason": "Hồ sơ cần thêm thời gian thẩm định.",
                    **vals,
                }
            )
        )

    def test_documents_cannot_be_replayed(self):
        dossier = self._received("2026-03-02 09:00")
        self._handoff(dossier, "2026-03-02 10:00")
        apology = self._notice(
            dossier, "apology", new_appointment_at=utc("2026-03-10 17:00")
        )
        refusal = self._notice(dossier, "refusal")
        with self.at("2026-03-02 11:00"):
            apology.action_submit()
            self.as_(self.approver_a, apology).validate_tier()
            apology.action_issue()
        self.assertEqual(dossier.appointment_at, utc("2026-03-10 17:00"))
        before = dossier.log_ids
        supervisor = self.as_(self.supervisor_a, dossier)
        for transition, document in [
            (supervisor.qms_apologise, apology.id),  # issued, but not now
            (supervisor.qms_refuse, refusal.id),  # a draft
            (supervisor.qms_stop, apology.id),  # another kind
            (supervisor.qms_refuse, apology),
            (supervisor.qms_supplied, 0),
            (supervisor.qms_request_supplement, 10**9),
            (supervisor.qms_transfer_out, refusal.id),
            (supervisor.qms_resume, apology.id),
        ]:
            with self.subTest(transition=transition.__name__):
                with self.assertRaises(UserError):
                    if transition.__name__ == "qms_resume":
                        transition(document, "note")
                    else:
                        transition(document)
        self.assertEqual(dossier.state, "in_progress")
        self.assertEqual(dossier.log_ids, before, "nothing was logged")
        # A dossier filed at the counter is received there, not as a filing.
        draft = self._draft()
        with self.assertRaises(UserError):
            self.as_(self.desk_a, draft).qms_receive_filed()
        self.assertEqual(draft.state, "draft")

    def test_rating_at_the_desk(self):
        dossier = self._received("2026-03-02 09:00")
        desk = self.as_(self.desk_a, dossier)
        with self.assertRaises(UserError):
            desk.qms_rate("satisfied")  # not returned yet
        self._to_result(
            dossier, ["2026-03-02 10:00", "2026-03-03 09:00", "2026-03-03 09:30"]
        )
        with self.at("2026-03-03 10:00"):
            desk.action_return_result("Nguyễn Văn An", handover=HANDOVER)
        with self.assertRaises(UserError):
            desk.qms_rate("ecstatic")
        self.assertTrue(desk.qms_rate("very_satisfied", "Nhanh gọn"))
        self.assertEqual(dossier.rating_level, "very_satisfied")
        self.assertFalse(desk.qms_rate("very_satisfied"), "the same again: no-op")
        with self.assertRaises(UserError):
            desk.qms_rate("dissatisfied")
        self.assertEqual(dossier.log_ids[-1].action, "rate")

    def test_api_choices_are_the_models(self):
        choices = self.env["qms.onestop.api"]._qms_api_choices()
        self.assertEqual(
            {k: set(v) for k, v in choices.items()},
            {k: set(v) for k, v in api_schema.CHOICES.items()},
            "the schema's defaults (used by the static tests) match the fields",
        )

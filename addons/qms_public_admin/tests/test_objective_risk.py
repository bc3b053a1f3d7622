# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import QmsSystemCase


class TestObjectives(QmsSystemCase):
    def _objective(self, **indicator):
        values = {
            "name": "Chỉ số",
            "frequency": "quarterly",
            "state": "active",
            "has_min_target": True,
            "min_target_value": 90,
        }
        values.update(indicator)
        return (
            self.env["mgmtsystem.objective"]
            .with_user(self.iso_a)
            .create(
                {
                    "name": "Hoàn thành hành động khắc phục đúng hạn",
                    "company_id": self.agency_a.id,
                    "department_id": self.unit_a.id,
                    "year": 2026,
                    "state": "in_progress",
                    "indicator_ids": [(0, 0, values)],
                }
            )
        )

    def test_defaults_and_isolation(self):
        objective = self._objective()
        self.assertEqual(objective.date_start, date(2026, 1, 1))
        self.assertEqual(objective.date_end, date(2026, 12, 31))
        self.assertEqual(objective.system_id, self.system_a)
        self.assertEqual(objective.indicator_ids.company_id, self.agency_a)
        self.assertEqual(objective.indicator_ids.qms_target_label, "≥ 90 %")
        self.assertEqual(objective.qms_status, "grey")
        Objective = self.env["mgmtsystem.objective"]
        self.assertFalse(
            Objective.with_user(self.iso_b).search([("id", "=", objective.id)])
        )
        with self.assertRaises(AccessError):
            objective.with_user(self.iso_b).read(["name"])
        self.assertTrue(
            Objective.with_user(self.inspector).search([("id", "=", objective.id)])
        )
        with self.assertRaises(AccessError):
            objective.with_user(self.inspector).write({"name": "x"})
        with self.assertRaisesRegex(ValidationError, "end before"):
            objective.date_end = date(2025, 1, 1)

    def test_values_by_hand_and_traffic_light(self):
        objective = self._objective(name="Mức độ hài lòng")
        indicator = objective.indicator_ids
        objective.user_id = self.staff_a
        Value = self.env["mgmtsystem.indicator.value"]
        # The owner of the objective enters its values; other staff cannot.
        value = Value.with_user(self.staff_a).create(
            {"indicator_id": indicator.id, "date": date(2026, 2, 10), "value": 96}
        )
        self.assertEqual(
            (value.period_start, value.period_end),
            (date(2026, 1, 1), date(2026, 3, 31)),
        )
        with self.assertRaises(AccessError):
            Value.with_user(self.staff2_a).create(
                {"indicator_id": indicator.id, "date": date(2026, 2, 11), "value": 10}
            )
        value.post()
        objective.invalidate_recordset()
        self.assertEqual(objective.qms_status, "green")
        low = Value.create(
            {"indicator_id": indicator.id, "date": date(2026, 5, 10), "value": 80}
        )
        low.post()
        objective.invalidate_recordset()
        self.assertEqual(objective.qms_status, "red")

    def test_values_from_data_source(self):
        objective = self._objective(qms_data_source="action_on_time")
        indicator = objective.indicator_ids
        # Q1: two actions done, one of them late; Q2: one done on time.
        with freeze_time("2026-01-05 08:00:00"):
            early = self._action(
                type_action="improvement", date_deadline=date(2026, 2, 1)
            )
            late = self._action(
                type_action="improvement", date_deadline=date(2026, 2, 1)
            )
            q2 = self._action(type_action="improvement", date_deadline=date(2026, 5, 1))
            (early | late | q2).action_qms_open()
        with freeze_time("2026-01-30 08:00:00"):
            early.with_user(self.staff_a).action_qms_done()
        with freeze_time("2026-03-03 08:00:00"):
            late.with_user(self.staff_a).action_qms_done()
        with freeze_time("2026-04-20 08:00:00"):
            q2.with_user(self.staff_a).action_qms_done()
        # Another agency's actions do not count.
        self.env["mgmtsystem.action"].create(
            {
                "name": "B",
                "type_action": "improvement",
                "company_id": self.agency_b.id,
                "user_id": self.iso_b.id,
            }
        )
        with freeze_time("2026-07-02 08:00:00"):
            objective.with_user(self.iso_a).action_compute_values()
        values = indicator.value_ids.sorted("date")
        self.assertEqual(values.mapped("date"), [date(2026, 3, 31), date(2026, 6, 30)])
        self.assertEqual(values.mapped("value"), [50.0, 100.0])
        self.assertTrue(all(values.mapped("qms_computed")))
        self.assertEqual(values.mapped("state"), ["posted", "posted"])
        self.assertEqual(values[0].value_state, "below_target")
        self.assertEqual(indicator.value, 100.0)
        self.assertEqual(objective.qms_status, "green")
        # Recomputing refreshes instead of duplicating (the monthly job).
        with freeze_time("2026-07-03 08:00:00"):
            self.env["mgmtsystem.indicator"]._cron_qms_compute_values()
        self.assertEqual(len(indicator.value_ids), 2)

    def test_data_sources_are_an_extension_point(self):
        sources = dict(self.env["mgmtsystem.indicator"]._qms_data_source_selection())
        self.assertIn("manual", sources)
        self.assertIn("procedure_current", sources)
        objective = self._objective(qms_data_source="procedure_current")
        procedure = self.env["qms.procedure"].create(
            {"code": "QT-9", "name": "Một", "company_id": self.agency_a.id}
        )
        version = self.env["qms.procedure.version"].create(
            {"procedure_id": procedure.id}
        )
        version._qms_transition({"state": "effective"})
        self.env["qms.procedure"].create(
            {"code": "QT-10", "name": "Hai", "company_id": self.agency_a.id}
        )
        with freeze_time("2026-04-01 08:00:00"):
            objective.action_compute_values()
        self.assertEqual(objective.indicator_ids.value_ids.value, 50.0)
        # A source whose addon is missing says so.
        with self.assertRaisesRegex(UserError, "not available"):
            self._missing_source(objective.indicator_ids)

    def _missing_source(self, indicator):
        # Write a code no addon implements, bypassing the selection check.
        self.env.cr.execute(
            "UPDATE mgmtsystem_indicator SET qms_data_source = 'ghost' WHERE id = %s",
            [indicator.id],
        )
        indicator.invalidate_recordset()
        return indicator._qms_source_value(date(2026, 1, 1), date(2026, 3, 31))


class TestRisks(QmsSystemCase):
    def _level(self, axis, value):
        return self.env.ref(f"qms_public_admin.risk_{axis}_{value}")

    def _risk(self, **vals):
        values = {
            "name": "Quá tải hồ sơ cuối năm",
            "company_id": self.agency_a.id,
            "owner_id": self.staff_a.id,
            "likelihood_id": self._level("likelihood", 4).id,
            "impact_id": self._level("impact", 3).id,
        }
        values.update(vals)
        return self.env["qms.risk"].with_user(self.iso_a).create(values)

    def test_scoring_on_the_matrix(self):
        risk = self._risk()
        self.assertEqual(risk.score, 12)
        self.assertEqual(
            risk.level_id, self.env.ref("qms_public_admin.risk_level_high")
        )
        risk.impact_id = self._level("impact", 1)
        self.assertEqual(risk.level_id, self.env.ref("qms_public_admin.risk_level_low"))
        # An agency's own bands replace the shared ones.
        Level = self.env["qms.risk.level"]
        Level.create(
            {
                "name": "Chấp nhận",
                "score_min": 1,
                "score_max": 6,
                "company_id": self.agency_a.id,
            }
        )
        Level.create(
            {
                "name": "Phải xử lý",
                "score_min": 7,
                "score_max": 25,
                "company_id": self.agency_a.id,
                "treatment_required": True,
            }
        )
        risk.impact_id = self._level("impact", 2)
        self.assertEqual(risk.level_id.name, "Phải xử lý")
        with self.assertRaisesRegex(ValidationError, "overlap"):
            Level.create(
                {
                    "name": "Trùng",
                    "score_min": 5,
                    "score_max": 8,
                    "company_id": self.agency_a.id,
                }
            )
        # An agency's own scale replaces the shared levels.
        own = self.env["qms.risk.scale"].create(
            {
                "axis": "likelihood",
                "value": 1,
                "name": "Hiếm",
                "company_id": self.agency_b.id,
            }
        )
        with self.assertRaisesRegex(ValidationError, "not a level"):
            self._risk(likelihood_id=own.id)

    def test_treatment_and_review(self):
        risk = self._risk()
        with self.assertRaisesRegex(UserError, "how the risk"):
            risk.action_start_treatment()
        risk.treatment = "mitigate"
        with self.assertRaisesRegex(UserError, "treatment action"):
            risk.action_start_treatment()
        context = risk.action_new_treatment_action()["context"]
        action = self._action(
            qms_risk_id=risk.id,
            qms_origin=context["default_qms_origin"],
            type_action=context["default_type_action"],
        )
        action.action_qms_open()
        risk.action_start_treatment()
        self.assertEqual(risk.state, "treating")
        with self.assertRaisesRegex(UserError, "Finish"):
            risk.action_monitor()
        action.with_user(self.staff_a).action_qms_done()
        with self.assertRaisesRegex(UserError, "residual"):
            risk.action_monitor()
        with self.assertRaisesRegex(ValidationError, "cannot exceed"):
            risk.write(
                {
                    "residual_likelihood_id": self._level("likelihood", 5).id,
                    "residual_impact_id": self._level("impact", 5).id,
                }
            )
        risk.write(
            {
                "residual_likelihood_id": self._level("likelihood", 2).id,
                "residual_impact_id": self._level("impact", 2).id,
                "review_date": date(2026, 12, 1),
            }
        )
        self.assertEqual(risk.residual_score, 4)
        risk.action_monitor()
        with freeze_time("2026-12-01 08:00:00"):
            self.env["qms.risk"]._cron_qms_risk_review()
            self.env["qms.risk"]._cron_qms_risk_review()
        reviews = risk.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("qms_public_admin.mail_activity_risk_review")
            )
        )
        self.assertEqual(reviews.user_id, self.staff_a)
        # Owners edit their risks; other staff and agencies do not.
        risk.with_user(self.staff_a).cause = "Cuối năm nhiều hồ sơ đất đai"
        with self.assertRaises(AccessError):
            risk.with_user(self.staff2_a).write({"cause": "x"})
        with self.assertRaises(AccessError):
            risk.with_user(self.iso_b).read(["name"])

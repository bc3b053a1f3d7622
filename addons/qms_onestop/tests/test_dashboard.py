# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from .common import OnestopCase


class TestDashboard(OnestopCase):
    """Each role's landing page counts what that role must act on, with the
    caller's rights, and each number opens exactly the records it counts."""

    def _data(self, user, local):
        with self.at(local):
            data = (
                self.env["qms.dashboard"]
                .with_user(user)
                .with_company(user.company_id)
                .qms_dashboard_data(app="onestop")
            )
        return {s["key"]: s for s in data["sections"]}

    def _card(self, section, label):
        return next(c for c in section["cards"] if c["label"] == label)["value"]

    def test_the_desk_day_and_the_leaders_results(self):
        # Monday 2 March: two received in the morning, one handed on.
        first = self._received("2026-03-02 08:30")
        second = self._received("2026-03-02 09:15")
        self._handoff(second, "2026-03-02 10:00")
        # Received the Friday before: due Wednesday, still at the desk.
        older = self._received("2026-02-27 15:00")
        desk = self._data(self.desk_a, "2026-03-02 16:00")
        self.assertNotIn("leader", desk)
        day = desk["desk"]
        self.assertEqual(self._card(day, "Received Today"), 2)
        self.assertEqual(self._card(day, "Overdue"), 0)
        rows = day["tables"][0]["rows"]
        self.assertEqual(rows[0]["cells"], [self.tthc.display_name, "2"])
        mine = desk["mine"]
        self.assertEqual(self._card(mine, "My Dossiers"), 2)  # first and older
        # What the card opens is what it counted.
        card = next(c for c in day["cards"] if c["label"] == "Received Today")
        with self.at("2026-03-02 16:00"):
            opened = (
                self.env["qms.onestop.dossier"]
                .with_user(self.desk_a)
                .search(card["action"]["domain"])
            )
        self.assertEqual(opened, first | second)
        self.assertNotIn(older, opened)
        # A week later nothing moved: the leader sees them late, by unit.
        leader = self._data(self.approver_a, "2026-03-09 10:00")
        self.assertNotIn("desk", leader)
        results = leader["leader"]
        self.assertEqual(self._card(results, "Overdue Dossiers"), 3)
        # The two received in March owe their fees, unpaid.
        self.assertEqual(self._card(results, "Fees Paid This Month"), "0.0 %")
        by_unit = next(
            t for t in results["tables"] if t["title"] == "Overdue dossiers by unit"
        )
        counts = {row["cells"][0]: row["cells"][1] for row in by_unit["rows"]}
        self.assertEqual(counts, {"Bộ phận Một cửa": "2", "Văn phòng": "1"})
        # Another agency's desk sees none of it.
        other = self._data(self.desk_b, "2026-03-02 16:00")
        self.assertEqual(self._card(other["desk"], "Received Today"), 0)

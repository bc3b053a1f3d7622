# Copyright 2026 QMS Public Admin contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo_test_helper import FakeModelLoader

from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestCoreMixins(TransactionCase):
    """The core's workflow mixins on models that use nothing else (as OCA's
    tier validation tests its mixin): what a new workflow model gets."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .fake_models import (
            QmsFakeApproval,
            QmsFakeLine,
            QmsFakeLocked,
            QmsFakeRule,
        )

        cls.loader.update_registry(
            (QmsFakeLocked, QmsFakeLine, QmsFakeRule, QmsFakeApproval)
        )
        user_group = cls.env.ref("base.group_user")
        for name in ("qms.fake.locked", "qms.fake.line", "qms.fake.approval"):
            cls.env["ir.model.access"].create(
                {
                    "name": f"access {name}",
                    "model_id": cls.env["ir.model"]._get_id(name),
                    "group_id": user_group.id,
                    "perm_read": True,
                    "perm_write": True,
                    "perm_create": True,
                    "perm_unlink": True,
                }
            )
        cls.user = cls.env["res.users"].create(
            {"name": "Trần Thị Bình", "login": "mixin_user", "email": "b@example.vn"}
        )
        cls.leader = cls.env["res.users"].create(
            {"name": "Lê Văn Cường", "login": "mixin_leader", "email": "c@example.vn"}
        )

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def _as_user(self, record):
        return record.with_user(self.user)

    def test_locked_mixin(self):
        Locked = self.env["qms.fake.locked"].with_user(self.user)
        with self.assertRaises(UserError, msg="created only in the initial state"):
            Locked.create({"name": "A", "state": "done"})
        with self.assertRaises(UserError):
            Locked.with_context(default_state="done").create({"name": "A"})
        record = Locked.create({"name": "Báo cáo"})
        with self.assertRaises(UserError, msg="the state moves by transitions"):
            record.write({"state": "done"})
        # A client's context switches nothing off.
        hostile = record.with_context(
            qms_transition=True, tracking_disable=True, qms_unlocked=True
        )
        with self.assertRaises(UserError):
            hostile.write({"state": "done"})
        record._qms_transition({"state": "done"})
        self.assertEqual(record.state, "done")
        with self.assertRaises(UserError, msg="frozen once done"):
            record.write({"name": "Khác"})
        record.write({"note": "Ghi chú"})  # an unlocked field
        with self.assertRaises(UserError, msg="a locked record is kept"):
            record.unlink()
        record._qms_transition({"state": "cancel"})
        record.unlink()  # cancelled: deletable

    def test_child_mixin(self):
        parent = self._as_user(self.env["qms.fake.locked"]).create({"name": "P"})
        Line = self.env["qms.fake.line"].with_user(self.user)
        line = Line.create({"parent_id": parent.id, "name": "Dòng 1"})
        parent._qms_transition({"state": "done"})
        with self.assertRaises(UserError):
            Line.create({"parent_id": parent.id, "name": "Dòng 2"})
        with self.assertRaises(UserError, msg="the parent as a default_ key too"):
            Line.with_context(default_parent_id=parent.id).create({"name": "Dòng 3"})
        with self.assertRaises(UserError):
            line.write({"name": "Sửa"})
        with self.assertRaises(UserError):
            line.unlink()
        line.write({"scan": "scan.pdf"})  # a free field
        with parent._qms_unlocked():
            line.write({"name": "Sửa trong chuyển trạng thái"})
        self.assertEqual(line.name, "Sửa trong chuyển trạng thái")

    def test_validity_mixin(self):
        Rule = self.env["qms.fake.rule"]
        old = Rule.create(
            {
                "name": "2018",
                "kind": "count",
                "valid_from": date(2018, 4, 21),
                "valid_to": date(2025, 6, 30),
            }
        )
        with self.assertRaises(ValidationError):
            Rule.create({"name": "x", "kind": "count", "valid_from": date(2025, 1, 1)})
        with self.assertRaises(ValidationError):
            Rule.create(
                {
                    "name": "x",
                    "kind": "other",
                    "valid_from": date(2025, 1, 1),
                    "valid_to": date(2024, 1, 1),
                }
            )
        new = Rule.create(
            {"name": "2025", "kind": "count", "valid_from": date(2025, 7, 1)}
        )
        Rule.create({"name": "y", "kind": "other", "valid_from": date(2025, 1, 1)})
        count = [("kind", "=", "count")]
        self.assertEqual(Rule._qms_in_force_on(date(2020, 1, 1), count), old)
        self.assertEqual(Rule._qms_in_force_on(date(2025, 7, 1), count), new)
        self.assertFalse(Rule._qms_in_force_on(date(2017, 1, 1), count))
        self.assertEqual(Rule.search(count + [("in_force", "=", True)]), new)
        self.assertEqual(Rule.search(count + [("in_force", "=", False)]), old)
        self.assertTrue(new.in_force)
        self.assertFalse(old.in_force)
        # An archived rule is never in force, whatever context the caller sends.
        new.active = False
        hostile = Rule.with_context(active_test=False)
        self.assertFalse(hostile._qms_in_force_on(date(2025, 7, 1), count))

    def test_approval_mixin(self):
        model = self.env["ir.model"]._get("qms.fake.approval")
        self.env["tier.definition"].create(
            {
                "model_id": model.id,
                "review_type": "individual",
                "reviewer_id": self.leader.id,
                "definition_domain": "[('amount', '>', 100)]",
            }
        )
        Approval = self.env["qms.fake.approval"].with_user(self.user)
        small = Approval.create({"name": "Nhỏ", "amount": 10})
        big = Approval.create({"name": "Lớn", "amount": 500})
        (small | big)._qms_transition({"state": "to_approve"})
        direct = (small | big)._qms_request_approval()
        self.assertEqual(direct, small, "no tier applies to the small one")
        self.assertTrue(big.review_ids)
        with self.assertRaises(ValidationError, msg="not approved while waiting"):
            big._qms_transition({"state": "approved"})
        events = big.review_events
        big.with_user(self.leader).reject_tier()
        self.assertEqual(big.rejections, 1)
        self.assertEqual(big.state, "to_approve")
        big.restart_validation()
        big.request_validation()
        big.with_user(self.leader).validate_tier()
        self.assertEqual(big.state, "approved")
        self.assertEqual(big.approved_by_id, self.leader)
        self.assertGreater(big.review_events, events + 2)
        with self.assertRaises(UserError, msg="approved records are frozen"):
            big.write({"name": "Sửa"})
        small._qms_approved()
        self.assertEqual(small.approved_by_id, self.user, "approved directly")

"""Audit actions and actors as a person reads them: Thai names, never codes or usernames."""

from __future__ import annotations

from types import SimpleNamespace

from prongsai.core.audit_labels import action_label, actor_name


def test_known_actions_have_their_own_wording_and_others_are_named_by_their_verb():
    assert action_label("eservice.request.step_completed") == "ดำเนินการขั้นตอนเสร็จ ส่งต่อขั้นตอนถัดไป"
    assert action_label("portal.news.published") == "เผยแพร่"
    assert action_label("procurement.plan.revised") == "แก้ไขฉบับที่เผยแพร่ พร้อมเหตุผล"
    assert action_label("something.never.seen_before") == "บันทึกการเปลี่ยนแปลง"


def test_the_actor_is_a_full_name_or_a_thai_channel_name():
    class Member:
        def __init__(self, full: str, username: str) -> None:
            self.full, self.username = full, username

        def get_full_name(self) -> str:
            return self.full

        def get_username(self) -> str:
            return self.username

    assert actor_name(SimpleNamespace(actor=Member("สมศักดิ์ ใจดี", "admin"), actor_label="admin")) == (
        "สมศักดิ์ ใจดี"
    )
    assert actor_name(SimpleNamespace(actor=Member(" ", "officer2"), actor_label="officer2")) == "officer2"
    assert actor_name(SimpleNamespace(actor=None, actor_label="citizen (E-Service)")) == "ประชาชน (E-Service)"
    assert actor_name(SimpleNamespace(actor=None, actor_label="system")) == "ระบบ"
    assert actor_name(SimpleNamespace(actor=None, actor_label="LINE")) == "LINE"

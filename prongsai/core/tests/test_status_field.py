"""The status columns of the state machines (``core.models.status_field``): migrations see plain columns."""

from __future__ import annotations

import weakref

from django.db.migrations.loader import MigrationLoader
from django.db.models.signals import class_prepared
from django_fsm import FSMFieldMixin

from prongsai.assets.models import Loan


def _fsm_receivers() -> int:
    """How many live ``class_prepared`` receivers are methods of a django-fsm field."""
    targets = [
        ref() if isinstance(ref, weakref.ReferenceType) else ref for _key, ref, *_ in class_prepared.receivers
    ]
    return sum(1 for target in targets if isinstance(getattr(target, "__self__", None), FSMFieldMixin))


def test_rendering_every_historical_model_connects_no_state_machine_receiver():
    # Each receiver connected here used to be called by every later model render: migrate spent most of its
    # time in them, and every test database paid it.
    before = _fsm_receivers()
    state = MigrationLoader(None, ignore_no_migrations=True).project_state()
    historical = state.apps.get_model("assets", "Loan")
    assert historical._meta.get_field("status").get_internal_type() == "CharField"
    assert _fsm_receivers() == before


def test_the_live_model_keeps_its_transitions_and_its_protected_status():
    field = Loan._meta.get_field("status")
    assert isinstance(field, FSMFieldMixin) and field.protected
    assert {t.name for t in Loan().get_all_status_transitions()} >= {"approve", "reject"}

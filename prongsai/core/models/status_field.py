"""The status column of every state machine: django-fsm's ``FSMField``, seen by migrations as a ``CharField``.

Why: ``FSMField.contribute_to_class`` connects a ``class_prepared`` receiver for every model class it is put
on, the historical models that migrations render included. ``migrate`` renders those models hundreds of times,
so the receivers pile up and each render calls all of them: profiled, nine tenths of ``migrate``'s time went
there (millions of calls), and every test database paid it. The column is the same ``varchar`` either way,
and a historical model has no transition methods for django-fsm to collect, so migrations record a plain
``CharField`` (``protected`` is a runtime rule of the descriptor, not a database property).
"""

from __future__ import annotations

from typing import Any

from django_fsm import FSMField


class StatusField(FSMField):
    def deconstruct(self) -> Any:
        name, _path, args, kwargs = super().deconstruct()
        kwargs.pop("protected", None)
        return name, "django.db.models.CharField", args, kwargs

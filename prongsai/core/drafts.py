"""Changing an existing row from the keyword arguments of a service: the one way every app does it.

An update service names each field it accepts as a keyword argument whose default is ``UNSET``, so a
typo is a type error and "not given" is different from "set to empty":

    @transaction.atomic
    def news_update_draft(*, article, acting_user, title: str | Unset = UNSET, body: str | Unset = UNSET):
        locked = NewsArticle.objects.select_for_update().get(pk=article.pk)
        changed = assign(locked, given(title=title, body=body))
        save_changes(locked, changed)

``assign`` sets the values and says which columns changed; ``save_changes`` validates the whole row and
writes only those columns (``update_fields``), so a concurrent change of another column is never
overwritten with a stale value (STYLE.md A.14, B.6).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from typing import Any, Final, TypeVar

from django.core.exceptions import FieldDoesNotExist
from django.db import models


class Unset(enum.Enum):
    """The type of ``UNSET``: a keyword argument the caller did not give."""

    UNSET = "unset"

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = Unset.UNSET

M = TypeVar("M", bound=models.Model)


def given(**values: Any) -> dict[str, Any]:
    """The keyword arguments the caller gave, in order: every value except ``UNSET``."""
    return {name: value for name, value in values.items() if value is not UNSET}


def _column(model: type[models.Model], name: str) -> str:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist as exc:
        raise ValueError(f"{model.__name__} has no field {name!r}") from exc
    if not getattr(field, "concrete", False) or field.many_to_many:
        raise ValueError(f"{model.__name__}.{name} is not a column and cannot be assigned")
    return field.name


def assign(record: M, changes: Mapping[str, Any]) -> list[str]:
    """Set ``changes`` on ``record`` and return the names of the fields given.

    A name that is not a column of the model (a typo, a relation, a many-to-many) is a programming error
    and raises ``ValueError`` before anything is set.
    """
    names = [_column(type(record), name) for name in changes]
    for name, value in changes.items():
        setattr(record, name, value)
    return names


def save_changes(record: models.Model, names: Iterable[str], *, validate: bool = True) -> None:
    """Validate ``record`` and write the columns ``names`` (and ``updated_at``) of the existing row.

    Validation (``full_clean``) checks the whole row, so a field that became invalid together with another
    is still caught; only the named columns are written.
    """
    if record._state.adding or record.pk is None:
        raise ValueError("save_changes writes an existing row; save a new row with full_clean() and save()")
    if validate:
        record.full_clean()
    columns = list(dict.fromkeys(names))
    if any(f.name == "updated_at" for f in record._meta.concrete_fields) and "updated_at" not in columns:
        columns.append("updated_at")
    if columns:
        record.save(update_fields=columns)

"""Reading the versioned catalogue files of ``ita/data/`` and loading them into the catalogue models.

The files are the source of truth kept in the repository (reviewable, with a history); the models are what
an operator corrects when NACC's wording turns out different. Loading is idempotent: an existing catalogue
is left alone unless ``replace=True``, so corrections made in the admin are not overwritten by accident.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.db import transaction
from django.db.models import ProtectedError

from prongsai.ita.models import (
    Catalogue,
    GradeBand,
    Indicator,
    OitElement,
    OitItem,
    Question,
    Window,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
CATALOGUE_FILES = (
    "catalogue-2566.yaml",
    "catalogue-2567-A.yaml",
    "catalogue-2567-B.yaml",
    "catalogue-2568.yaml",
)


class CatalogueFileError(ValueError):
    """A catalogue file that contradicts itself or the subject vocabulary."""


@dataclass(frozen=True)
class Subject:
    key: str
    title: str
    owner: str
    checks: dict[str, str]


@cache
def subjects() -> dict[str, Subject]:
    """The data-subject vocabulary (``data/subjects.yaml``)."""
    raw = yaml.safe_load((DATA_DIR / "subjects.yaml").read_text(encoding="utf-8"))
    return {
        key: Subject(key=key, title=value["title"], owner=value["owner"], checks=dict(value["checks"]))
        for key, value in raw.items()
    }


def _read(name: str) -> dict[str, Any]:
    data = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise CatalogueFileError(f"{name}: not a mapping")
    return data


def read_catalogue(name: str) -> dict[str, Any]:
    """A catalogue file with its ``include`` and ``oit_items_from`` resolved."""
    data = _read(name)
    merged: dict[str, Any] = {}
    if "include" in data:
        merged.update(_read(data["include"]))
    merged.update({k: v for k, v in data.items() if k != "include"})
    if "oit_items_from" in data:
        merged["oit_items"] = read_catalogue(data["oit_items_from"])["oit_items"]
    return merged


def file_digest(name: str) -> str:
    digest = hashlib.sha256()
    data = _read(name)
    for part in [name, data.get("include"), data.get("oit_items_from")]:
        if part:
            digest.update((DATA_DIR / part).read_bytes())
    return digest.hexdigest()


def validate(name: str, data: dict[str, Any]) -> None:
    """Refuse a file whose items name unknown indicators, windows, subjects or checks."""
    vocabulary = subjects()
    numbers = {row[0] for row in data["indicators"]}
    codes: set[str] = set()
    for item in data["oit_items"]:
        where = f"{name} {item.get('code')}"
        if item["code"] in codes:
            raise CatalogueFileError(f"{where}: code appears twice")
        codes.add(item["code"])
        if item["indicator"] not in numbers:
            raise CatalogueFileError(f"{where}: unknown indicator {item['indicator']}")
        if item["window"] not in Window.values:
            raise CatalogueFileError(f"{where}: unknown window {item['window']}")
        if not item.get("elements"):
            raise CatalogueFileError(f"{where}: an item needs at least one element")
        for element in item["elements"]:
            subject, check = element[0], element[1]
            if subject not in vocabulary:
                raise CatalogueFileError(f"{where}: unknown data subject {subject!r}")
            if check not in vocabulary[subject].checks:
                raise CatalogueFileError(f"{where}: subject {subject!r} has no check {check!r}")
            if len(element) > 3 and element[3] not in Window.values:
                raise CatalogueFileError(f"{where}: unknown window {element[3]}")


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@transaction.atomic
def load_catalogue(name: str, *, replace: bool = False) -> tuple[Catalogue, bool]:
    """Load one catalogue file; return the catalogue and whether it was (re)written."""
    data = read_catalogue(name)
    validate(name, data)
    code = str(data["code"])
    existing = Catalogue.objects.filter(code=code).first()
    if existing is not None and not replace:
        return existing, False
    if existing is not None:
        try:
            existing.delete()
        except ProtectedError:
            raise CatalogueFileError(
                f"{name}: catalogue {code} is in use by agencies' settings or results; "
                "correct it in the operator admin instead of replacing it"
            ) from None
    catalogue = Catalogue.objects.create(
        code=code,
        fiscal_year=int(data["fiscal_year"]),
        variant=str(data.get("variant") or ""),
        title_th=data["title_th"],
        description=str(data.get("description") or "").strip(),
        is_default=bool(data.get("default")),
        oit_scoring=data.get("oit_scoring", "binary"),
        source_file=name,
        source_sha256=file_digest(name),
    )
    indicators: dict[int, Indicator] = {}
    for number, name_th, name_en, instrument, weight, confidence in data["indicators"]:
        indicators[number] = Indicator.objects.create(
            catalogue=catalogue,
            number=number,
            name_th=name_th,
            name_en=name_en,
            instrument=instrument,
            weight=Decimal(weight),
            confidence=confidence,
        )
    for scheme, rows in data["grade_bands"].items():
        for order, (label, min_total, min_each, passes, confidence) in enumerate(rows):
            GradeBand.objects.create(
                catalogue=catalogue,
                scheme=scheme,
                order=order,
                label=label,
                min_total=Decimal(min_total),
                min_each_instrument=_dec(min_each),
                passes=passes,
                confidence=confidence,
            )
    for order, (q_code, indicator, scale, reverse, sub_items, gloss, confidence) in enumerate(
        data["questions"]
    ):
        Question.objects.create(
            catalogue=catalogue,
            code=q_code,
            order=order,
            instrument=indicators[indicator].instrument,
            indicator=indicators[indicator],
            text_en=gloss,
            scale=scale,
            sub_items=list(sub_items),
            reverse_keyed=reverse,
            confidence=confidence,
        )
    for order, raw in enumerate(data["oit_items"], start=1):
        group = raw.get("group") or ["", ""]
        item = OitItem.objects.create(
            catalogue=catalogue,
            code=raw["code"],
            order=order,
            indicator=indicators[raw["indicator"]],
            group_code=str(group[0]),
            group_title=str(group[1]),
            title_th=raw["title"],
            title_en=raw.get("title_en", ""),
            window=raw["window"],
            confidence=raw.get("confidence", "M"),
            notes=raw.get("notes", ""),
        )
        for e_order, element in enumerate(raw["elements"], start=1):
            OitElement.objects.create(
                item=item,
                order=e_order,
                subject=element[0],
                check_key=element[1],
                label_th=element[2],
                window=element[3] if len(element) > 3 else "",
            )
    return catalogue, True


def load_all(*, replace: bool = False) -> list[tuple[Catalogue, bool]]:
    """Load every catalogue file of the repository."""
    return [load_catalogue(name, replace=replace) for name in CATALOGUE_FILES]

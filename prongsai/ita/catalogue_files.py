"""Reading ITA catalogue files (``ita/data/`` or any file an operator loads) into the catalogue models.

A catalogue is data, not code: one YAML (or JSON) file per fiscal year and variant, validated against
``data/catalogue.schema.json`` and the subject vocabulary (docs/ita-catalogue-format.md). The files of the
repository are the source of truth; the models are what an operator corrects. Loading the repository's files
is idempotent: an existing catalogue is left alone unless ``replace=True``. ``preview`` says what a file
would change in the database and ``apply_file`` applies it in place (items are matched by code, so agencies'
settings, results and snapshots that point to the catalogue stay valid).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from django.db import transaction

from prongsai.core.pagecache import bump_global
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
SCHEMA_FILE = DATA_DIR / "catalogue.schema.json"
CATALOGUE_FILES = (
    "catalogue-2566.yaml",
    "catalogue-2567-A.yaml",
    "catalogue-2567-B.yaml",
    "catalogue-2568.yaml",
    "catalogue-2569.yaml",
)


class CatalogueFileError(ValueError):
    """A catalogue file that contradicts itself, the schema or the subject vocabulary."""


@dataclass(frozen=True)
class Subject:
    key: str
    title: str
    owner: str
    checks: dict[str, str]


@cache
def subjects() -> dict[str, Subject]:
    """The data-subject vocabulary (``data/subjects.yaml``)."""
    import yaml  # here, not at start-up (core/tests/test_startup.py)

    raw = yaml.safe_load((DATA_DIR / "subjects.yaml").read_text(encoding="utf-8"))
    return {
        key: Subject(key=key, title=value["title"], owner=value["owner"], checks=dict(value["checks"]))
        for key, value in raw.items()
    }


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return loaded


def _parse(text: str, name: str) -> dict[str, Any]:
    import yaml  # here, not at start-up (core/tests/test_startup.py)

    try:
        data = yaml.safe_load(text)  # JSON is YAML too
    except yaml.YAMLError as exc:
        raise CatalogueFileError(f"{name}: not a YAML or JSON file ({exc.__class__.__name__})") from None
    if not isinstance(data, dict):
        raise CatalogueFileError(f"{name}: not a mapping")
    return data


def _read(name: str, base: Path = DATA_DIR) -> dict[str, Any]:
    path = base / name
    if not path.exists() and base != DATA_DIR:
        path = DATA_DIR / name  # an uploaded file may include the repository's framework file
    if not path.exists():
        raise CatalogueFileError(f"{name}: file not found")
    return _parse(path.read_text(encoding="utf-8"), name)


def resolve(data: dict[str, Any], *, base: Path = DATA_DIR) -> dict[str, Any]:
    """A parsed catalogue with its ``include`` and ``oit_items_from`` resolved."""
    merged: dict[str, Any] = {}
    if "include" in data:
        merged.update(_read(data["include"], base))
    merged.update({k: v for k, v in data.items() if k != "include"})
    if "oit_items_from" in data:
        merged["oit_items"] = resolve(_read(data["oit_items_from"], base), base=base)["oit_items"]
    return merged


def read_catalogue(name: str) -> dict[str, Any]:
    """A catalogue file of the repository with its ``include`` and ``oit_items_from`` resolved."""
    return resolve(_read(name))


def file_digest(name: str) -> str:
    digest = hashlib.sha256()
    data = _read(name)
    for part in [name, data.get("include"), data.get("oit_items_from")]:
        if part:
            digest.update((DATA_DIR / part).read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class ElementSpec:
    subject: str
    check: str
    label: str
    window: str
    year_offset: int


def element_spec(raw: list[Any]) -> ElementSpec:
    window = raw[3] if len(raw) > 3 and raw[3] else ""
    options = raw[4] if len(raw) > 4 else {}
    return ElementSpec(str(raw[0]), str(raw[1]), str(raw[2]), str(window), int(options.get("year", 0)))


def validate(name: str, data: dict[str, Any]) -> None:
    """Refuse a file that breaks the schema or names unknown indicators, windows, subjects or checks."""
    import jsonschema  # here, not at start-up (core/tests/test_startup.py)

    validator = jsonschema.Draft202012Validator(schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(root)"
        raise CatalogueFileError(f"{name}: {where}: {first.message}")
    for section in ("indicators", "grade_bands", "questions", "oit_items"):
        if section not in data:
            raise CatalogueFileError(f"{name}: section {section!r} missing (and not included)")
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
            spec = element_spec(element)
            if spec.subject not in vocabulary:
                raise CatalogueFileError(f"{where}: unknown data subject {spec.subject!r}")
            if spec.check not in vocabulary[spec.subject].checks:
                raise CatalogueFileError(f"{where}: subject {spec.subject!r} has no check {spec.check!r}")
            if spec.window and spec.window not in Window.values:
                raise CatalogueFileError(f"{where}: unknown window {spec.window}")


def _dec(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


# --- preview ---------------------------------------------------------------------------------------------


@dataclass
class ItemChange:
    code: str
    title: str
    changes: list[str]


@dataclass
class Preview:
    """What loading a file would do to the database (nothing is written to build it)."""

    code: str
    fiscal_year: int
    title_th: str
    is_new: bool
    added: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    changed: list[ItemChange] = field(default_factory=list)
    catalogue_changes: list[str] = field(default_factory=list)
    item_count: int = 0

    @property
    def has_changes(self) -> bool:
        return self.is_new or bool(self.added or self.removed or self.changed or self.catalogue_changes)


def _element_tuple(spec: ElementSpec) -> tuple[str, str, str, str, int]:
    return (spec.subject, spec.check, spec.label, spec.window, spec.year_offset)


def preview(data: dict[str, Any]) -> Preview:
    """Compare a resolved, validated catalogue with the one stored under the same code."""
    code = str(data["code"])
    existing = Catalogue.objects.filter(code=code).first()
    result = Preview(
        code=code,
        fiscal_year=int(data["fiscal_year"]),
        title_th=str(data["title_th"]),
        is_new=existing is None,
        item_count=len(data["oit_items"]),
    )
    if existing is None:
        result.added = [(raw["code"], raw["title"]) for raw in data["oit_items"]]
        return result
    if existing.title_th != data["title_th"]:
        result.catalogue_changes.append(f"title: {existing.title_th} -> {data['title_th']}")
    if existing.fiscal_year != int(data["fiscal_year"]):
        result.catalogue_changes.append(f"fiscal_year: {existing.fiscal_year} -> {data['fiscal_year']}")
    stored = {
        item.code: item
        for item in existing.oit_items.select_related("indicator").prefetch_related("elements")
    }
    incoming = {raw["code"]: raw for raw in data["oit_items"]}
    result.removed = [(c, stored[c].title_th) for c in stored if c not in incoming]
    for raw in data["oit_items"]:
        item = stored.get(raw["code"])
        if item is None:
            result.added.append((raw["code"], raw["title"]))
            continue
        changes: list[str] = []
        if item.title_th != raw["title"]:
            changes.append(f"title: {item.title_th} -> {raw['title']}")
        if item.window != raw["window"]:
            changes.append(f"window: {item.window} -> {raw['window']}")
        if item.indicator.number != raw["indicator"]:
            changes.append(f"indicator: {item.indicator.number} -> {raw['indicator']}")
        old = [(e.subject, e.check_key, e.label_th, e.window, e.year_offset) for e in item.elements.all()]
        new = [_element_tuple(element_spec(e)) for e in raw["elements"]]
        for gone in [e for e in old if e not in new]:
            changes.append(f"- element {gone[0]}.{gone[1]}: {gone[2]}")
        for came in [e for e in new if e not in old]:
            changes.append(f"+ element {came[0]}.{came[1]}: {came[2]}")
        if changes:
            result.changed.append(ItemChange(raw["code"], raw["title"], changes))
    return result


# --- apply -----------------------------------------------------------------------------------------------


@transaction.atomic
def apply_catalogue(data: dict[str, Any], *, source_file: str, digest: str) -> Catalogue:
    """Write a resolved, validated catalogue, updating the stored one with the same code in place."""
    code = str(data["code"])
    fiscal_year = int(data["fiscal_year"])
    is_default = bool(data.get("default"))
    catalogue = Catalogue.objects.select_for_update().filter(code=code).first()
    if is_default:
        Catalogue.objects.filter(fiscal_year=fiscal_year, is_default=True).exclude(code=code).update(
            is_default=False
        )
    values = {
        "fiscal_year": fiscal_year,
        "variant": str(data.get("variant") or ""),
        "title_th": data["title_th"],
        "description": str(data.get("description") or "").strip(),
        "is_default": is_default,
        "oit_scoring": data.get("oit_scoring", "binary"),
        "previous_code": str(data.get("from_catalogue") or ""),
        "source_file": source_file,
        "source_sha256": digest,
    }
    if catalogue is None:
        catalogue = Catalogue.objects.create(code=code, **values)
    else:
        for key, value in values.items():
            setattr(catalogue, key, value)
        catalogue.save()
    indicators: dict[int, Indicator] = {}
    for number, name_th, name_en, instrument, weight, confidence in data["indicators"]:
        indicators[number], _created = Indicator.objects.update_or_create(
            catalogue=catalogue,
            number=number,
            defaults={
                "name_th": name_th,
                "name_en": name_en,
                "instrument": instrument,
                "weight": Decimal(weight),
                "confidence": confidence,
            },
        )
    catalogue.indicators.exclude(number__in=list(indicators)).delete()
    catalogue.grade_bands.all().delete()
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
    catalogue.questions.all().delete()
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
    # Items are matched by code; orders are moved out of the way first (no clash while renumbering).
    codes = [raw["code"] for raw in data["oit_items"]]
    catalogue.oit_items.exclude(code__in=codes).delete()
    for order, raw in enumerate(data["oit_items"], start=1):
        group = raw.get("group") or ["", ""]
        item, _created = OitItem.objects.update_or_create(
            catalogue=catalogue,
            code=raw["code"],
            defaults={
                "order": order,
                "indicator": indicators[raw["indicator"]],
                "group_code": str(group[0]),
                "group_title": str(group[1]),
                "title_th": raw["title"],
                "title_en": raw.get("title_en", ""),
                "window": raw["window"],
                "confidence": raw.get("confidence", "M"),
                "notes": raw.get("notes", ""),
                "replaces": [str(c) for c in raw.get("from", [])],
            },
        )
        item.elements.all().delete()
        OitElement.objects.bulk_create(
            OitElement(
                item=item,
                order=e_order,
                subject=spec.subject,
                check_key=spec.check,
                label_th=spec.label,
                window=spec.window,
                year_offset=spec.year_offset,
            )
            for e_order, spec in enumerate((element_spec(e) for e in raw["elements"]), start=1)
        )
    # A catalogue is the instance's, not an agency's: every agency's OIT index and stored readiness change.
    bump_global()
    transaction.on_commit(bump_global)
    return catalogue


def load_catalogue(name: str, *, replace: bool = False) -> tuple[Catalogue, bool]:
    """Load one catalogue file of the repository; return the catalogue and whether it was (re)written."""
    data = read_catalogue(name)
    validate(name, data)
    existing = Catalogue.objects.filter(code=str(data["code"])).first()
    if existing is not None and not replace:
        return existing, False
    return apply_catalogue(data, source_file=name, digest=file_digest(name)), True


def load_all(*, replace: bool = False) -> list[tuple[Catalogue, bool]]:
    """Load every catalogue file of the repository."""
    return [load_catalogue(name, replace=replace) for name in CATALOGUE_FILES]


@dataclass(frozen=True)
class CatalogueUpload:
    """A catalogue file read from outside the repository (the command's FILE or an upload)."""

    name: str
    data: dict[str, Any]
    digest: str


def read_upload(content: bytes, name: str, *, base: Path = DATA_DIR) -> CatalogueUpload:
    """Parse, resolve and validate a catalogue file given as bytes; raise ``CatalogueFileError``."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise CatalogueFileError(f"{name}: not UTF-8 text") from None
    data = resolve(_parse(text, name), base=base)
    validate(name, data)
    return CatalogueUpload(name=name, data=data, digest=hashlib.sha256(content).hexdigest())

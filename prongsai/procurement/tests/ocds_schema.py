"""Offline validation against the official OCDS 1.1.5 schemas copied into prongsai/procurement/schemas.

The package schemas refer to the release schema by URL; the registry maps that URL to the local file and
refuses to retrieve anything else, so a test can never reach the network.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT4

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas" / "ocds-1.1.5"
BASE = "https://standard.open-contracting.org/schema/1__1__5/"


def _load(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def _refuse(uri: str) -> Resource[Any]:
    raise NoSuchResource(ref=uri)


@lru_cache(maxsize=1)
def _registry() -> Registry[Any]:
    resources = [
        (BASE + name, Resource.from_contents(_load(name), default_specification=DRAFT4))
        for name in ("release-schema.json", "release-package-schema.json", "record-package-schema.json")
    ]
    return Registry(retrieve=_refuse).with_resources(resources)  # type: ignore[call-arg]


def validator(name: str) -> Draft4Validator:
    return Draft4Validator(_load(name), registry=_registry(), format_checker=FormatChecker())


def errors(document: dict[str, Any], name: str) -> list[str]:
    """Every validation error of ``document`` against schema ``name``, as readable lines."""
    return [
        f"{'/'.join(str(p) for p in error.absolute_path)}: {error.message}"
        for error in validator(name).iter_errors(document)
    ]

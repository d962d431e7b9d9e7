"""The rows an import's validation parsed, kept beside the upload so that the commit skips parsing them.

On 100,000 e-GP rows, reading and parsing the file was half of the commit's time, and the validation had just
done it. When a file passes validation, its parsed rows (with each file row's digest) are written to a staging
file next to the upload: JSON lines, one line per chunk, after a header with the parser version, the upload's
SHA-256 and an HMAC of the body under ``SECRET_KEY`` (so a changed staging file is not trusted).

The commit reads the file again instead (``Unusable``) when the staging file is missing, from another parser
version or another upload, altered, or when a row that the validation skipped as unchanged has been edited
since: its parsed values were never kept. The staging file is deleted when the commit is done.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from operator import attrgetter
from typing import Any

from django.utils.crypto import constant_time_compare, salted_hmac

from . import egp_import
from .egp_import import ParsedRow
from .models import Category, EgpStatus, ImportBatch, Method

SUFFIX = ".rows.jsonl"
_SALT = "prongsai.procurement.import_staging"
_FIELDS = [f.name for f in fields(ParsedRow)]
_DECIMALS = {"budget", "reference_price", "agreed_price"}
_DATES = {"announced_on", "contract_signed_on", "contract_ends_on"}
_CHOICES: dict[str, Any] = {"egp_status": EgpStatus, "method": Method, "category": Category}


class Unusable(Exception):
    """The staging file cannot stand in for the upload: the commit reads the upload itself."""


@dataclass
class StagedChunk:
    """One chunk of the validated file: the rows it parsed, with their digests, and the rows it skipped
    unparsed because the register already held their digest (row number, project number, digest)."""

    parsed: list[tuple[str, ParsedRow]] = field(default_factory=list)
    same: list[tuple[int, str, str]] = field(default_factory=list)


def _name(batch: ImportBatch) -> str:
    return f"{batch.file.name}{SUFFIX}"


def _to_json(value: Any) -> str:
    """Decimal and date values (the JSON encoder calls this only for what it cannot write itself)."""
    if isinstance(value, Decimal | date):
        return str(value)  # "1250000.00"; ISO "2024-01-15"
    raise TypeError(type(value).__name__)


def _converters() -> list[Any]:
    """For each ParsedRow field in order, what turns its JSON value back into the field's value."""

    def optional(convert: Any) -> Any:
        return lambda value: None if value is None else convert(value)

    convert: list[Any] = []
    for name in _FIELDS:
        if name in _DECIMALS:
            convert.append(optional(Decimal))
        elif name in _DATES:
            convert.append(optional(date.fromisoformat))
        elif name in _CHOICES:
            convert.append({str(choice): choice for choice in _CHOICES[name]}.__getitem__)
        else:
            convert.append(None)
    return convert


_CONVERT = _converters()
_VALUES = attrgetter(*_FIELDS)


def _row_from(values: list[Any]) -> ParsedRow:
    pairs = zip(_CONVERT, values, strict=True)
    return ParsedRow(*[value if convert is None else convert(value) for convert, value in pairs])


def _signature(body: bytes) -> str:
    return salted_hmac(_SALT, body, algorithm="sha256").hexdigest()


def write(batch: ImportBatch, chunks: list[StagedChunk]) -> None:
    lines = []
    for chunk in chunks:
        parsed = [(digest, *_VALUES(row)) for digest, row in chunk.parsed]
        lines.append(json.dumps({"parsed": parsed, "same": chunk.same}, ensure_ascii=False, default=_to_json))
    body = "\n".join(lines).encode()
    header = json.dumps(
        {"version": egp_import.PARSER_VERSION, "sha256": batch.sha256, "hmac": _signature(body)}
    )
    storage = batch.file.storage
    name = _name(batch)
    storage.delete(name)
    with storage.open(name, "wb") as handle:
        handle.write(header.encode() + b"\n" + body)


def read(batch: ImportBatch) -> Iterator[StagedChunk]:
    """The staged chunks of the batch, or ``Unusable`` (raised before the first chunk)."""
    storage = batch.file.storage
    name = _name(batch)
    if not batch.file or not storage.exists(name):
        raise Unusable("no staging file")
    with storage.open(name, "rb") as handle:
        content: bytes = handle.read()
    head, _newline, body = content.partition(b"\n")
    try:
        header = json.loads(head)
    except ValueError:
        raise Unusable("unreadable header") from None
    if header.get("version") != egp_import.PARSER_VERSION or header.get("sha256") != batch.sha256:
        raise Unusable("another parser version or upload")
    if not constant_time_compare(header.get("hmac", ""), _signature(body)):
        raise Unusable("altered")
    return _chunks(body)


def _chunks(body: bytes) -> Iterator[StagedChunk]:
    for line in body.split(b"\n") if body else []:
        data = json.loads(line)
        yield StagedChunk(
            parsed=[(digest, _row_from(values)) for digest, *values in data["parsed"]],
            same=[(row, project, digest) for row, project, digest in data["same"]],
        )


def delete(batch: ImportBatch) -> None:
    if batch.file:
        batch.file.storage.delete(_name(batch))

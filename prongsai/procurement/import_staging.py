"""The rows an import's validation parsed, kept beside the upload so that the commit skips parsing them.

On 100,000 e-GP rows, reading and parsing the file was half of the commit's time, and the validation had just
done it. When a file passes validation, its parsed rows (with each file row's digest) are written to a staging
file next to the upload: JSON lines, one line per chunk (its rows column by column), after a header with the
parser version, the staging format, the upload's SHA-256 and an HMAC of the body under ``SECRET_KEY`` (so a
changed staging file is not trusted).

The commit reads the file again instead (``Unusable``) when the staging file is missing, from another parser
version or another upload, altered, or when a row that the validation skipped as unchanged has been edited
since: its parsed values were never kept. The staging file is deleted when the commit is done.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
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
# The layout of the body; a staging file of another layout (written before an upgrade) is not read.
# 2: each chunk's parsed rows column by column (ADR 0127); 1 (no "format" in the header): row by row.
FORMAT = 2
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


def _text(values: list[Any]) -> list[str | None]:
    """Decimal and date values as JSON can hold them: "1250000.00", ISO "2024-01-15"; None stays None."""
    return [None if value is None else str(value) for value in values]


def _decoders() -> dict[str, Callable[[list[Any]], list[Any]]]:
    """For each ParsedRow field, what turns its column of JSON values back into the field's values."""

    def optional(convert: Callable[[str], Any]) -> Callable[[list[Any]], list[Any]]:
        return lambda values: [None if value is None else convert(value) for value in values]

    def plain(values: list[Any]) -> list[Any]:
        return values

    decode: dict[str, Callable[[list[Any]], list[Any]]] = {}
    for name in _FIELDS:
        if name in _DECIMALS:
            decode[name] = optional(Decimal)
        elif name in _DATES:
            decode[name] = optional(date.fromisoformat)
        elif name in _CHOICES:
            lookup = {str(choice): choice for choice in _CHOICES[name]}.__getitem__
            decode[name] = lambda values, lookup=lookup: list(map(lookup, values))  # type: ignore[misc]
        else:
            decode[name] = plain
    return decode


_DECODE = _decoders()


def _columns(parsed: list[tuple[str, ParsedRow]]) -> dict[str, list[Any]]:
    """A chunk's parsed rows column by column (field → the rows' values, and "digest"): a few calls per
    field, where a list per row cost a Python step per value to write and to read back (ADR 0127)."""
    rows = [row for _digest, row in parsed]
    columns: dict[str, list[Any]] = {"digest": [digest for digest, _row in parsed]}
    for name in _FIELDS:
        values = list(map(attrgetter(name), rows))
        columns[name] = _text(values) if name in _DECIMALS or name in _DATES else values
    return columns


def _rows(columns: dict[str, list[Any]]) -> list[tuple[str, ParsedRow]]:
    values = [_DECODE[name](columns[name]) for name in _FIELDS]  # in the order of ParsedRow's fields
    return list(zip(columns["digest"], map(ParsedRow, *values), strict=True))


def _signature(body: bytes) -> str:
    return salted_hmac(_SALT, body, algorithm="sha256").hexdigest()


def write(batch: ImportBatch, chunks: list[StagedChunk]) -> None:
    lines = [
        json.dumps({"parsed": _columns(chunk.parsed), "same": chunk.same}, ensure_ascii=False)
        for chunk in chunks
    ]
    body = "\n".join(lines).encode()
    header = json.dumps(
        {
            "version": egp_import.PARSER_VERSION,
            "format": FORMAT,
            "sha256": batch.sha256,
            "hmac": _signature(body),
        }
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
    if header.get("format") != FORMAT:
        raise Unusable("another staging format")
    if not constant_time_compare(header.get("hmac", ""), _signature(body)):
        raise Unusable("altered")
    return _chunks(body)


def _chunks(body: bytes) -> Iterator[StagedChunk]:
    for line in body.split(b"\n") if body else []:
        data = json.loads(line)
        yield StagedChunk(
            parsed=_rows(data["parsed"]),
            same=[(row, project, digest) for row, project, digest in data["same"]],
        )


def delete(batch: ImportBatch) -> None:
    if batch.file:
        batch.file.storage.delete(_name(batch))

"""A data set's distributions: CSV, XLSX and JSON made from the same rows, and the JSON Schema they follow.

CSV: UTF-8 with a byte-order mark (so that Excel reads Thai), a header of the column names, ISO 8601 dates,
plain numbers, an empty cell for no value. XLSX: the Thai column titles on the first row, the same values,
and a second sheet that maps each title to its column name and type. JSON: an object with the data set's key,
its column names and ``rows`` (one object per row), valid against ``schema(dataset)``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from prongsai.core.datasets import Column, Dataset, Row
from prongsai.core.thai import BANGKOK

_JSON_TYPES: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "date": {"type": "string", "format": "date"},
    "datetime": {"type": "string", "format": "date-time"},
}


def plain(value: object) -> Any:
    """A value as JSON and CSV carry it: ISO dates, numbers as numbers, text as text."""
    if isinstance(value, datetime):
        return value.astimezone(BANGKOK).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _record(columns: tuple[Column, ...], row: Row) -> dict[str, Any]:
    return {column.name: plain(value) for column, value in zip(columns, row, strict=True)}


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(dataset: Dataset, rows: Iterable[Row]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([c.name for c in dataset.columns])
    for row in rows:
        yield writer.writerow(["" if (v := plain(value)) is None else v for value in row])


def xlsx_bytes(dataset: Dataset, rows: Iterable[Row]) -> bytes:
    # Imported here, not at the top: openpyxl costs start-up time to every process that never writes XLSX.
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(str(dataset.title)[:31])
    sheet.append([str(c.title) for c in dataset.columns])
    for row in rows:
        sheet.append(
            [
                value.astimezone(BANGKOK).replace(tzinfo=None) if isinstance(value, datetime) else value
                for value in row
            ]
        )
    legend = workbook.create_sheet("columns")
    legend.append(["title", "name", "type"])
    for column in dataset.columns:
        legend.append([str(column.title), column.name, column.type])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def json_document(dataset: Dataset, rows: Iterable[Row], *, modified: datetime) -> dict[str, Any]:
    return {
        "dataset": dataset.key,
        "title": str(dataset.title),
        "modified": plain(modified),
        "columns": [c.name for c in dataset.columns],
        "rows": [_record(dataset.columns, row) for row in rows],
    }


def schema(dataset: Dataset, *, schema_url: str) -> dict[str, Any]:
    """JSON Schema (2020-12) of the JSON distribution; its ``x-csv-header`` is the CSV header row."""
    properties: dict[str, Any] = {}
    for column in dataset.columns:
        spec = dict(_JSON_TYPES[column.type])
        if column.nullable:
            spec["type"] = [spec["type"], "null"]
        properties[column.name] = {"title": str(column.title), **spec}
    names = [c.name for c in dataset.columns]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_url,
        "title": str(dataset.title),
        "type": "object",
        "required": ["dataset", "columns", "rows"],
        "properties": {
            "dataset": {"const": dataset.key},
            "title": {"type": "string"},
            "modified": {"type": "string", "format": "date-time"},
            "columns": {"const": names},
            "rows": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": properties,
                    "required": names,
                    "additionalProperties": False,
                },
            },
        },
        "x-csv-header": names,
    }

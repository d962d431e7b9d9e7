"""The registry of public data sets: each app describes its own, the ``opendata`` app publishes them all.

An app that owns public data ships a ``datasets`` module with ``DATASETS = [Dataset(...), ...]``;
``prongsai.opendata`` discovers these modules when it starts (as ``ita`` discovers ``ita_evidence``), so a
new app adds its data sets without editing the catalogue. The description follows the 14 mandatory metadata
items of the national catalogue (GD-Catalog, the CKAN of the Digital Government Development Agency):

title, description, objective, maintainer, maintainer's e-mail, tags, update frequency, geographic coverage,
data source, format, category (data-governance classification), licence, first published, last updated.

The maintainer, its e-mail and the geographic coverage come from the agency; the format from the
distributions (CSV, XLSX, JSON, always all three); the dates from ``first_published`` and ``last_updated``,
which each data set computes from its own rows. Everything else is declared here, in Thai.

Rows are plain values (str, int, Decimal, float, date, datetime, bool or None) in the order of ``columns``;
a data set never contains a natural person's identifying data beyond what the law publishes (the vendor
register masks citizen IDs), and never anything of the corruption channel beyond de-identified counts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from prongsai.core.models import Agency

ColumnType = Literal["string", "integer", "number", "date", "datetime", "boolean"]
Row = Sequence[Any]


class Frequency:
    """Update frequencies, as the EU frequency authority names them (what DCAT-AP and CKAN read)."""

    DAILY = "DAILY"
    WEEKLY = "WEEKLY"
    MONTHLY = "MONTHLY"
    QUARTERLY = "QUARTERLY"
    ANNUAL = "ANNUAL"
    IRREGULAR = "IRREG"

    LABELS: dict[str, Promise] = {
        DAILY: _("รายวัน"),
        WEEKLY: _("รายสัปดาห์"),
        MONTHLY: _("รายเดือน"),
        QUARTERLY: _("รายไตรมาส"),
        ANNUAL: _("รายปี"),
        IRREGULAR: _("ไม่แน่นอน (ปรับปรุงเมื่อมีข้อมูลใหม่)"),
    }


# The classification of the data-governance framework of the Thai government (ธรรมาภิบาลข้อมูลภาครัฐ):
# everything in the public catalogue is public data by construction.
PUBLIC_DATA = _("ข้อมูลสาธารณะ")
# Open Government licence of Thailand is not a registered URI; CC BY 4.0 is what data.go.th offers first.
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_LABEL = _("Creative Commons Attribution 4.0 (CC BY 4.0)")


@dataclass(frozen=True)
class Column:
    name: str  # an ASCII identifier: the CSV header, the JSON key, the schema property
    title: Promise | str  # the Thai label (the XLSX header, the schema's title)
    type: ColumnType = "string"
    nullable: bool = True


@dataclass(frozen=True)
class Dataset:
    key: str  # stable: the URL of the data set and its distributions (``/data/<key>.csv``)
    title: Promise | str
    description: Promise | str
    objective: Promise | str
    tags: tuple[Promise | str, ...]
    frequency: str  # a ``Frequency`` value
    theme: Promise | str  # the subject group shown on the page (งบประมาณและการจัดซื้อ, บริการประชาชน ...)
    source: Promise | str  # where the data comes from (the register, the complaint channel ...)
    columns: tuple[Column, ...]
    rows: Callable[[Agency], Iterable[Row]]
    last_updated: Callable[[Agency], datetime | None]
    first_published: Callable[[Agency], date | None]
    page_url: str = ""  # the public page that shows the same data, a URL name ("complaints:statistics")
    category: Promise | str = PUBLIC_DATA
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def frequency_label(self) -> Promise:
        return Frequency.LABELS[self.frequency]


_REGISTRY: dict[str, Dataset] = {}


def register(dataset: Dataset) -> None:
    if not dataset.key.replace("-", "").isalnum() or not dataset.key.isascii():
        raise ValueError(f"a data set key is lower-case ASCII with dashes: {dataset.key!r}")
    existing = _REGISTRY.get(dataset.key)
    if existing is not None and existing is not dataset:
        raise ValueError(f"two data sets share the key {dataset.key!r}")
    _REGISTRY[dataset.key] = dataset


def all_datasets() -> list[Dataset]:
    return sorted(_REGISTRY.values(), key=lambda d: d.key)


def dataset(key: str) -> Dataset | None:
    return _REGISTRY.get(key)

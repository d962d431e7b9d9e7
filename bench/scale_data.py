"""Multiply the demo data of a throw-away instance: ``--times 10`` leaves ten times the rows the public pages
list (news, executives and staff, E-Service services, procurement register rows, announcements).

Run by ``bench/public_pages.py --scale N`` after ``seed_demo``, in the instance's environment; never on a
real site. Each published row is copied ``times - 1`` times in bulk: a field that must be unique gets a new
value (a fresh public id, or the old text with a suffix), everything else is kept, so the copies look like
the demo's rows to every page and query.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent


def _unique_text_fields(model: Any) -> set[str]:
    """Text fields that a unique constraint (with the agency or alone) makes distinct."""
    from django.db import models

    names: set[str] = set()
    groups = [c.fields for c in model._meta.constraints if isinstance(c, models.UniqueConstraint)]
    groups += [tuple(g) for g in model._meta.unique_together]
    for group in groups:
        for name in group:
            field = model._meta.get_field(name)
            if isinstance(field, models.CharField | models.SlugField):
                names.add(name)
    for field in model._meta.concrete_fields:
        if field.unique and isinstance(field, models.CharField | models.SlugField) and not field.primary_key:
            names.add(field.name)
    return names


def clone(model: Any, rows: list[Any], times: int) -> int:
    """Insert ``times - 1`` copies of ``rows``; the number of rows inserted."""
    texts = _unique_text_fields(model)
    fresh = [
        f
        for f in model._meta.concrete_fields
        if f.unique and not f.primary_key and f.has_default() and callable(f.default)
    ]
    copies = []
    for copy in range(1, times):
        for row in rows:
            values = {
                f.attname: getattr(row, f.attname) for f in model._meta.concrete_fields if not f.primary_key
            }
            for field in fresh:
                values[field.attname] = field.default()
            for name in texts:
                field = model._meta.get_field(name)
                value = values[field.attname]
                if value:
                    suffix = f"-x{copy}"
                    values[field.attname] = str(value)[: field.max_length - len(suffix)] + suffix
            copies.append(model(**values))
    # The publication status is copied as is: a published row's copy is published.
    model.objects.bulk_create(copies, batch_size=500)
    return len(copies)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--times", type=int, default=10)
    args = parser.parse_args()
    if args.times < 2:
        return 0
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "prongsai.settings")
    sys.path.insert(0, str(REPO_ROOT))
    import django

    django.setup()
    from django.db import transaction
    from django_scopes import scopes_disabled

    from prongsai.core.models import Person
    from prongsai.core.pagecache import bump_agency
    from prongsai.eservice.models import Service
    from prongsai.portal.models import NewsArticle
    from prongsai.procurement.models import Announcement, Procurement

    with scopes_disabled(), transaction.atomic():
        counts = {}
        for model in (NewsArticle, Person, Service, Procurement, Announcement):
            rows = list(model.objects.all())
            counts[model._meta.verbose_name_plural] = (len(rows), clone(model, rows, args.times))
        agencies = {row.agency_id for row in Procurement.objects.all()} | {
            row.agency_id for row in NewsArticle.objects.all()
        }
    for agency_id in agencies:
        bump_agency(agency_id)  # pages cached before the copies are stale
    for label, (before, added) in counts.items():
        print(f"  {label}: {before:,} → {before + added:,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The evidence-provider registry: which app answers which OIT data subject, and how.

A provider is a function ``(agency, fiscal_year) -> Evidence | Mapping | None`` that reads its app's data
through that app's selectors and says where the public page is, which completeness checks pass, and the
dates, fiscal years and months the content covers (for the item's time window).

Where providers come from:

* ``prongsai/ita/providers_site.py`` (core and portal: structure, executives, duties, contact, news,
  privacy policy) and ``prongsai/ita/providers_planning.py`` (plans, progress, annual reports, the ITA
  analysis) are ita's own: ita may read every app's selectors (DESIGN.md).
* Any installed app may ship an ``ita_evidence`` module with ``PROVIDERS = {"subject": function}``.
  The function returns a plain mapping with the keys of :class:`Evidence`, so the app never imports ita
  (no domain app imports ita). ``autodiscover`` finds these modules when the ita app starts; an app's own
  provider replaces ita's for the same subject.

A subject without a provider is answered by manual evidence (``ManualEvidence``), checked the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from prongsai.core.app_modules import app_modules
from prongsai.core.models import Agency


@dataclass
class Evidence:
    subject: str
    urls: list[str] = field(default_factory=list)
    checks: dict[str, bool] = field(default_factory=dict)
    dates: list[date] = field(default_factory=list)
    fiscal_years: set[int] = field(default_factory=set)
    months: set[str] = field(default_factory=set)  # "YYYY-MM"
    nil_report: bool = False
    source: str = "app"
    notes: list[str] = field(default_factory=list)

    @classmethod
    def from_mapping(cls, subject: str, data: Mapping[str, Any]) -> Evidence:
        return cls(
            subject=subject,
            urls=list(data.get("urls", [])),
            checks={str(k): bool(v) for k, v in dict(data.get("checks", {})).items()},
            dates=list(data.get("dates", [])),
            fiscal_years={int(y) for y in data.get("fiscal_years", [])},
            months={str(m) for m in data.get("months", [])},
            nil_report=bool(data.get("nil_report", False)),
            source=str(data.get("source", "app")),
            notes=[str(n) for n in data.get("notes", [])],
        )

    def merge(self, other: Evidence) -> Evidence:
        """This evidence completed by another (e.g. a provider's completed by a manual document)."""
        checks = dict(self.checks)
        for key, present in other.checks.items():
            checks[key] = checks.get(key, False) or present
        return Evidence(
            subject=self.subject,
            urls=[*self.urls, *(u for u in other.urls if u not in self.urls)],
            checks=checks,
            dates=[*self.dates, *other.dates],
            fiscal_years=self.fiscal_years | other.fiscal_years,
            months=self.months | other.months,
            nil_report=self.nil_report or other.nil_report,
            source=self.source if self.source == other.source else "app+manual",
            notes=[*self.notes, *other.notes],
        )


Provider = Callable[[Agency, int], "Evidence | Mapping[str, Any] | None"]
_PROVIDERS: dict[str, Provider] = {}
_DISCOVERED = False


def register(subject: str, provider: Provider) -> None:
    _PROVIDERS[subject] = provider


def provider_for(subject: str) -> Provider | None:
    return _PROVIDERS.get(subject)


def provided_subjects() -> set[str]:
    return set(_PROVIDERS)


def autodiscover() -> None:
    """Register ita's own providers, then every installed app's ``ita_evidence.PROVIDERS``."""
    global _DISCOVERED
    if _DISCOVERED:
        return
    from prongsai.ita import providers_planning, providers_site

    for module in (providers_site, providers_planning):
        for subject, function in module.PROVIDERS.items():
            register(subject, function)
    for module in app_modules("ita_evidence"):
        for subject, function in getattr(module, "PROVIDERS", {}).items():
            register(subject, function)
    _DISCOVERED = True


def evidence_from_provider(agency: Agency, fiscal_year: int, subject: str) -> Evidence | None:
    provider = provider_for(subject)
    if provider is None:
        return None
    found = provider(agency, fiscal_year)
    if found is None:
        return None
    if isinstance(found, Evidence):
        return found
    return Evidence.from_mapping(subject, found)

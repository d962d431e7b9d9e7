"""Evidence from the agency's own site, read through the core and portal selectors."""

from __future__ import annotations

from django.urls import reverse

from prongsai.core import selectors as core_selectors
from prongsai.core.models import Agency, OrgUnit, Position
from prongsai.core.thai import BANGKOK
from prongsai.core.thai import fiscal_year as fiscal_year_of
from prongsai.ita.providers import Evidence, Provider
from prongsai.portal import selectors as portal_selectors
from prongsai.portal.models import InfoPage


def org_structure(agency: Agency, fiscal_year: int) -> Evidence | None:
    tree = core_selectors.structure_tree(agency)
    political, career = tree.get(OrgUnit.Side.POLITICAL, []), tree.get(OrgUnit.Side.CAREER, [])
    if not political and not career:
        return None
    units = sum(len(node.children) for node in career) + len(career)
    positions = sum(len(node.positions) for node in [*political, *career])
    return Evidence(
        subject="org_structure",
        urls=[reverse("portal:structure")],
        checks={
            "chart": bool(political and career),
            "political": bool(political),
            "career": bool(career),
            "units": units > 1 and positions > 0,
        },
    )


def executives(agency: Agency, fiscal_year: int) -> Evidence | None:
    sides = core_selectors.executives(agency)
    # OIT o2 asks for the chief executive and every deputy: for an อปท. the political side (นายก, รองนายก).
    people = sides.get(OrgUnit.Side.POLITICAL, []) or [p for side in sides.values() for p in side]
    if not people:
        return None
    levels = {p.position.level for p in people}
    return Evidence(
        subject="executives",
        urls=[reverse("portal:executives")],
        checks={
            "top": Position.Level.TOP_EXECUTIVE in levels,
            "deputies": Position.Level.DEPUTY_EXECUTIVE in levels,
            "name": all(p.first_name.strip() and p.last_name.strip() for p in people),
            "position": all(p.position.title_th.strip() for p in people),
            "photo": all(bool(p.photo) for p in people),
            "contact": all(bool(p.phone or p.email) for p in people),
        },
    )


def powers_duties(agency: Agency, fiscal_year: int) -> Evidence | None:
    page = portal_selectors.published_page_of_kind(agency, InfoPage.Kind.POWERS_DUTIES)
    if page is None:
        return None
    return Evidence(
        subject="powers_duties", urls=[reverse("portal:duties")], checks={"text": bool(page.body.strip())}
    )


def contact(agency: Agency, fiscal_year: int) -> Evidence:
    return Evidence(
        subject="contact",
        urls=[reverse("portal:contact")],
        checks={
            "address": bool(agency.address.strip()),
            "phone": bool(agency.phones),
            "email": bool(agency.email),
            "map": bool(agency.map_url),
            "fax": bool(agency.fax),
        },
    )


def news(agency: Agency, fiscal_year: int) -> Evidence | None:
    articles = list(portal_selectors.published_news(agency))
    if not articles:
        return None
    dates = []
    for article in articles:
        if article.event_date:
            dates.append(article.event_date)
        elif article.published_at is not None:
            dates.append(article.published_at.astimezone(BANGKOK).date())
    return Evidence(
        subject="news",
        urls=[reverse("portal:news_list")],
        checks={"items": True},
        dates=dates,
        fiscal_years={fiscal_year_of(d) for d in dates},
    )


def privacy_policy(agency: Agency, fiscal_year: int) -> Evidence | None:
    page = portal_selectors.published_page(agency, "privacy")
    if page is None:
        return None
    return Evidence(
        subject="privacy_policy", urls=[reverse("portal:page", args=[page.slug])], checks={"exists": True}
    )


PROVIDERS: dict[str, Provider] = {
    "org_structure": org_structure,
    "executives": executives,
    "powers_duties": powers_duties,
    "contact": contact,
    "news": news,
    "privacy_policy": privacy_policy,
}

"""Public ITA pages: the OIT index an assessor opens, the results with trend charts, the analysis."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from prongsai.core.downloads import file_download
from prongsai.core.http import AgencyRequest
from prongsai.core.pagecache import cache_public_page
from prongsai.core.permissions import public
from prongsai.core.publication import revisions_of
from prongsai.core.thai import BANGKOK, fiscal_year, to_thai_digits
from prongsai.ita import access, selectors
from prongsai.ita.charts import trend_svg
from prongsai.ita.evidence_names import NamedLink, evidence_names, named_links
from prongsai.ita.models import EvidenceSnapshot
from prongsai.ita.readiness import ItemState
from prongsai.ita.readiness_store import current_readiness


def _today() -> date:
    return timezone.now().astimezone(BANGKOK).date()


@public
def current(request: AgencyRequest) -> HttpResponse:
    """The OIT index of the current fiscal year (on the previous year's catalogue until NACC publishes
    the year's own), else the latest year that has a catalogue."""
    year = fiscal_year(_today())
    if selectors.offered_catalogue(request.agency, year) is None:
        years = selectors.offered_years()
        if years:
            year = years[0]
    return redirect("ita:index", year=year)


@public
@cache_public_page
def index(request: AgencyRequest, year: int) -> HttpResponse:
    """Each item of the year with its evidence links; a year whose answer date has passed is shown as it
    stood on that date, with the frozen copies taken then."""
    checked = current_readiness(request.agency, year)  # stored; computed again only when outdated
    if checked is None:
        raise Http404
    state = checked.state
    answer = state.answer_date or state.as_of
    if answer < _today():
        copies: dict[str, list[EvidenceSnapshot]] = {}
        seen: set[tuple[str, str]] = set()
        for snapshot in selectors.snapshots_of(request.agency, year):  # newest first: one copy per page
            if (snapshot.item_code, snapshot.url) not in seen:
                seen.add((snapshot.item_code, snapshot.url))
                copies.setdefault(snapshot.item_code, []).append(snapshot)
        for entry in state.items:
            entry.copies = copies.get(entry.item.code, [])
    # Every evidence link and frozen copy named for the reader (the URLs themselves are never shown).
    names = evidence_names(
        request.agency,
        [*(u for e in state.items for u in e.urls), *(c.url for e in state.items for c in e.copies)],
        [m for e in state.items for m in e.manual],
    )
    rows = [
        PublicItem(
            entry=entry,
            links=named_links(entry.urls, names),
            copies=[(names[c.url], c) for c in entry.copies],
        )
        for entry in state.items
    ]
    return render(
        request,
        "ita/index.html",
        {
            "year": year,
            "catalogue": state.catalogue,
            "provisional": state.provisional,
            "answer_date": answer,
            "state": state,
            "rows": rows,
            "years": selectors.offered_years(),
        },
    )


@dataclass(frozen=True)
class PublicItem:
    """One OIT item as the public index shows it: the readiness entry and its evidence, named."""

    entry: ItemState
    links: list[NamedLink]
    copies: list[tuple[str, EvidenceSnapshot]]


@public
def snapshot_file(request: AgencyRequest, year: int, digest: str) -> HttpResponseBase:
    """A frozen copy of an evidence page, as it was served on the answer date (found by its hash)."""
    snapshot = access.get_public_snapshot(request.agency, year, digest)
    return file_download(
        snapshot.file,
        content_type="text/plain; charset=utf-8"
        if "html" in snapshot.content_type
        else snapshot.content_type,
        filename=f"oit-{year}-{snapshot.item_code}-{digest[:12]}",
        inline=True,
        max_age=3600,
    )


def _values_text(points: list[tuple[int, object]]) -> str:
    """``ปี 2566: 91.23, ปี 2567: 93.10``: what a chart shows, for its alt text."""
    return ", ".join(_("ปี %(year)s: %(value)s") % {"year": year, "value": value} for year, value in points)


@dataclass(frozen=True)
class TrendView:
    """An indicator on the results page: a chart with its values in the alt text when there are two years
    or more; a single year is a value, not a "trend" of one point."""

    number: int
    name_th: str
    points: list[tuple[int, object]]
    alt: str

    @property
    def is_trend(self) -> bool:
        return len(self.points) > 1


@public
@cache_public_page
def results(request: AgencyRequest) -> HttpResponse:
    rows = list(selectors.results_of(request.agency, published_only=True))
    total_points: list[tuple[int, object]] = [(r.fiscal_year, r.total) for r in rows]
    trends = [
        TrendView(
            number=t.number,
            name_th=t.name_th,
            points=list(t.points),
            alt=_("กราฟคะแนนตัวชี้วัดที่ %(number)s %(name)s รายปี: %(values)s")
            % {"number": t.number, "name": t.name_th, "values": _values_text(list(t.points))},
        )
        for t in (selectors.indicator_trends(request.agency) if rows else [])
    ]
    return render(
        request,
        "ita/results.html",
        {
            "results": rows,
            "has_chart": len(rows) > 1,
            "total_alt": _("กราฟคะแนนรวม ITA รายปี: %(values)s") % {"values": _values_text(total_points)},
            "trends": trends,
            "years": selectors.offered_years(),
        },
    )


@public
def results_chart(request: AgencyRequest) -> HttpResponse:
    """The trend of the total as an SVG drawn on the server (served as an image, never inline)."""
    rows = list(selectors.results_of(request.agency, published_only=True))
    return _svg_response(trend_svg([(r.fiscal_year, r.total) for r in rows], title=_("คะแนนรวม ITA")))


@public
def indicator_chart(request: AgencyRequest, number: int) -> HttpResponse:
    """The trend of one indicator across the published years (0–100 scale: indicators fall lower)."""
    trend = next((t for t in selectors.indicator_trends(request.agency) if t.number == number), None)
    if trend is None:
        raise Http404
    title = _("ตัวชี้วัดที่ %(number)s %(name)s") % {"number": to_thai_digits(str(number)), "name": trend.name_th}
    return _svg_response(trend_svg(trend.points, title=title, low=0))


def _svg_response(svg: str) -> HttpResponse:
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


@public
@cache_public_page
def results_year(request: AgencyRequest, year: int) -> HttpResponse:
    result = selectors.result_of(request.agency, year, published_only=True)
    if result is None:
        raise Http404
    scores = selectors.scores_of(result)
    indicators = [
        (indicator, scores.get(("indicator", str(indicator.number))))
        for indicator in result.catalogue.indicators.order_by("number")
    ]
    details = sorted((k, c, v) for (k, c), v in scores.items() if k != "indicator")
    return render(
        request, "ita/result_year.html", {"result": result, "indicators": indicators, "details": details}
    )


@public
@cache_public_page
def analysis(request: AgencyRequest, year: int) -> HttpResponse:
    found = selectors.published_analysis(request.agency, year)
    if found is None:
        raise Http404
    return render(request, "ita/analysis.html", {"analysis": found, "revisions": revisions_of(found)})


@public
def evidence_file(request: AgencyRequest, public_id: str) -> HttpResponseBase:
    evidence = access.get_public_evidence(request.agency, public_id)
    attachment = evidence.attachment
    assert attachment is not None  # noqa: S101 - the accessor only returns evidence with a file
    return file_download(
        attachment.file,
        content_type=attachment.content_type,
        filename=attachment.original_name,
        inline=attachment.kind in {"pdf", "jpg", "png"},
        max_age=3600,
    )


@public
@cache_public_page
def counts(request: AgencyRequest, year: int) -> HttpResponse:
    """The monthly totals entered for months before the agency started using Prongsai, shown as such."""
    rows = list(selectors.backfilled_counts(request.agency, year))
    if not rows:
        raise Http404
    return render(request, "ita/counts.html", {"year": year, "rows": rows})

"""Public pages of the agency's site. Thin: resolve the agency, call selectors, render."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models.fields.files import FieldFile
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from prongsai.core import access as core_access
from prongsai.core import selectors as core_selectors
from prongsai.core import trackers
from prongsai.core.downloads import file_download, picture_preview
from prongsai.core.http import AgencyRequest
from prongsai.core.pagecache import cache_public_page
from prongsai.core.permissions import public
from prongsai.core.publication import revisions_of
from prongsai.core.safeguards import RATE_LIMITED, TRACK_LOOKUPS_PER_DAY, TRACK_LOOKUPS_PER_HOUR, limits_for
from prongsai.core.search import search
from prongsai.core.site_pages import search_pages
from prongsai.core.views_forms import form_status
from prongsai.portal import access, selectors
from prongsai.portal.forms import TrackAnyForm
from prongsai.portal.models import InfoPage

NEWS_PER_PAGE = 12


@public
@cache_public_page
def home(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    return render(
        request,
        "portal/home.html",
        {
            "latest_news": selectors.latest_news(agency),
            "executives": core_selectors.first_executives(agency),
        },
    )


@public
@cache_public_page
def structure(request: AgencyRequest) -> HttpResponse:
    tree = core_selectors.structure_tree(request.agency)
    return render(
        request, "portal/structure.html", {"political": tree["political"], "career": tree["career"]}
    )


@public
@cache_public_page
def executives(request: AgencyRequest) -> HttpResponse:
    people = core_selectors.executive_cards(request.agency)
    return render(
        request, "portal/executives.html", {"political": people["political"], "career": people["career"]}
    )


@public
@cache_public_page
def duties(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    page = selectors.published_page_of_kind(agency, InfoPage.Kind.POWERS_DUTIES)
    tree = core_selectors.structure_tree(agency)
    return render(
        request,
        "portal/duties.html",
        {
            "page": page,
            "revisions": revisions_of(page) if page else [],
            "units": [*tree["political"], *tree["career"]],
        },
    )


@public
@cache_public_page
def contact(request: AgencyRequest) -> HttpResponse:
    return render(request, "portal/contact.html")


@public
@cache_public_page
def news_list(request: AgencyRequest) -> HttpResponse:
    agency = request.agency
    categories = selectors.news_categories(agency)
    current = next((c for c in categories if c.slug == request.GET.get("category")), None)
    paginator: Paginator[selectors.NewsCard] = Paginator(
        selectors.NewsCardList(agency, current, NEWS_PER_PAGE), NEWS_PER_PAGE
    )
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "portal/news_list.html",
        {"page_obj": page_obj, "categories": categories, "current_category": current},
    )


@public
@cache_public_page
def news_detail(request: AgencyRequest, public_id: str) -> HttpResponse:
    article = access.get_public_news(request.agency, public_id)
    return render(
        request,
        "portal/news_detail.html",
        {"article": article, "files": access.public_news_files(article), "revisions": revisions_of(article)},
    )


@public
@cache_public_page
def page(request: AgencyRequest, slug: str) -> HttpResponse:
    info = selectors.published_page(request.agency, slug)
    if info is None:
        raise Http404
    return render(request, "portal/page.html", {"page": info, "revisions": revisions_of(info)})


@public
def search_view(request: AgencyRequest) -> HttpResponse:
    query = (request.GET.get("q") or "").strip()[:200]
    # The entry pages (channels, plans and reports, ITA) come first: they are the way in to what was sought.
    hits = [*search_pages(query), *search(agency=request.agency, query=query)] if query else []
    return render(request, "portal/search.html", {"query": query, "hits": hits})


def _file_response(
    file_field: FieldFile, content_type: str, filename: str, *, inline: bool
) -> HttpResponseBase:
    return file_download(
        file_field, content_type=content_type, filename=filename, inline=inline, max_age=3600
    )


@public
def attachment_file(request: AgencyRequest, public_id: str) -> HttpResponseBase:
    attachment = access.get_public_attachment(request.agency, public_id)
    # PDFs and re-encoded images may open in the browser; office documents always download.
    inline = attachment.kind in {"pdf", "jpg", "png"}
    return _file_response(attachment.file, attachment.content_type, attachment.original_name, inline=inline)


@public
def attachment_preview(request: AgencyRequest, public_id: str) -> HttpResponseBase:
    """The picture as the news cards and the article show it: its preview, or itself when it is small."""
    return picture_preview(access.get_public_attachment(request.agency, public_id), max_age=3600)


@public
def person_photo(request: AgencyRequest, public_id: str) -> HttpResponseBase:
    person = core_access.get_public_person(request.agency, public_id)
    if not person.photo:
        raise Http404
    kind = "image/png" if person.photo.name.endswith(".png") else "image/jpeg"
    return _file_response(person.photo, kind, f"{person.public_id}.{kind.split('/')[1]}", inline=True)


@public
def agency_logo(request: AgencyRequest) -> HttpResponseBase:
    agency = request.agency
    if not agency.logo:
        raise Http404
    kind = "image/png" if agency.logo.name.endswith(".png") else "image/jpeg"
    return _file_response(agency.logo, kind, f"logo.{kind.split('/')[1]}", inline=True)


@public
def agency_theme(request: AgencyRequest) -> HttpResponse:
    """The agency's own colours as a style sheet (the content security policy forbids inline styles).

    The values are validated #RRGGBB codes (``Agency.brand_colour``/``accent_colour``), never free text."""
    agency = request.agency
    rules = []
    if agency.brand_colour:
        rules.append(f"--brand: {agency.brand_colour};")
    if agency.accent_colour:
        rules.append(f"--brand-2: {agency.accent_colour};")
    body = ":root { " + " ".join(rules) + " }\n" if rules else ""
    response = HttpResponse(body, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response


# A bare 16-digit receipt of the corruption channel is never looked up here; the message says where to go.
NOT_FOUND = _(
    "ไม่พบเรื่องที่มีรหัสติดตามนี้ กรุณาตรวจสอบรหัสอีกครั้ง "
    "หากเป็นรหัสรับเรื่องแจ้งเบาะแสการทุจริต (16 หลัก) กรุณาติดตามที่หน้าแจ้งเบาะแสการทุจริต"
)


@public
def track(request: AgencyRequest) -> HttpResponse:
    """One tracking box for every citizen code (an E-Service request, a complaint ...): the code is looked
    up in each channel that answers for its codes (``core.trackers``) and the citizen is taken to that
    channel's own tracking page. A receipt of the corruption channel is never looked up here: that channel
    answers only on its own page. Unknown codes count against the client's lookups, as on each channel."""
    if "code" not in request.GET:
        return render(request, "portal/track.html", {"form": TrackAnyForm()})
    form = TrackAnyForm(request.GET)
    limits = limits_for(request, "track-any", per_hour=TRACK_LOOKUPS_PER_HOUR, per_day=TRACK_LOOKUPS_PER_DAY)
    if limits.exceeded():
        form.is_valid()
        form.add_error(None, RATE_LIMITED)
        return render(request, "portal/track.html", {"form": form}, status=429)
    if form.is_valid():
        found = trackers.find(request.agency, form.cleaned_data["code"])
        if found is not None:
            return redirect(found.url)
        limits.record()
        form.add_error("code", NOT_FOUND)
    return render(request, "portal/track.html", {"form": form}, status=form_status(form))

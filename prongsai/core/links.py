"""Absolute links to an agency's public site: the one way to build them (e-mails, documents, data sets).

The site of an agency is, in order:

1. the host the visitor is using, when a request is given (a page or an export answering a visitor);
2. the agency's main website (``Agency.website``, "เว็บไซต์หลัก") as its administrator declared it: the
   address the ITA assessor checks and the one printed on official documents;
3. the first host name the instance serves the agency under (``AgencyHost``), over https (http while
   ``DEBUG``, for ``*.localhost`` development hosts);
4. none: the bare path, which still works inside the site.
"""

from __future__ import annotations

from urllib.parse import urljoin

from django.conf import settings
from django.http import HttpRequest

from prongsai.core.models import Agency
from prongsai.core.selectors import agency_hosts


def agency_site(agency: Agency, *, request: HttpRequest | None = None) -> str:
    """The root of the agency's public site with a trailing slash (``https://host/``), or "/" when unknown."""
    if request is not None:
        return f"{request.scheme}://{request.get_host()}/"
    if agency.website:
        return agency.website.rstrip("/") + "/"
    hosts = agency_hosts(agency)
    if not hosts:
        return "/"
    host = hosts[0]
    scheme = "http" if settings.DEBUG else "https"
    return f"{scheme}://{host}/"


def agency_url(agency: Agency, path: str = "/", *, request: HttpRequest | None = None) -> str:
    """``path`` (e.g. from ``reverse``) on the agency's site; a URL that is already absolute is kept."""
    if path.startswith(("http://", "https://")):
        return path
    return urljoin(agency_site(agency, request=request), path.lstrip("/"))

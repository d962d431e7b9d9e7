"""Absolute links to an agency's public pages, for e-mails sent outside any request."""

from __future__ import annotations

from django.conf import settings
from django_scopes import scopes_disabled

from prongsai.core.models import Agency, AgencyHost


def absolute_url(agency: Agency, path: str) -> str:
    """``https://<the agency's first host name><path>``; the bare path when the agency has no host name."""
    with scopes_disabled():
        host = AgencyHost.objects.filter(agency=agency).order_by("pk").values_list("host", flat=True).first()
    if not host:
        return path
    scheme = "http" if settings.DEBUG else "https"
    return f"{scheme}://{host}{path}"

"""URL configuration. Every view carries an access rule (prongsai.core.permissions); see test_url_rules."""

from django.urls import include, path
from django.views.i18n import set_language

from prongsai.core.admin_site import operator_site
from prongsai.core.permissions import public

urlpatterns = [
    path("i18n/setlang/", public(set_language), name="set_language"),
    path("operator/", operator_site.urls),
    path("hosting/", include("prongsai.hosting.urls")),
    path("", include("prongsai.core.urls")),
    path("", include("prongsai.portal.urls")),
    path("", include("prongsai.whistleblower.urls")),
    path("procurement/", include("prongsai.procurement.urls")),
    path("", include("prongsai.planning.urls")),
    path("", include("prongsai.ita.urls")),
    path("", include("prongsai.reports.urls")),
    path("", include("prongsai.engagement.urls")),
    path("", include("prongsai.complaints.urls")),
    path("", include("prongsai.eservice.urls")),
    path("", include("prongsai.api.urls")),
    path("", include("prongsai.ops.urls")),
    path("", include("prongsai.people.urls")),
    path("", include("prongsai.integrity.urls")),
    path("", include("prongsai.assets.urls")),
    path("", include("prongsai.opendata.urls")),
    path("", include("prongsai.privacy.urls")),
]

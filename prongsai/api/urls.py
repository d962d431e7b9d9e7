"""The public API: version 1 at /api/v1/ with its OpenAPI document, and Open311 GeoReport v2 at /open311/v2/.

Every view is anonymous and declares the ``public`` rule (deny by default still holds for anything else).
"""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from prongsai.api import open311, v1, v1_datasets
from prongsai.core.permissions import public

app_name = "api"

# Named "fmt", not "format": DRF leaves ".{format}" suffix routes out of the OpenAPI document.
FORMAT = r"\.(?P<fmt>json|xml)$"

urlpatterns = [
    path("api/v1/schema/", public(SpectacularAPIView.as_view()), name="schema"),
    path("api/v1/eservice/services/", public(v1.ServiceCatalogueView.as_view()), name="v1_services"),
    path("api/v1/eservice/statistics/", public(v1.StatisticsView.as_view()), name="v1_statistics"),
    path("api/v1/datasets/", public(v1_datasets.DatasetListView.as_view()), name="v1_datasets"),
    re_path(
        r"^api/v1/datasets/(?P<key>[a-z0-9-]+)/$",
        public(v1_datasets.DatasetRowsView.as_view()),
        name="v1_dataset",
    ),
    re_path(
        r"^open311/v2/services" + FORMAT, public(open311.ServiceListView.as_view()), name="open311_services"
    ),
    re_path(
        r"^open311/v2/services/(?P<code>[-a-z0-9_]+)" + FORMAT,
        public(open311.ServiceDefinitionView.as_view()),
        name="open311_service",
    ),
    re_path(
        r"^open311/v2/requests" + FORMAT, public(open311.RequestsView.as_view()), name="open311_requests"
    ),
    re_path(
        r"^open311/v2/requests/(?P<reference>[-A-Za-z0-9]+)" + FORMAT,
        public(open311.RequestDetailView.as_view()),
        name="open311_request",
    ),
]

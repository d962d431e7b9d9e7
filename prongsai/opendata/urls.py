"""Open data: the catalogue page, each data set, its distributions, the catalogue as DCAT and CSV."""

from django.urls import path, re_path

from . import views_public

app_name = "opendata"

urlpatterns = [
    path("data/", views_public.index, name="index"),
    path("data/catalog.jsonld", views_public.catalog_jsonld, name="catalog_jsonld"),
    path("data/catalog.csv", views_public.catalog_csv, name="catalog_csv"),
    re_path(r"^data/(?P<key>[a-z0-9-]+)\.schema\.json$", views_public.schema, name="schema"),
    re_path(r"^data/(?P<key>[a-z0-9-]+)\.(?P<fmt>csv|xlsx|json)$", views_public.download, name="download"),
    re_path(r"^data/(?P<key>[a-z0-9-]+)/$", views_public.dataset, name="dataset"),
]

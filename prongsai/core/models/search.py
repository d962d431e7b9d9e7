"""The site-search index: one row per published public page, with Thai text pre-segmented into words."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import TenantModel


class SearchDocument(TenantModel):
    record_type = models.CharField(max_length=100)
    record_id = models.PositiveBigIntegerField()
    url = models.CharField(max_length=500)
    title = models.CharField(_("หัวเรื่อง"), max_length=500)
    summary = models.TextField(_("สาระสำคัญ"), blank=True)
    # Thai has no spaces between words: the text is segmented with PyThaiNLP and stored space-separated,
    # so that a plain full-text engine (SQLite FTS5, PostgreSQL tsvector) can match words.
    tokens = models.TextField()
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("ดัชนีค้นหา")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "record_type", "record_id"], name="core_searchdocument_unique_record"
            ),
        ]

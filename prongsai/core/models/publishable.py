"""Records that are drafted, then published, then corrected only through revisions."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMModelMixin, transition

from prongsai.core.models.status_field import StatusField

from .base import TenantModel, new_public_id


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("ฉบับร่าง")
    PUBLISHED = "published", _("เผยแพร่แล้ว")


class Publishable(FSMModelMixin, TenantModel):
    """A tenant record with a public, unguessable id and a draft → published life.

    ``status`` is protected: only the ``publish`` transition changes it, and only services call that.
    Subclasses list in ``snapshot_fields`` what a revision records and what a correction may change.
    """

    snapshot_fields: tuple[str, ...] = ()

    public_id = models.UUIDField(default=new_public_id, unique=True, editable=False)
    status = StatusField(
        _("สถานะ"),
        max_length=16,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        protected=True,
    )
    published_at = models.DateTimeField(_("เผยแพร่เมื่อ"), null=True, blank=True)
    revision_count = models.PositiveIntegerField(_("จำนวนฉบับ"), default=0)

    class Meta:
        abstract = True

    @transition(field=status, source=PublicationStatus.DRAFT, target=PublicationStatus.PUBLISHED)
    def publish(self) -> None:
        """Draft → published. Called only by ``prongsai.core.publication.record_publish``."""

    def clean_fields(self, exclude: Any = None) -> None:
        # Field cleaning re-assigns every value; the protected status may only change through a transition.
        super().clean_fields(exclude={*(exclude or ()), "status"})

    @property
    def is_published(self) -> bool:
        return self.status == PublicationStatus.PUBLISHED

    def snapshot(self) -> dict[str, Any]:
        """The content a revision records: the snapshot fields as JSON-ready values."""
        data: dict[str, Any] = {}
        for name in self.snapshot_fields:
            value = getattr(self, name)
            if isinstance(value, models.Model):
                data[name] = str(value)
            elif hasattr(value, "isoformat"):
                data[name] = value.isoformat()
            else:
                data[name] = value
        return data

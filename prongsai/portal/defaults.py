"""What a new agency's public site starts with: the usual news categories of a Thai local government site.

Stored as each agency's own rows (staff rename them later); the demo uses the same list.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from prongsai.core.audit import audit_record
from prongsai.core.models import Agency, User
from prongsai.portal.models import NewsCategory

NEWS_CATEGORIES = (("news", "ข่าวประชาสัมพันธ์"), ("activity", "ข่าวกิจกรรม"), ("announcement", "ประกาศ"))


@transaction.atomic
def news_categories_create(*, agency: Agency, acting_user: User, **_kwargs: Any) -> list[NewsCategory]:
    """Receiver of ``core.services_onboarding.agency_onboarded``: the standard news categories."""
    created = [
        NewsCategory.objects.create(agency=agency, slug=slug, name_th=name, order=order)
        for order, (slug, name) in enumerate(NEWS_CATEGORIES)
    ]
    audit_record(
        agency=agency,
        actor=acting_user,
        action="portal.news_categories.created",
        data={"categories": [slug for slug, _name in NEWS_CATEGORIES]},
    )
    return created

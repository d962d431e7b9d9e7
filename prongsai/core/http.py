"""Request types as the middleware leaves them, so views are type-checked without casts."""

from __future__ import annotations

from django.http import HttpRequest

from prongsai.core.models import Agency, User


class AgencyRequest(HttpRequest):
    """Every request that reaches a view: AgencyMiddleware has set the agency (or answered 503)."""

    agency: Agency


class StaffRequest(AgencyRequest):
    """A request to a ``staff(...)`` view: AccessRuleMiddleware has admitted a signed-in, verified member."""

    user: User


class SignedInRequest(AgencyRequest):
    """A request to a ``signed_in`` view: the user has a password session, maybe not yet the second factor."""

    user: User

"""Every page an operator's member opens is recorded: once on the operator's side (``OperatorAccess``) and
once in the audit chain of each agency whose figures the page showed, so an agency's own auditor sees who
looked at it from above (ADR 0100)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest

from prongsai.core.audit import audit_record
from prongsai.core.models import Agency, Operator, OperatorAccess, User


@transaction.atomic
def record_view(
    *,
    operator: Operator,
    user: User,
    page: str,
    agencies: list[Agency],
    action: str = "hosting.operator.viewed",
) -> None:
    OperatorAccess.objects.create(
        operator=operator, user=user, page=page[:100], agency_codes=[a.code for a in agencies]
    )
    data: dict[str, Any] = {"operator": operator.code, "page": page[:100]}
    for agency in agencies:
        audit_record(
            agency=agency,
            actor=user,
            action=action,
            data=data,
            actor_label=f"{user.get_username()} ({operator.code})",
        )


def record_request(
    request: HttpRequest, agencies: list[Agency], *, action: str = "hosting.operator.viewed"
) -> None:
    record_view(
        operator=request.operator,  # type: ignore[attr-defined]
        user=request.user,  # type: ignore[arg-type]
        page=request.path,
        agencies=agencies,
        action=action,
    )

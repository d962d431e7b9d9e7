"""The base of every background task: it takes an agency id, loads the agency, enters its scope, runs.

pretix's ``EventTask`` is the model (docs/decisions/0008-staff-actions-and-tasks.md). A task body is written
for one agency and receives the loaded ``Agency`` first; the task is enqueued with the agency's id first:

    @agency_task(throws=(smtplib.SMTPException, OSError))
    def send_outbound_email(agency: Agency, message_id: int) -> str:
        ...  # runs inside agency_scope(agency): tenant managers work, other agencies' rows are invisible

    send_outbound_email.enqueue(agency.pk, message.pk)

An agency that no longer exists or was deactivated is not an error: the task does nothing and returns
``None``. ``throws`` declares the errors the body may raise in normal operation (a mail server that is
down, a file that turned out bad): they are logged as one warning line and re-raised, so the task result
records the failure. Any other exception is a bug: it propagates with its traceback.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from django_scopes import scopes_disabled
from django_tasks import task
from django_tasks.base import Task

from prongsai.core.models import Agency
from prongsai.core.tenancy import agency_scope

logger = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")


def load_agency(agency_id: int) -> Agency | None:
    """The active agency with this id, or None (a task of a removed or deactivated agency does nothing)."""
    with scopes_disabled():
        return Agency.objects.filter(pk=agency_id, is_active=True).first()


def agency_task(
    *, throws: tuple[type[BaseException], ...] = (), **options: Any
) -> Callable[[Callable[Concatenate[Agency, P], T]], Task[Concatenate[int, P], T | None]]:
    """Make ``body(agency, *args)`` a django-tasks task enqueued as ``task.enqueue(agency_id, *args)``.

    ``options`` go to ``django_tasks.task`` (``queue_name``, ``priority``, ``backend``).
    """

    def decorate(body: Callable[Concatenate[Agency, P], T]) -> Task[Concatenate[int, P], T | None]:
        @functools.wraps(body)
        def run(agency_id: int, /, *args: P.args, **kwargs: P.kwargs) -> T | None:
            agency = load_agency(agency_id)
            if agency is None:
                logger.info("task %s skipped: agency %s is gone or inactive", body.__qualname__, agency_id)
                return None
            with agency_scope(agency):
                try:
                    return body(agency, *args, **kwargs)
                except throws as exc:
                    # The class only: messages of expected errors can quote personal data (an SMTP error
                    # quotes the recipient's address), which has no place in a log; the task result keeps it.
                    logger.warning(
                        "task %s for agency %s: %s", body.__qualname__, agency_id, type(exc).__name__
                    )
                    raise

        # functools.wraps keeps the body's module and name, so the worker imports the task by its own path.
        made: Task[Concatenate[int, P], T | None] = task(**options)(run)
        return made

    return decorate

"""The base of the commands that machines run routinely: the task worker, the scheduler and its jobs, report
exports, backups.

Django runs the system checks before every management command. Most of their time is the URL check, which
imports every view, the API and its schema generator: about a second, for a command that serves no page (the
document a command renders takes 20–90 ms). These commands skip them. The checks still run where a
configuration is put in place: ``manage.py check --deploy`` (CI and deployment), ``migrate`` and
``runserver``.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand


class RoutineCommand(BaseCommand):
    requires_system_checks: list[str] = []

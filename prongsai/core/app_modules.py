"""Apps contribute to shared features through modules of agreed names (``worklist``, ``trackers``, ``alerts``,
``subject_data``, ``datasets``, ``ita_evidence``, ``demo``…); this is the one place that finds them."""

from __future__ import annotations

from functools import cache
from importlib import import_module
from types import ModuleType

from django.apps import apps


@cache
def app_modules(name: str) -> tuple[ModuleType, ...]:
    """The ``<app>.<name>`` module of every Prongsai app that has one, in INSTALLED_APPS order.

    Only a missing module means "this app has none": an import error inside an existing module is raised,
    so a broken contribution fails loudly instead of silently dropping out of the feature.
    """
    found: list[ModuleType] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("prongsai."):
            continue
        try:
            found.append(import_module(f"{config.name}.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.{name}":
                raise
    return tuple(found)

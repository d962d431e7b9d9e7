"""Importing this package registers every exporter (see prongsai.reports.registry)."""

from prongsai.reports.exporters import (
    assets,
    eservice,
    integrity,
    ita,
    people,
    plans,
    procurement,
    whistleblower,
)

__all__ = ["assets", "eservice", "integrity", "ita", "people", "plans", "procurement", "whistleblower"]

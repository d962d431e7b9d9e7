"""Importing this package registers every exporter (see prongsai.reports.registry)."""

from prongsai.reports.exporters import ita, plans, procurement

__all__ = ["ita", "plans", "procurement"]

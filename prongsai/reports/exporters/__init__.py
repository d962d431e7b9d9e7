"""Importing this package registers every exporter (see prongsai.reports.registry)."""

from prongsai.reports.exporters import eservice, ita, people, plans, procurement

__all__ = ["eservice", "ita", "people", "plans", "procurement"]

"""Importing this package registers every exporter (see prongsai.reports.registry)."""

from prongsai.reports.exporters import eservice, integrity, ita, people, plans, procurement

__all__ = ["eservice", "integrity", "ita", "people", "plans", "procurement"]

"""Importing this package registers every exporter (see prongsai.reports.registry)."""

from prongsai.reports.exporters import assets, eservice, ita, plans, procurement

__all__ = ["assets", "eservice", "ita", "plans", "procurement"]

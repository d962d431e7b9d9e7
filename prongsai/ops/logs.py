"""Structured logs: one JSON object per line in production, each with the id of the request (or job run).

Nothing personal goes into a log line. Prongsai's own code logs ids, counts and exception classes only; as
a second line of defence every record passes through ``ScrubFilter``, which removes what looks like an
e-mail address, a 13-digit national ID or a phone number, the query string of any URL and anything after
the corruption-reporting channel's path, before a handler writes it. Tracebacks are kept (operators need
them) but the exception's message, which may quote data, is replaced by the exception's class.
"""

from __future__ import annotations

import json
import logging
import re
import traceback
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

request_id_var: ContextVar[str] = ContextVar("prongsai_request_id", default="")

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A Thai national ID with or without its dashes (1-2345-67890-12-3), and any run of 9+ digits.
_THAI_ID = re.compile(r"\b\d[- ]?\d{4}[- ]?\d{5}[- ]?\d{2}[- ]?\d\b")
# (Not inside a word, a dotted name or a dashed UUID, whose digit groups are no phone number.)
_LONG_NUMBER = re.compile(r"(?<![\w.-])\+?\d(?:[\d -]{7,}\d)(?![\w.-])")
# Everything after the channel's paths: a receipt, a report or file id has no business in a log.
_CHANNEL = re.compile(r"(/(?:staff/)?integrity/)\S*")
_QUERY = re.compile(r"(/[^\s?\"']*)\?\S*")


def scrub(text: str) -> str:
    """Remove what could be personal data or a trace of the corruption channel from a log text."""
    text = _CHANNEL.sub(r"\1…", text)
    text = _QUERY.sub(r"\1?…", text)
    text = _EMAIL.sub("[e-mail]", text)
    text = _THAI_ID.sub("[id]", text)
    return _LONG_NUMBER.sub("[number]", text)


def _safe_traceback(exc_info: Any) -> str:
    """The traceback's frames and the exception's class, without its message (which may quote data)."""
    exc_type, _exc, tb = exc_info
    frames = "".join(traceback.format_tb(tb)) if tb is not None else ""
    name = getattr(exc_type, "__qualname__", str(exc_type))
    return f"Traceback (most recent call last):\n{frames}{name} (message withheld)"


class ScrubFilter(logging.Filter):
    """Rewrites every record so that its message and traceback carry no personal data (see the module doc)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        record.msg = scrub(message)
        record.args = None
        if record.exc_info:
            record.exc_text = scrub(_safe_traceback(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        # Django attaches the request to error records; handlers that render it (the admin mailer) would
        # print its headers and POST data.
        if hasattr(record, "request"):
            record.request = None
        record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC), level, logger, message, request id, and the traceback if any."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = getattr(record, "request_id", "") or request_id_var.get()
        if request_id:
            entry["request_id"] = request_id
        status = getattr(record, "status_code", None)
        if isinstance(status, int):
            entry["status"] = status
        if record.exc_text:
            entry["traceback"] = record.exc_text
        elif record.exc_info:
            entry["traceback"] = scrub(_safe_traceback(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


class PlainFormatter(logging.Formatter):
    """The development format, with the request id when there is one."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        request_id = getattr(record, "request_id", "")
        return f"{line} [{request_id}]" if request_id else line


def logging_config(*, log_format: str, level: str) -> dict[str, Any]:
    """The LOGGING setting: every record scrubbed, then written to stderr as JSON lines or plain text."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"scrub": {"()": "prongsai.ops.logs.ScrubFilter"}},
        "formatters": {
            "json": {"()": "prongsai.ops.logs.JsonFormatter"},
            "plain": {"()": "prongsai.ops.logs.PlainFormatter"},
        },
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": log_format, "filters": ["scrub"]},
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Request lines carry client addresses; they are not kept (see docs/configuration.md).
            "django.server": {"handlers": [], "level": "ERROR", "propagate": False},
            # Django's own request/security loggers write through the root handler only.
            "django": {"handlers": [], "level": level, "propagate": True},
            "axes": {"level": "WARNING"},
        },
    }

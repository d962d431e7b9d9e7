"""Where a secret could leak, gathered for a search: the whole database, the media folder, every log record,
the cache and the outbox. Used by the canary and client-address tests."""

from __future__ import annotations

import base64
import logging
import pickle
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import connection


def dump_database() -> bytes:
    """Every row of every table as text: SQLite's iterdump, or PostgreSQL rows cast to text."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        return "\n".join(connection.connection.iterdump()).encode("utf-8", "surrogatepass")
    lines: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT t::text FROM "{table}" AS t')  # noqa: S608 - table names from introspection
            lines.extend(f"{table}: {row[0]}" for row in cursor.fetchall())
    return "\n".join(lines).encode()


def media_files() -> list[tuple[Path, bytes]]:
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return []
    return [(path, path.read_bytes()) for path in root.rglob("*") if path.is_file()]


def cache_dump() -> bytes:
    """The local-memory caches' contents (rate-limit counters and the like)."""
    chunks = []
    for cache in caches.all():
        store = getattr(cache, "_cache", None)
        if isinstance(store, dict):
            for key, value in store.items():
                chunks.append(str(key).encode())
                chunks.append(value if isinstance(value, bytes) else pickle.dumps(value))
    return b"\n".join(chunks)


class _Everything(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=1)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))
        # Extra attributes too (Django puts the request object there): its META is what a mail or file
        # handler configured by an operator would print.
        self.lines.append(repr(record.__dict__))
        request = getattr(record, "request", None)
        if request is not None:
            self.lines.append(repr(getattr(request, "META", {})))
            self.lines.append(repr(getattr(request, "headers", {})))


@contextmanager
def captured_logs() -> Iterator[_Everything]:
    """Every log record of every logger at every level, while the block runs."""
    handler = _Everything()
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(1)
    # Loggers that do not propagate to the root get the handler directly.
    extra = [
        logging.getLogger(name)
        for name in list(logging.root.manager.loggerDict)
        if isinstance(logging.root.manager.loggerDict[name], logging.Logger)
        and not logging.getLogger(name).propagate
    ]
    levels = {lg.name: lg.level for lg in extra}
    for lg in [*extra, logging.getLogger("django.server"), logging.getLogger("axes")]:
        lg.addHandler(handler)
        lg.setLevel(1)
        levels.setdefault(lg.name, lg.level)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)
        for name, level in levels.items():
            logging.getLogger(name).removeHandler(handler)
            logging.getLogger(name).setLevel(level)


def encodings(secret: str) -> dict[str, list[bytes]]:
    """The forms a secret could take when stored: plain, UTF-16 (both byte orders), base64 (all three
    alignments, standard and URL-safe), and hex (as SQLite and PostgreSQL print binary columns)."""
    raw = secret.encode("utf-8")
    forms: dict[str, list[bytes]] = {
        "plain": [raw],
        "utf-16-le": [secret.encode("utf-16-le")],
        "utf-16-be": [secret.encode("utf-16-be")],
        "hex": [raw.hex().encode(), raw.hex().upper().encode()],
        "base64": [],
    }
    for offset in range(3):
        encoded = base64.b64encode(b"\0" * offset + raw)
        # Keep only the characters made of the secret's bits alone (6 bits per character).
        start = -(-8 * offset // 6)
        end = 8 * (offset + len(raw)) // 6
        core = encoded[start:end]
        if len(core) >= 8:
            forms["base64"].append(core)
            forms["base64"].append(core.replace(b"+", b"-").replace(b"/", b"_"))
    return forms


def occurrences(secret: str, haystacks: dict[str, bytes]) -> list[str]:
    """Where ``secret`` appears in any of its encodings: "<place>: <encoding>" for each hit."""
    hits = []
    for place, data in haystacks.items():
        lowered = data.lower()
        for name, patterns in encodings(secret).items():
            for pattern in patterns:
                found = pattern.lower() in lowered if name == "hex" else pattern in data
                if found:
                    hits.append(f"{place}: {name}")
    return hits


def everything(log_lines: list[str], extra: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """Database dump, media files, logs and caches as named byte strings."""
    haystacks = {"database": dump_database(), "logs": "\n".join(log_lines).encode(), "cache": cache_dump()}
    for path, content in media_files():
        haystacks[f"media {path.name}"] = content
    haystacks.update(extra or {})
    return haystacks

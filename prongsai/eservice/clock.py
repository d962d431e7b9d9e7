"""The one place the E-Service app reads the current time.

Everything in the app that stamps or compares "now" calls ``clock.now()``, so a test (including a browser
test whose live server runs in the test's own process) can put the whole app at a chosen moment, e.g. just
before a public holiday, with ``monkeypatch.setattr(clock, "now", ...)``.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()

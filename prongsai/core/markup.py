"""Markup written in Python where the template engine was too slow, escaped exactly as templates escape.

``{{ value }}`` prints safe text as it is and escapes any other text; Django's ``escape`` does that through a
wrapper for lazy text that costs more than the escaping itself. The register's rows, the OIT index's items
and the form renderer's select boxes write hundreds of values per page, so they use ``text`` (tests compare
each with the templates it replaces).
"""

from __future__ import annotations

import html

from django.utils.safestring import SafeData


def text(value: str) -> str:
    """A string as ``{{ value }}`` writes it."""
    return value if isinstance(value, SafeData) else html.escape(value)

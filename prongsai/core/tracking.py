"""The tracking codes citizens use to follow what they sent: an E-Service request, a question, a complaint.

One scheme for every channel (docs/decisions/0030-citizen-form-safeguards.md):

* 12 characters from an alphabet without look-alikes (no 0/O, no 1/I/L), about 59 bits from the OS's
  CSPRNG, so a code cannot be guessed; stored without dashes (``ABCD2345EFGH``);
* shown in groups of four (``ABCD-2345-EFGH``), which are easier to read aloud and to copy from paper;
* accepted as typed: any case, with or without spaces and dashes, in Thai digits (๒๓๔) as well as Arabic.

E-Service codes issued before the scheme was shared used Crockford's alphabet (with 0 and 1); they are
still recognised, and an O, I or L typed in their place is read as the digit it was meant to be.

The corruption channel's 16-digit receipt is a different, secret thing (``whistleblower.crypto``).
"""

from __future__ import annotations

import secrets
import unicodedata

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 12  # 31**12 ≈ 2**59.5
# What a stored code may contain: the alphabet, plus 0 and 1 of the E-Service's earlier codes.
_STORED = frozenset(ALPHABET) | {"0", "1"}
_MISREAD = str.maketrans("OIL", "011")


def new_tracking_code() -> str:
    """A fresh, unguessable tracking code in its stored form (no dashes)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise_tracking_code(text: str) -> str:
    """The stored form of a code as a person typed it; "" when the text cannot be a tracking code."""
    chars: list[str] = []
    for char in unicodedata.normalize("NFKC", text or ""):
        digit = unicodedata.decimal(char, None)  # ๐–๙ and every other script's digits
        if digit is not None:
            chars.append(str(digit))
        elif char.isascii() and char.isalpha():
            chars.append(char.upper())
        elif char.isspace() or char in "-–—‐‑.":
            continue
        else:
            return ""
    code = "".join(chars).translate(_MISREAD)
    if len(code) != LENGTH or not set(code) <= _STORED:
        return ""
    return code


def format_tracking_code(code: str) -> str:
    """``ABCD-2345-EFGH``: the stored code in groups of four, as people see it."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))

"""One tracking-code scheme for every citizen channel."""

from __future__ import annotations

import re

from prongsai.core.tracking import ALPHABET, format_tracking_code, new_tracking_code, normalise_tracking_code


def test_tracking_codes_are_twelve_unambiguous_characters_and_do_not_repeat():
    codes = {new_tracking_code() for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:50]:
        assert len(code) == 12
        assert set(code) <= set(ALPHABET)
        assert not set(code) & set("01ILO")


def test_a_code_is_shown_in_groups_of_four():
    assert format_tracking_code("ABCD2345EFGH") == "ABCD-2345-EFGH"
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", format_tracking_code(new_tracking_code()))


def test_a_code_is_read_back_however_a_person_types_it():
    code = new_tracking_code()
    shown = format_tracking_code(code)
    assert normalise_tracking_code(shown) == code
    assert normalise_tracking_code(code) == code  # dashes are optional
    assert normalise_tracking_code(f"  {shown.lower().replace('-', ' ')} ") == code
    assert normalise_tracking_code("abcd–2345—efgh") == "ABCD2345EFGH"  # typographic dashes too


def test_thai_digits_are_read_as_the_digits_they_are():
    assert normalise_tracking_code("ABCD-๒๓๔๕-EFGH") == "ABCD2345EFGH"


def test_text_that_cannot_be_a_code_normalises_to_nothing():
    for text in ["", "ABCD-2345", "ABCD-2345-EFGH-J", "ABCD-2345-EFG#", "ABCD-2345-EFGก", None]:
        assert normalise_tracking_code(text) == ""  # type: ignore[arg-type]


def test_earlier_eservice_codes_with_zero_and_one_are_still_recognised_and_misreadings_fixed():
    # Codes issued by the E-Service before the scheme was shared used Crockford's alphabet.
    assert normalise_tracking_code("7KQ0-M1XA-3HPD") == "7KQ0M1XA3HPD"
    assert normalise_tracking_code("7kqo-mlxa-3hpd") == "7KQ0M1XA3HPD"  # O read as 0, l as 1
    assert normalise_tracking_code("7KQO-MIXA-3HPD") == "7KQ0M1XA3HPD"

"""Receipts: typed in any digits, found by a partial tag, checked by Argon2id, guessing throttled first."""

from __future__ import annotations

import pytest
from django.test import Client
from django_scopes import scopes_disabled

from conftest import AGENCY_HOST
from prongsai.core.tenancy import agency_scope
from prongsai.whistleblower import crypto, services
from prongsai.whistleblower.models import Report

from .conftest import submit


@pytest.mark.parametrize(
    "typed",
    [
        "1234567890123456",
        "1234 5678 9012 3456",
        "1234-5678-9012-3456",
        "๑๒๓๔ ๕๖๗๘ ๙๐๑๒ ๓๔๕๖",
        "๑๒๓๔-๕๖๗๘-๙๐๑๒-๓๔๕๖",
        " 1234\u00a05678 ๙๐๑๒ 3456 ",
        "١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦",  # Arabic-Indic digits
        "１２３４５６７８９０１２３４５６",  # full-width digits from a phone keyboard
    ],
)
def test_receipts_are_read_in_thai_arabic_and_other_digits_with_spaces_or_dashes(typed):
    assert crypto.normalize_receipt(typed) == "1234567890123456"


@pytest.mark.parametrize(
    "typed", ["", "123", "1234 5678 9012 345", "1234 5678 9012 34567", "1234a678901234561"]
)
def test_anything_else_is_not_a_receipt(typed):
    assert crypto.normalize_receipt(typed) is None


def test_new_receipts_have_16_random_digits():
    receipts = {crypto.new_receipt() for _ in range(200)}
    assert len(receipts) == 200
    assert all(len(r) == 16 and r.isdigit() for r in receipts)


def test_the_lookup_tag_depends_only_on_the_first_four_digits_and_the_agency():
    a = crypto.receipt_tags(1, "1234000000000000")[0]
    assert a == crypto.receipt_tags(1, "1234999999999999")[0]
    assert a != crypto.receipt_tags(1, "1235000000000000")[0]
    assert a != crypto.receipt_tags(2, "1234000000000000")[0]


def test_a_rotated_secret_key_still_finds_old_receipts(reporter, committee, settings):
    _done, receipt = submit(reporter)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-after-rotation-0123456789-abcdefghijklmnopqrstuvwxyz"
    response = Client(HTTP_HOST=AGENCY_HOST).post("/integrity/follow-up/", {"receipt": receipt})
    assert response.status_code == 302


def test_the_receipt_is_stored_only_as_an_argon2id_verifier(reporter, committee):
    _done, receipt = submit(reporter)
    with scopes_disabled():
        report = Report.objects.get()
    assert report.receipt_kdf.startswith("argon2id:")
    assert receipt not in repr(report.__dict__)
    assert len(bytes(report.receipt_verifier)) == 32


def test_a_thousand_wrong_receipts_from_one_client_are_refused_without_a_thousand_slow_hashes(
    agency, committee, monkeypatch
):
    reporter = Client(HTTP_HOST=AGENCY_HOST, REMOTE_ADDR="192.0.2.10")
    _done, receipt = submit(reporter)
    calls = []
    real = crypto.argon2id

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(crypto, "argon2id", counting)
    refused = 0
    for n in range(1000):
        wrong = f"{(int(receipt) + 1 + n * 7919) % 10**16:016d}"
        response = reporter.post("/integrity/follow-up/", {"receipt": wrong})
        if response.status_code in (400, 429):
            refused += 1
    assert refused == 1000
    # Only the attempts the per-client allowance admits reach the lookup, and each costs one Argon2id run.
    assert len(calls) <= 10, len(calls)
    last = reporter.post("/integrity/follow-up/", {"receipt": receipt})
    assert last.status_code == 429, "even the right receipt waits once the client's allowance is used up"
    assert "กรุณารอหนึ่งชั่วโมง" in last.content.decode()
    # Another client is not locked out by the first one's guessing.
    other = Client(HTTP_HOST=AGENCY_HOST, REMOTE_ADDR="192.0.2.99")
    assert other.post("/integrity/follow-up/", {"receipt": receipt}).status_code == 302


def test_a_guess_whose_tag_matches_no_report_still_costs_one_slow_hash_so_timing_reveals_nothing(
    agency, committee, monkeypatch
):
    calls = []
    real = crypto.argon2id
    monkeypatch.setattr(crypto, "argon2id", lambda *a, **k: calls.append(1) or real(*a, **k))
    with agency_scope(agency):
        check = services.receipt_open(agency=agency, receipt_text="9999 9999 9999 9999", client="c")
    assert check.outcome == "not_found"
    assert len(calls) == 1


def test_the_global_limit_bounds_slow_hashes_from_many_clients(agency, committee, settings):
    settings.WHISTLEBLOWER_RATE_LIMITS = {"receipt": (10, 25)}
    with agency_scope(agency):
        outcomes = [
            services.receipt_open(
                agency=agency, receipt_text="1111 2222 3333 4444", client=f"client-{n}"
            ).outcome
            for n in range(40)
        ]
    assert outcomes.count("limited") == 15


def test_a_flood_of_wrong_receipts_does_not_lock_out_the_holder_of_a_right_one(
    agency, committee, settings, monkeypatch
):
    settings.WHISTLEBLOWER_RATE_LIMITS = {"receipt": (10, 20)}
    _done, receipt = submit(Client(HTTP_HOST=AGENCY_HOST))
    calls = []
    real = crypto.receipt_secrets
    monkeypatch.setattr(crypto, "receipt_secrets", lambda *a, **k: calls.append(1) or real(*a, **k))
    outcomes = []
    with agency_scope(agency):
        for n in range(400):  # 40 clients, each within its own allowance of 10
            prefix = (int(receipt[:4]) + 1 + n * 7) % 10_000
            wrong = f"{prefix:04d}{n:012d}"
            if wrong[:4] != receipt[:4]:
                outcomes.append(
                    services.receipt_open(
                        agency=agency, receipt_text=wrong, client=f"client-{n % 40}"
                    ).outcome
                )
        right = services.receipt_open(agency=agency, receipt_text=receipt, client="the-reporter")
    assert outcomes[:20] == ["not_found"] * 20, "within the budget each wrong receipt is checked"
    assert set(outcomes[20:]) == {"limited"}, "past the budget every wrong receipt is answered alike"
    # Past the agency's budget, wrong receipts whose prefix no report carries cost no slow hash.
    assert len(calls) <= 20 + 1 + 1, len(calls)  # the budget, one timing measure at most, the right receipt
    assert right.outcome == "ok"


def test_past_the_budget_a_wrong_receipt_with_a_real_prefix_is_answered_like_any_other(
    agency, committee, settings
):
    settings.WHISTLEBLOWER_RATE_LIMITS = {"receipt": (100, 1)}
    settings.WHISTLEBLOWER_RECEIPT_PER_PREFIX = 2
    _done, receipt = submit(Client(HTTP_HOST=AGENCY_HOST))
    near = receipt[:4] + f"{(int(receipt[4:]) + 1) % 10**12:012d}"
    with agency_scope(agency):
        first = services.receipt_open(agency=agency, receipt_text="9999 0000 0000 0001", client="a")
        past = [services.receipt_open(agency=agency, receipt_text=near, client="a").outcome for _ in range(2)]
        # The prefix's share (2) is spent by the two wrong tries: the right receipt now waits too.
        spent = services.receipt_open(agency=agency, receipt_text=receipt, client="b")
    assert first.outcome == "not_found"
    assert past == ["limited", "limited"]
    assert spent.outcome == "limited"

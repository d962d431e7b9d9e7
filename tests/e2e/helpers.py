"""Helpers shared by the browser tests: demo data, accessibility audits, layout checks and screenshots."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_scopes import scopes_disabled

from prongsai.core.demo import DEMO_PASSWORD
from prongsai.core.models import Agency
from tests.demo_snapshot import seed_or_restore_demo

AGENCY_NAME = "องค์การบริหารส่วนตำบลวังทอง"
# axe-core impacts that fail a test; "minor" and "moderate" findings are left to a person's judgement.
BLOCKING_IMPACTS = {"serious", "critical"}
MOBILE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


def seed_demo() -> None:
    """The demo agency อบต.วังทอง with its people, staff accounts and published content.

    Built once per test session and restored before each later test (tests/demo_snapshot.py explains why).
    """
    seed_or_restore_demo(lambda: call_command("seed_demo", "--allow-production", stdout=_Discard()))


def minimal_agency() -> Agency:
    """A bare default agency, for tests that only need the site to answer (much faster than seed_demo)."""
    with scopes_disabled():
        return Agency.objects.create(
            code="wangthong",
            name_th=AGENCY_NAME,
            kind=Agency.Kind.SAO,
            province="ชัยภูมิ",
            district="ภักดีชุมพล",
            address="หมู่ที่ 1",
            is_default=True,
        )


class _Discard:
    """A stdout for call_command that keeps the test output quiet."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        return None


def slug_for(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"


def axe_violations(page: Any, axe_source: str) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now and return its violations (all impacts)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary || ''})),
            }));
        }"""
    )
    return list(result)


def describe_violations(where: str, violations: list[dict[str, Any]]) -> list[str]:
    """One readable line per blocking violation and node."""
    lines = []
    for v in violations:
        if v["impact"] not in BLOCKING_IMPACTS:
            continue
        for node in v["nodes"]:
            summary = " ".join(node["summary"].split())
            lines.append(f"{where}: [{v['impact']}] {v['id']} – {v['help']} – {node['target']} – {summary}")
    return lines


def duplicate_ids(page: Any) -> list[str]:
    """Element ids used more than once: a label's ``for`` then points at the first element only."""
    return page.evaluate(
        """() => {
            const seen = new Map();
            for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) || 0) + 1);
            return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
        }"""
    )


def horizontal_overflow(page: Any) -> dict[str, Any] | None:
    """None when the page fits the viewport's width, else the widths and the elements sticking out."""
    return page.evaluate(
        """() => {
            const doc = document.documentElement;
            if (doc.scrollWidth <= window.innerWidth) return null;
            const wide = [];
            for (const el of document.body.querySelectorAll('*')) {
                const box = el.getBoundingClientRect();
                if (box.right > window.innerWidth + 0.5 && wide.length < 8) {
                    wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                              (el.className && typeof el.className === 'string'
                                  ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
                              ' right=' + Math.round(box.right));
                }
            }
            return {scrollWidth: doc.scrollWidth, innerWidth: window.innerWidth, elements: wide};
        }"""
    )


def current_totp(username: str) -> str:
    """The code the user's authenticator app shows now (the test plays the phone)."""
    device = TOTPDevice.objects.get(user__username=username, confirmed=True)
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{code:0{device.digits}d}"


def submit(page: Any, button_name: str) -> Any:
    """Click a submit button and return the response of the page the browser lands on."""
    with page.expect_navigation() as nav:
        page.get_by_role("button", name=button_name, exact=True).click()
    return nav.value


def sign_in(page: Any, base_url: str, username: str) -> None:
    """Password, then the TOTP code, as a person at the login page would; ends on the staff dashboard."""
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill(DEMO_PASSWORD)
    response = submit(page, "เข้าสู่ระบบ")
    assert response.status == 200, f"login answered {response.status}"
    assert urlsplit(page.url).path == "/accounts/verify/", page.url
    page.get_by_label("รหัสยืนยัน 6 หลัก").fill(current_totp(username))
    response = submit(page, "ยืนยัน")
    assert response.status == 200, f"TOTP step answered {response.status}"
    assert urlsplit(page.url).path == "/staff/", page.url


def screenshot(page: Any, directory: Path, name: str) -> Path:
    path = directory / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path

"""Browser tests: Debian's Chromium driven by Playwright (sync API) against pytest-django's ``live_server``.

Setup (once per machine; CI does the same):

    apt-get install -y chromium        # /usr/bin/chromium; ``playwright install`` is not used
    npm install                        # node_modules/axe-core/axe.min.js for the accessibility checks

Without Chromium or axe-core the browser tests are skipped, unless ``PRONGSAI_REQUIRE_BROWSER=1`` (CI) turns
the missing tool into a failure. ``PRONGSAI_CHROMIUM`` names another Chromium executable and
``PRONGSAI_AXE_JS`` another copy of axe.min.js.

Why ``DJANGO_ALLOW_ASYNC_UNSAFE``: while Playwright's sync API is started it marks an asyncio event loop as
running in the main thread (its dispatcher runs in a greenlet of that thread). Django then refuses every
ORM call from the main thread (``SynchronousOnlyOperation``): the test's own ``seed_demo`` and TOTP-device
look-ups, and pytest-django's flush of the database after each test. No coroutine of ours ever touches
the ORM, so the check protects nothing here. The variable is set only while the module's Playwright runs
and restored afterwards, and Playwright is stopped at the end of each test module, so tests of other
modules run in the same session keep Django's check and see no running loop.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = Path(os.environ.get("PRONGSAI_AXE_JS") or ROOT / "node_modules" / "axe-core" / "axe.min.js")
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _missing(message: str) -> None:
    """Skip the test for a missing tool, or fail it when the browser tests are required (CI)."""
    if os.environ.get("PRONGSAI_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{message} (PRONGSAI_REQUIRE_BROWSER=1 requires the browser tests to run)")
    pytest.skip(message)


def _chromium_path() -> Path:
    return Path(os.environ.get("PRONGSAI_CHROMIUM") or DEFAULT_CHROMIUM)


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE_JS.is_file():
        _missing(f"axe-core is missing: {AXE_JS} not found; run `npm install` in {ROOT}")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """A headless Chromium for the tests of one module (Playwright stops when the module ends)."""
    executable = _chromium_path()
    if not (executable.is_file() and os.access(executable, os.X_OK)):
        _missing(
            f"Chromium is missing: {executable} is not an executable file; "
            "install it with `apt-get install -y chromium` or point PRONGSAI_CHROMIUM at one"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is a dev dependency
        _missing("the Python package playwright is not installed (pip install -e '.[dev]')")

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # see the module docstring
    try:
        playwright = sync_playwright().start()
        try:
            chromium = playwright.chromium.launch(
                executable_path=str(executable), headless=True, args=CHROMIUM_ARGS
            )
            try:
                yield chromium
            finally:
                chromium.close()
        finally:
            playwright.stop()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def context(browser) -> Iterator[object]:
    """A fresh browser profile per test: Thai locale, CSP bypassed so axe-core can be injected."""
    ctx = browser.new_context(locale="th-TH", bypass_csp=True, viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(15_000)
    try:
        yield ctx
    finally:
        ctx.close()


@pytest.fixture
def page(context) -> object:
    return context.new_page()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where screenshots go for a person to look at (gitignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under pytest-xdist with ``--dist loadgroup`` (CI), every browser test runs in one worker process,
    so the demo is seeded once (demo_snapshot.py) and one Chromium serves them all."""
    for item in items:
        if item.get_closest_marker("browser") is not None:
            item.add_marker(pytest.mark.xdist_group("browser"))

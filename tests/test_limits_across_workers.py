"""Every abuse limit holds across two web processes, as with gunicorn's workers in production (ADR 0080).

Two real gunicorn servers (one sync worker each, on two free ports) serve the suite's database (SQLite
copied to a file, or the PostgreSQL test database) with the production settings module — so
``caches["default"]`` is the shared database cache table — and the requests alternate between them. With
counters in a process's memory each server would grant the whole allowance again; here the totals must be
those of one.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from prongsai.core.models import Agency
from prongsai.core.roles import Role
from prongsai.core.safeguards import aged_token, challenge_answer
from prongsai.ops.tests.shared_db import SharedDatabase
from prongsai.whistleblower.tests.factories import recipient

ROOT = Path(__file__).resolve().parents[1]


def _free_ports(count: int) -> tuple[int, ...]:
    """Ports nothing listens on now: CI runs the SQLite and PostgreSQL suites side by side, so fixed ports
    would clash between the two runs of this module."""
    sockets = [socket.socket() for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return tuple(sock.getsockname()[1] for sock in sockets)
    finally:
        for sock in sockets:
            sock.close()


PORTS = _free_ports(2)
HOST = "wangthong.test"
RECEIPT_PER_CLIENT, RECEIPT_GLOBAL = 10, 30
FORMS_PER_HOUR = 4
OPEN311_RATE = 6

SETTINGS_MODULE = f"""
from prongsai.settings import *  # noqa: F403 - production settings, with the shared cache as configured there

STATIC_FILES = "django.contrib.staticfiles.storage.StaticFilesStorage"
STORAGES = {{**STORAGES, "staticfiles": {{"BACKEND": STATIC_FILES}}}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WHISTLEBLOWER_KDF = {{"passphrase": (1, 8 * 1024 * 1024), "receipt": (1, 8 * 1024 * 1024)}}
WHISTLEBLOWER_RATE_LIMITS = {{"receipt": ({RECEIPT_PER_CLIENT}, {RECEIPT_GLOBAL}), "submit": (10, 120)}}
WHISTLEBLOWER_TRUST_X_FORWARDED_FOR = True  # lets the test speak for many clients
CLIENT_ADDRESS_HEADER = "X-Real-IP"
CITIZEN_SUBMISSIONS_PER_HOUR = {FORMS_PER_HOUR}
OPEN311_SUBMIT_RATE = "{OPEN311_RATE}/hour"
"""

RESET = """
from django.core.cache import caches
from django.core.management import call_command

call_command("createcachetable")  # migrate made it; a database reused from an older run may lack it
caches["default"].clear()
"""


@dataclass
class Answer:
    status: int
    body: str
    location: str = ""


class Browser:
    """A cookie-keeping HTTP client that does not follow redirects."""

    def __init__(self, address: str = "127.0.0.1") -> None:
        self.address = address
        self.jar = http.cookiejar.CookieJar()

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args: object, **kwargs: object) -> None:
                return None

        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, port: int, path: str, data: dict[str, str] | None = None) -> Answer:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body)
        req.add_header("Host", HOST)
        req.add_header("X-Real-IP", self.address)
        req.add_header("X-Forwarded-For", self.address)
        try:
            with self.opener.open(req, timeout=60) as response:
                return Answer(response.status, response.read().decode(), response.headers.get("Location", ""))
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.read().decode(), error.headers.get("Location", ""))

    def csrf(self, port: int, path: str) -> tuple[str, str]:
        page = self.request(port, path)
        assert page.status == 200, page.body[:500]
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
        assert match, page.body[:500]
        return match.group(1), page.body


def _wait_for(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the server on {port} stopped:\n{log.read_text()[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"the server on {port} did not start:\n{log.read_text()[-3000:]}")


@pytest.fixture
def shared_db(transactional_db: None, tmp_path: Path) -> SharedDatabase:
    return SharedDatabase(tmp_path)


@pytest.fixture
def servers(shared_db: SharedDatabase, agency: Agency) -> Iterator[tuple[int, int]]:
    """The suite's database, shared with two gunicorn servers that run the production settings."""
    recipient(agency, "committee", Role.INTEGRITY_COMMITTEE)
    shared_db.push()
    (shared_db.tmp_path / "limits_settings.py").write_text(SETTINGS_MODULE, encoding="utf-8")
    env = shared_db.env(
        DJANGO_SETTINGS_MODULE="limits_settings",
        PYTHONPATH=f"{shared_db.tmp_path}{os.pathsep}{ROOT}",
        TASKS_BACKEND="immediate",
        LOG_LEVEL="WARNING",
    )
    env.pop("REDIS_URL", None)
    subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", RESET], env=env, check=True, cwd=ROOT
    )
    started = []
    try:
        for port in PORTS:
            log = shared_db.tmp_path / f"server-{port}.log"
            command = [sys.executable, "-m", "gunicorn", "prongsai.wsgi:application", "--workers", "1"]
            command += ["--bind", f"127.0.0.1:{port}", "--timeout", "120"]
            server = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
                command,
                env=env,
                cwd=ROOT,
                stdout=log.open("wb"),
                stderr=subprocess.STDOUT,
            )
            started.append(server)
            _wait_for(port, server, log)
        yield PORTS
    finally:
        for server in started:
            server.terminate()
        for server in started:
            server.wait(timeout=30)


def _alternate(n: int) -> int:
    return PORTS[n % 2]


def test_every_limit_holds_across_two_workers_and_a_receipt_flood_does_not_lock_out_the_reporter(servers):
    # One test, so the two servers start once: each section below is one limit.
    _a_citizen_forms_hourly_limit_holds_across_two_workers()
    _the_open311_creation_limit_holds_across_two_workers()
    _the_receipt_limits_hold_across_two_workers_and_a_flood_does_not_lock_out_the_reporter()


def _a_citizen_forms_hourly_limit_holds_across_two_workers() -> None:
    client = Browser("198.51.100.7")
    accepted = limited = 0
    for n in range(3 * FORMS_PER_HOUR):
        port = _alternate(n)
        csrf, _page = client.csrf(port, "/qa/ask/")
        nonce = secrets.token_urlsafe(9)
        answer = client.request(
            port,
            "/qa/ask/",
            {
                "csrfmiddlewaretoken": csrf,
                "form_token": aged_token("question", nonce=nonce),
                "challenge_answer": str(challenge_answer(nonce)),
                "website": "",
                "title": f"คำถามที่ {n}",
                "body": "ขอทราบขั้นตอนการขอใบอนุญาตก่อสร้างบ้าน",
            },
        )
        if answer.status == 302:
            accepted += 1
        elif answer.status == 429:
            limited += 1
        else:
            pytest.fail(f"{answer.status}: {answer.body[:1500]}")
    assert accepted == FORMS_PER_HOUR, "the allowance is one for both workers, not one each"
    assert limited == 2 * FORMS_PER_HOUR


def _the_open311_creation_limit_holds_across_two_workers() -> None:
    client = Browser("198.51.100.8")
    statuses = [
        client.request(_alternate(n), "/open311/v2/requests.json", {"service_code": "none"}).status
        for n in range(3 * OPEN311_RATE)
    ]
    assert statuses.count(429) == 2 * OPEN311_RATE, statuses
    # Reading is not limited by the creation allowance.
    assert client.request(PORTS[1], "/open311/v2/services.json").status == 200


def _receipt(client: Browser) -> str:
    csrf, page = client.csrf(PORTS[0], "/integrity/report/")
    token = re.search(r'name="token" value="([^"]+)"', page)
    assert token, page[:500]
    sent = client.request(
        PORTS[0],
        "/integrity/report/",
        {"csrfmiddlewaretoken": csrf, "token": token.group(1), "what": "เรียกรับเงิน", "strip_metadata": ""},
    )
    assert sent.status == 302, sent.body[:2000]
    done = client.request(PORTS[0], urllib.parse.urlsplit(sent.location).path)
    match = re.search(r'<p class="receipt" id="receipt">([0-9 ]+)</p>', done.body)
    assert match, done.body[:2000]
    return match.group(1).replace(" ", "")


def _follow_up(client: Browser, port: int, receipt: str) -> int:
    csrf, _page = client.csrf(port, "/integrity/follow-up/")
    return client.request(
        port, "/integrity/follow-up/", {"csrfmiddlewaretoken": csrf, "receipt": receipt}
    ).status


def _wrong(receipt: str, n: int) -> str:
    # Another prefix than the real one, spread over many prefixes as a guesser's would be.
    prefix = (int(receipt[:4]) + 1 + n * 37) % 10_000
    if prefix == int(receipt[:4]):
        prefix = (prefix + 1) % 10_000
    return f"{prefix:04d}{secrets.randbelow(10**12):012d}"


def _the_receipt_limits_hold_across_two_workers_and_a_flood_does_not_lock_out_the_reporter() -> None:
    receipt = _receipt(Browser("203.0.113.1"))

    # One client: its allowance is one for both workers.
    guesser = Browser("203.0.113.2")
    statuses = [_follow_up(guesser, _alternate(n), _wrong(receipt, n)) for n in range(2 * RECEIPT_PER_CLIENT)]
    assert statuses.count(400) == RECEIPT_PER_CLIENT, statuses
    assert statuses.count(429) == RECEIPT_PER_CLIENT, statuses

    # Many clients: the agency's budget of slow hashes is one for both workers too; past it every wrong
    # receipt is refused alike.
    flood = [Browser(f"203.0.114.{n}") for n in range(1, 11)]
    statuses = [
        _follow_up(flood[n % 10], _alternate(n // 10), _wrong(receipt, 1000 + n))
        for n in range(10 * RECEIPT_PER_CLIENT)
    ]
    checked = statuses.count(400)
    assert checked == RECEIPT_GLOBAL - RECEIPT_PER_CLIENT, statuses
    assert statuses.count(429) == 10 * RECEIPT_PER_CLIENT - checked

    # The holder of the right receipt still gets in, on either worker, after the flood.
    assert _follow_up(Browser("203.0.113.50"), PORTS[1], receipt) == 302
    assert _follow_up(Browser("203.0.113.51"), PORTS[0], receipt) == 302

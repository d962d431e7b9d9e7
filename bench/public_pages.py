"""Throughput and latency of Prongsai's public pages under the production WSGI server.

What is measured
----------------
A throw-away instance (SQLite in a temporary directory unless ``--database-url`` is given) is migrated,
seeded with the demo agency and served by gunicorn with DEBUG off, exactly as in production. Client threads
on the same machine then request, one target after the other and for a bounded time each:

* ``/``                       the home page (latest news, executives),
* ``/executives/``            the executives page,
* ``/news/``                  the news list, and the first article it links (``/news/<id>/``),
* ``/eservice/``              the E-Service catalogue,
* ``/procurement/register/``  the procurement register (first page),
* ``/ita/<year>/``            the OIT index of the current year (where ``/ita/`` redirects),
* the site's stylesheet, as the home page links it (``/static/portal/site.<hash>.css``).

With ``--scale N`` (``make bench`` runs it with 10 as well), the demo's news, executives, services,
register rows and announcements are copied until there are N times as many (bench/scale_data.py), so the
same pages are measured on ten times the data.

Each page is measured twice. *warm*: the same URL again and again, so after the uncounted warm-up every
request is answered from the public page cache (ADR 0090). *cold*: every request adds a query parameter
never seen before (``?bench-cold=N``), which the views ignore but the cache key does not, so every request
renders the page and stores it: the cost of a visitor right after a publication.

Each thread keeps its own ``http.client.HTTPConnection`` (keep-alive when the server allows it, reconnect
after an error) and times every request with ``time.perf_counter()``. Responses other than 200 and transport
errors are counted as errors and listed. A short warm-up per target is not counted.

Why the static file is the reference
------------------------------------
Absolute figures depend on the machine, and here the load generator even shares the CPUs with the server.
The stylesheet travels the same path as a page -- same client, same gunicorn workers, same WSGI handler,
WhiteNoise answering in the middleware stack -- but touches no view, template or database. Its requests/s
is therefore the ceiling of this set-up on this machine, and a page's requests/s divided by the static
file's (and its p50 latency divided by the static file's) is the cost of the Django work behind that page,
a ratio that can be compared between machines and between commits where absolute numbers cannot.

The static file is measured before each page and once more after the last, and each page is compared with
the mean of the two static measurements around it. This machine's speed drifts within minutes (the static
file measured 2,120, 2,508 and 2,964 req/s in three runs of one afternoon), and a single reference taken at
the end of the run carried that drift into every ratio.

The whole set of targets is measured twice over (``--rounds``, one pass after the other), and a summary
gives each page's ratio in every round and the best of them. Between passes a few minutes apart the same
page at the same commit moved by a fifth or more (other tenants of the host), which is more than most
changes being measured; two passes show that spread instead of hiding it, and the best pass is the one
least disturbed.

Nothing is asserted on timing. The exit status is non-zero only when the instance cannot be set up, the
server does not start, or every request failed.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import os
import re
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

REPO_ROOT = Path(__file__).resolve().parent.parent
MANAGE = REPO_ROOT / "manage.py"
# Fixed pages; the news item and the OIT index are found on the running site (discover_pages).
PAGES: list[tuple[str, str]] = [
    ("home", "/"),
    ("executives", "/executives/"),
    ("news", "/news/"),
    ("eservice", "/eservice/"),
    ("register", "/procurement/register/"),
]
NEWS_ITEM_RE = re.compile(r'href="(/news/[A-Za-z0-9_-]+/)"')
HOST = "127.0.0.1"
START_TIMEOUT_S = 30.0
REQUEST_TIMEOUT_S = 30.0
# Headers a browser would send; the same for every target so that the comparison is fair.
REQUEST_HEADERS = {
    "Accept": "text/html,text/css,*/*;q=0.8",
    "Accept-Encoding": "gzip, br",
    "Accept-Language": "th,en;q=0.8",
    "User-Agent": "prongsai-bench/1",
}
# Variables read by prongsai.settings (and gunicorn's own) that must not leak from the caller's shell into
# the throw-away instance; the ones the benchmark needs are set explicitly in instance_environment().
SCRUBBED_VARIABLES = (
    "ALLOWED_HOSTS",
    "BEHIND_TLS_PROXY",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_CONN_MAX_AGE",
    "DATABASE_URL",
    "DEBUG",
    "DEFAULT_FROM_EMAIL",
    "DJANGO_SETTINGS_MODULE",
    "EMAIL_HOST",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_HOST_PASSWORD_FILE",
    "EMAIL_HOST_USER",
    "EMAIL_PORT",
    "EMAIL_USE_TLS",
    "GUNICORN_CMD_ARGS",
    "LOGIN_COOLOFF_MINUTES",
    "LOGIN_FAILURE_LIMIT",
    "MEDIA_ROOT",
    "PRONGSAI_VAR_DIR",
    "REDIS_URL",
    "SECRET_KEY",
    "SECRET_KEY_FILE",
    "SECURE_COOKIES",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_HSTS_SECONDS",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_AGE",
    "STATIC_ROOT",
    "TASKS_BACKEND",
    "UPLOAD_MAX_MB",
)
STYLESHEET_RE = re.compile(
    r"""<link\b[^>]*\brel=["']?stylesheet["']?[^>]*\bhref=["']([^"']+)["']"""
    r"""|<link\b[^>]*\bhref=["']([^"']+)["'][^>]*\brel=["']?stylesheet\b""",
    re.IGNORECASE,
)


# gunicorn writes "[INFO]", Django's console handler (prongsai.settings LOGGING) writes " INFO logger.name".
INFO_LINE_RE = re.compile(r"\[INFO\]|^\S+ \S+ INFO ")

# Timestamp and process id at the start of a log line, so that repeated messages can be counted once.
LOG_PREFIX_RE = re.compile(r"^\[?\d{4}-\d\d-\d\d [\d:,.]+(?: [+-]\d{4})?\]?\s*(?:\[\d+\]\s*)?")
TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


class BenchError(Exception):
    """The instance could not be set up or served; the message says why."""


@dataclass
class Options:
    """The command-line parameters, after --quick is applied."""

    duration: float
    warmup: float
    concurrency: int
    workers: int
    database_url: str | None
    port: int | None
    scale: int = 1
    rounds: int = 2


@dataclass
class ThreadResult:
    """What one client thread saw during one measurement."""

    latencies_s: list[float] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    body_bytes: int = 0
    closed_by_server: int = 0
    samples: dict[str, str] = field(default_factory=dict)
    end: float = 0.0


@dataclass
class TargetResult:
    """The merged figures of one target."""

    name: str
    path: str
    elapsed_s: float
    latencies_s: list[float]
    statuses: Counter[str]
    body_bytes: int
    closed_by_server: int
    samples: dict[str, str]

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def ok(self) -> int:
        return self.statuses.get("200", 0)

    @property
    def errors(self) -> int:
        return self.requests - self.ok

    @property
    def rps(self) -> float:
        return self.requests / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def percentile_ms(self, pct: float) -> float:
        """Nearest-rank percentile of all request latencies, in milliseconds (NaN without requests)."""
        if not self.latencies_s:
            return float("nan")
        ordered = sorted(self.latencies_s)
        rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
        return ordered[rank - 1] * 1000


def parse_options(argv: list[str] | None = None) -> Options:
    """Read the command line; --quick shortens the run for a smoke test."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--duration", type=float, default=None, help="seconds per target (default 10)")
    parser.add_argument("--warmup", type=float, default=1.0, help="uncounted seconds per target (default 1)")
    parser.add_argument("--concurrency", type=int, default=None, help="client threads (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument(
        "--database-url",
        default=None,
        help="run against this database instead of a temporary SQLite file; it is migrated and seeded "
        "with the demo agency (never point this at a real site's database)",
    )
    parser.add_argument("--port", type=int, default=None, help="serve on this port (default: any free port)")
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: 1 s per target, 0.5 s warm-up, 4 client threads"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=None,
        help="measure every target this many times, one whole pass after the other (default 2; 1 with "
        "--quick): the summary gives each round's ratios and the best of them",
    )
    parser.add_argument(
        "--scale",
        type=int,
        default=1,
        help="multiply the demo's news, executives, services, register rows and announcements by this "
        "(bench/scale_data.py; default 1: the demo as seeded)",
    )
    args = parser.parse_args(argv)
    duration = args.duration if args.duration is not None else (1.0 if args.quick else 10.0)
    warmup = 0.5 if args.quick and args.warmup == 1.0 else args.warmup
    concurrency = args.concurrency if args.concurrency is not None else (4 if args.quick else 8)
    rounds = args.rounds if args.rounds is not None else (1 if args.quick else 2)
    if duration <= 0 or warmup < 0 or concurrency < 1 or args.workers < 1 or rounds < 1:
        parser.error(
            "duration must be positive, warm-up non-negative, concurrency, workers and rounds at least 1"
        )
    return Options(
        duration=duration,
        warmup=warmup,
        concurrency=concurrency,
        workers=args.workers,
        database_url=args.database_url,
        port=args.port,
        scale=max(1, args.scale),
        rounds=rounds,
    )


def random_secret_key(length: int = 50) -> str:
    """A throw-away SECRET_KEY."""
    alphabet = string.ascii_letters + string.digits + "-_"
    return "".join(secrets.choice(alphabet) for _ in range(length))


def instance_environment(var_dir: Path, database_url: str | None) -> dict[str, str]:
    """The environment of every child process: production settings on a throw-away directory."""
    env = {key: value for key, value in os.environ.items() if key not in SCRUBBED_VARIABLES}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "prongsai.settings",
            "DEBUG": "false",
            "SECRET_KEY": random_secret_key(),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "SECURE_HSTS_SECONDS": "0",
            "TASKS_BACKEND": "immediate",
            "PRONGSAI_VAR_DIR": str(var_dir),
            "PYTHONUNBUFFERED": "1",
        }
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def database_label(database_url: str | None) -> str:
    """The database engine, without credentials, for the parameter block."""
    if not database_url:
        return "sqlite3 (embedded default, temporary file)"
    return f"{urlsplit(database_url).scheme or '?'} (from --database-url)"


def set_up_instance(env: dict[str, str], scale: int = 1) -> None:
    """Migrate, create the cache table, seed the demo agency (multiplied by ``scale``), collect the static
    files."""
    steps = [
        ["migrate", "--noinput"],
        ["createcachetable"],
        ["seed_demo", "--allow-production"],
        *([[str(REPO_ROOT / "bench" / "scale_data.py"), "--times", str(scale)]] if scale > 1 else []),
        ["collectstatic", "--noinput"],
    ]
    for step in steps:
        started = time.perf_counter()
        script = step if step[0].endswith(".py") else [str(MANAGE), *step]
        completed = subprocess.run(
            [sys.executable, *script],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        took = time.perf_counter() - started
        if completed.returncode != 0:
            raise BenchError(
                f"manage.py {' '.join(step)} failed (exit {completed.returncode}):\n"
                f"{completed.stdout}{completed.stderr}"
            )
        label = " ".join(step).replace(str(REPO_ROOT) + "/", "")
        print(f"  {label:<44} {took:6.1f} s")
        if completed.stdout.strip() and step[0].endswith(".py"):
            print(completed.stdout.rstrip())


def free_port() -> int:
    """A TCP port that is free on the loopback interface right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def gunicorn_options() -> list[str]:
    """Version-dependent gunicorn options: no control socket in the home directory where supported."""
    try:
        from gunicorn.config import KNOWN_SETTINGS
    except ImportError:
        return []
    if any(setting.name == "control_socket_disable" for setting in KNOWN_SETTINGS):
        return ["--no-control-socket"]
    return []


def start_server(env: dict[str, str], port: int, workers: int, log_path: Path) -> subprocess.Popen[bytes]:
    """Start gunicorn with no access log (client addresses are never logged); its error log goes to a file."""
    log_file = log_path.open("wb")
    try:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "prongsai.wsgi:application",
                "--bind",
                f"{HOST}:{port}",
                "--workers",
                str(workers),
                "--threads",
                "1",
                *gunicorn_options(),
            ],
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    finally:
        log_file.close()  # the child holds its own descriptor


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """Graceful stop (SIGTERM), then SIGKILL if gunicorn does not exit within 15 s."""
    if server.poll() is not None:
        return
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=5)


def fetch(port: int, path: str, timeout: float = 5.0) -> tuple[int, bytes]:
    """One GET on a fresh connection: status and body."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"User-Agent": REQUEST_HEADERS["User-Agent"]})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def wait_until_up(server: subprocess.Popen[bytes], port: int, log_path: Path) -> float:
    """Poll ``/`` until the server answers at all; seconds it took. Raises BenchError after 30 s."""
    started = time.perf_counter()
    while time.perf_counter() - started < START_TIMEOUT_S:
        if server.poll() is not None:
            raise BenchError(f"gunicorn exited with status {server.returncode}:\n{read_log(log_path)}")
        try:
            fetch(port, "/", timeout=2.0)
        except OSError:
            time.sleep(0.1)
            continue
        return time.perf_counter() - started
    raise BenchError(f"gunicorn did not answer within {START_TIMEOUT_S:.0f} s:\n{read_log(log_path)}")


def find_stylesheet(port: int) -> str | None:
    """The stylesheet path the home page links, as the site serves it (hashed name); None if not found."""
    status, body = fetch(port, "/")
    if status != 200:
        print(f"  warning: / answered {status}; cannot find the stylesheet")
        return None
    match = STYLESHEET_RE.search(body.decode("utf-8", errors="replace"))
    if match is None:
        print("  warning: no <link rel=stylesheet> on /")
        return None
    href = match.group(1) or match.group(2)
    parts = urlsplit(href)
    if parts.netloc and parts.hostname not in (HOST, "localhost"):
        print(f"  warning: the stylesheet is served by another host ({href}); not measured")
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def discover_pages(port: int) -> list[tuple[str, str]]:
    """The fixed pages, then the first news article the news list links and the current OIT index."""
    pages = list(PAGES)
    status, body = fetch(port, "/news/")
    match = NEWS_ITEM_RE.search(body.decode("utf-8", errors="replace")) if status == 200 else None
    if match is not None:
        pages.insert(3, ("news item", match.group(1)))
    else:
        print("  warning: no news article linked from /news/; the news item is not measured")
    conn = http.client.HTTPConnection(HOST, port, timeout=5.0)
    try:
        conn.request("GET", "/ita/", headers={"User-Agent": REQUEST_HEADERS["User-Agent"]})
        response = conn.getresponse()
        response.read()
        location = response.getheader("Location") or ""
    finally:
        conn.close()
    if response.status in (301, 302) and location:
        pages.append(("OIT index", urlsplit(location).path))
    else:
        print(
            f"  warning: /ita/ answered {response.status} without a redirect; the OIT index is not measured"
        )
    return pages


def describe_body(body: bytes) -> str:
    """A one-line hint of what an error response said: its HTML title, else its first characters."""
    text = body[:20_000].decode("utf-8", errors="replace")
    title = TITLE_RE.search(text)
    if title is not None:
        text = title.group(1)
    return " ".join(text.split())[:160] or "(empty body)"


# Numbers for the cold runs' query parameter, unique across threads and runs (next() is atomic in CPython).
COLD_COUNTER = itertools.count(1)
# Which of several host names the next request names (run_load's ``hosts``).
HOST_COUNTER = itertools.count()


def client_loop(
    port: int,
    path: str,
    start: threading.Barrier,
    deadline: list[float],
    out: ThreadResult,
    cold: bool = False,
    headers: dict[str, str] | None = None,
    hosts: Sequence[str] = (),
) -> None:
    """One client thread: GET ``path`` on its own persistent connection until the deadline.

    ``cold``: every request carries a query parameter no request had before, so the page cache misses.
    ``headers``: sent besides REQUEST_HEADERS (a session cookie, say). ``hosts``: each request names the next
    of these host names (of a multi-agency instance) in its Host header, in turn across all threads.
    """
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT_S)
    separator = "&" if "?" in path else "?"
    request_headers = {**REQUEST_HEADERS, **(headers or {})}
    start.wait()
    try:
        while True:
            began = time.perf_counter()
            if began >= deadline[0]:
                break
            target = f"{path}{separator}bench-cold={next(COLD_COUNTER)}" if cold else path
            if hosts:
                request_headers["Host"] = hosts[next(HOST_COUNTER) % len(hosts)]
            try:
                conn.request("GET", target, headers=request_headers)
                response = conn.getresponse()
                body = response.read()
                status = str(response.status)
                if response.will_close:
                    out.closed_by_server += 1
                    conn.close()  # the next request opens a new connection
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                status = f"{type(exc).__name__}"
                body = str(exc).encode()
            out.latencies_s.append(time.perf_counter() - began)
            out.statuses[status] += 1
            if status != "200" and status not in out.samples:
                out.samples[status] = describe_body(body)
            out.body_bytes += len(body)
    finally:
        conn.close()
        out.end = time.perf_counter()


def run_load(
    port: int,
    name: str,
    path: str,
    duration: float,
    concurrency: int,
    *,
    cold: bool = False,
    headers: dict[str, str] | None = None,
    hosts: Sequence[str] = (),
) -> TargetResult:
    """``concurrency`` threads hammer ``path`` for ``duration`` seconds; the merged result."""
    results = [ThreadResult() for _ in range(concurrency)]
    start = threading.Barrier(concurrency + 1)
    deadline = [float("inf")]
    threads = [
        threading.Thread(
            target=client_loop,
            args=(port, path, start, deadline, result, cold, headers, hosts),
            daemon=True,
        )
        for result in results
    ]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    deadline[0] = began + duration
    start.wait()
    for thread in threads:
        thread.join()
    elapsed = max(result.end for result in results) - began
    statuses: Counter[str] = Counter()
    samples: dict[str, str] = {}
    for result in results:
        statuses.update(result.statuses)
        for status, sample in result.samples.items():
            samples.setdefault(status, sample)
    return TargetResult(
        name=name,
        path=path,
        elapsed_s=elapsed,
        latencies_s=[latency for result in results for latency in result.latencies_s],
        statuses=statuses,
        body_bytes=sum(result.body_bytes for result in results),
        closed_by_server=sum(result.closed_by_server for result in results),
        samples=samples,
    )


def read_log(log_path: Path) -> str:
    """The server's log so far (stdout and error log; there is no access log)."""
    try:
        return log_path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def versions() -> str:
    """Python, Django and gunicorn versions of the interpreter that runs the server."""
    from importlib.metadata import PackageNotFoundError, version

    found = [f"Python {sys.version.split()[0]}"]
    for package in ("Django", "gunicorn", "whitenoise"):
        try:
            found.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            found.append(f"{package} ?")
    return ", ".join(found)


def load_average() -> str:
    """The 1/5/15-minute load averages, to tell a quiet machine from a busy one ("n/a" where unknown)."""
    try:
        return " / ".join(f"{value:.2f}" for value in os.getloadavg())
    except (AttributeError, OSError):
        return "n/a"


def worker_class(log: str) -> str:
    """The worker class gunicorn reported at start-up ("sync" unless a configuration file says otherwise)."""
    match = re.search(r"Using worker: (\S+)", log)
    return match.group(1) if match else "?"


def print_parameters(options: Options, port: int, worker: str) -> None:
    """The figures that must accompany any quoted result."""
    print("Parameters")
    print(f"  gunicorn workers : {options.workers} ({worker}, 1 thread each, no access log)")
    print(f"  client threads   : {options.concurrency} (http.client, one connection per thread)")
    print(f"  duration         : {options.duration:g} s per target (+{options.warmup:g} s uncounted warm-up)")
    print(f"  rounds           : {options.rounds} (every target measured once per round)")
    print(f"  database         : {database_label(options.database_url)}")
    print(f"  data             : the demo's, × {options.scale} (bench/scale_data.py)")
    print(f"  CPU count        : {os.cpu_count()} (the client runs on the same machine as the server)")
    print(f"  software         : {versions()}")
    print(f"  load average     : {load_average()} (1/5/15 min, before measuring)")
    print(f"  server           : http://{HOST}:{port}/ (DEBUG=false, prongsai.settings)")


def print_table(results: list[TargetResult]) -> None:
    """Target, requests, errors, requests/s and latency percentiles."""
    header = (
        f"{'target':<16} {'path':<40} {'requests':>9} {'errors':>7} {'req/s':>9} "
        f"{'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'KiB/resp':>9}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        kib = r.body_bytes / r.requests / 1024 if r.requests else 0.0
        path = r.path if len(r.path) <= 40 else r.path[:37] + "..."
        print(
            f"{r.name:<16} {path:<40} {r.requests:>9} {r.errors:>7} {r.rps:>9.1f} "
            f"{r.percentile_ms(50):>8.2f} {r.percentile_ms(95):>8.2f} {r.percentile_ms(99):>8.2f} {kib:>9.1f}"
        )


def _is_static(result: TargetResult) -> bool:
    return result.name.startswith("static")


def references(results: list[TargetResult]) -> dict[str, tuple[float, float]]:
    """For each page target, the static file's req/s and p50 (ms) around it: the mean of the usable static
    measurements just before and just after it (one of them when the other is missing or failed)."""
    found: dict[str, tuple[float, float]] = {}
    for index, result in enumerate(results):
        if _is_static(result):
            continue
        around = [
            next((r for r in reversed(results[:index]) if _is_static(r)), None),
            next((r for r in results[index + 1 :] if _is_static(r)), None),
        ]
        usable = [r for r in around if r is not None and r.ok > 0]
        if usable:
            found[result.name] = (
                sum(r.rps for r in usable) / len(usable),
                sum(r.percentile_ms(50) for r in usable) / len(usable),
            )
    return found


def ratios(results: list[TargetResult]) -> dict[str, tuple[float, float]]:
    """Each page's (req/s, p50) as a fraction and a multiple of the static file's measured around it."""
    reference = references(results)
    found: dict[str, tuple[float, float]] = {}
    for r in results:
        if r.name not in reference:
            continue
        static_rps, static_p50 = reference[r.name]
        found[r.name] = (
            r.rps / static_rps if static_rps else float("nan"),
            r.percentile_ms(50) / static_p50 if static_p50 > 0 else float("nan"),
        )
    return found


def print_ratios(results: list[TargetResult]) -> None:
    """Each page against the static file measured around it: share of its throughput, multiple of its
    median latency."""
    found = ratios(results)
    if not found:
        print("No usable static-file measurement: ratios are not available.")
        return
    statics = [r.rps for r in results if _is_static(r) and r.ok > 0]
    print(
        "Relative to the static file measured just before and after each page (the ceiling of this set-up "
        f"on this machine; it measured {min(statics):.0f}–{max(statics):.0f} req/s during this run)"
    )
    print(f"{'page':<16} {'req/s : static':>16} {'p50 : static':>14}")
    for name, (rps_ratio, p50_ratio) in found.items():
        print(f"{name:<16} {rps_ratio:>15.3f}x {p50_ratio:>13.1f}x")
    print("(req/s : static = page throughput as a fraction of the static file's; p50 : static = how many")
    print(" times the static file's median latency a page takes.)")


def print_rounds(rounds: list[list[TargetResult]]) -> None:
    """Each page's req/s ratio in every round, and the best: the machine's speed drifts by a fifth or more
    between passes a few minutes apart (other tenants of the host), so one pass can put a page on either
    side of a threshold; the best pass is the one least disturbed."""
    per_round = [ratios(results) for results in rounds]
    names = list(dict.fromkeys(name for found in per_round for name in found))
    if not names:
        return
    print(f"Across the {len(rounds)} rounds (req/s : static of each round, then the best)")
    columns = " ".join(f"{f'round {n}':>9}" for n in range(1, len(rounds) + 1))
    print(f"{'page':<16} {columns} {'best':>9}")
    for name in names:
        values = [found.get(name, (float("nan"), 0.0))[0] for found in per_round]
        usable = [v for v in values if v == v]  # NaN where a round has no usable reference
        best = f"{max(usable):>8.3f}x" if usable else f"{'n/a':>9}"
        print(f"{name:<16} " + " ".join(f"{v:>8.3f}x" for v in values) + f" {best}")


def print_connection_note(results: list[TargetResult]) -> None:
    """Whether the server kept connections alive; without keep-alive every request pays a TCP connect."""
    closed = sum(r.closed_by_server for r in results)
    total = sum(r.ok for r in results)
    if closed and closed >= total:
        print("Connections: the server closed the connection after every response (gunicorn's sync worker")
        print("does not keep connections alive), so each request included a new TCP connection on loopback.")
    elif closed:
        print(
            f"Connections: the server closed the connection after {closed} of {total} successful responses."
        )
    else:
        print("Connections: kept alive by the server for every response.")


def print_errors(results: list[TargetResult]) -> None:
    """Every non-200 outcome, per target."""
    failing = [r for r in results if r.errors]
    if not failing:
        print("Errors: none (every response was 200).")
        return
    print("Errors (non-200 statuses and transport errors):")
    for r in failing:
        outcomes = ", ".join(
            f"{status} x{count}" for status, count in sorted(r.statuses.items()) if status != "200"
        )
        print(f"  {r.name:<16} {outcomes}")
        for status, sample in sorted(r.samples.items()):
            print(f"  {'':<12}   first {status}: {sample}")


def print_server_log(log: str) -> None:
    """Warnings, errors and tracebacks the server wrote, repeated lines counted once (INFO lines left out)."""
    counts: Counter[str] = Counter()
    for line in log.splitlines():
        if line.strip() and not INFO_LINE_RE.search(line):
            counts[LOG_PREFIX_RE.sub("", line)] += 1
    if not counts:
        print("Server log: no warnings or errors.")
        return
    print(f"Server log: {counts.total()} line(s) besides INFO notices; distinct lines (first 40):")
    for line, count in list(counts.items())[:40]:
        print(f"  {count:>6} x | {line}")


def benchmark(options: Options, work_dir: Path) -> int:
    """Set up, serve, measure and report; the exit status."""
    env = instance_environment(work_dir / "var", options.database_url)
    data = "the demo data" if options.scale == 1 else f"{options.scale}× the demo data"
    print(f"Setting up a throw-away instance in {work_dir} with {data}")
    set_up_instance(env, options.scale)

    port = options.port or free_port()
    log_path = work_dir / "gunicorn.log"
    server = start_server(env, port, options.workers, log_path)
    try:
        up_after = wait_until_up(server, port, log_path)
        print(f"  gunicorn answered after {up_after:.1f} s on port {port}")
        static_path = find_stylesheet(port)
        # The static file, then each page cold (every request a cache miss) and warm (served from the page
        # cache), the static file again before the next page and after the last (the references).
        targets: list[tuple[str, str, bool]] = []
        pages = discover_pages(port)
        for number, (name, path) in enumerate(pages, start=1):
            if static_path is not None:
                targets.append((f"static #{number}", static_path, False))
            targets += [(f"{name} {mode}", path, mode == "cold") for mode in ("cold", "warm")]
        if static_path is not None:
            targets.append((f"static #{len(pages) + 1}", static_path, False))
        print()
        print_parameters(options, port, worker_class(read_log(log_path)))
        print()

        rounds: list[list[TargetResult]] = []
        for number in range(1, options.rounds + 1):
            if options.rounds > 1:
                print(f"  round {number} of {options.rounds}", flush=True)
            results: list[TargetResult] = []
            for name, path, cold in targets:
                print(f"  measuring {name:<16} {path}", flush=True)
                if options.warmup > 0:
                    run_load(port, name, path, options.warmup, options.concurrency, cold=cold)
                results.append(run_load(port, name, path, options.duration, options.concurrency, cold=cold))
            rounds.append(results)
        server_alive = server.poll() is None
    finally:
        stop_server(server)
    log = read_log(log_path)

    for number, results in enumerate(rounds, start=1):
        print()
        if len(rounds) > 1:
            print(f"Round {number} of {len(rounds)}")
        print_table(results)
        print()
        print_ratios(results)
    if len(rounds) > 1:
        print()
        print_rounds(rounds)
    print()
    everything = [result for results in rounds for result in results]
    print(f"Load average after measuring: {load_average()} (1/5/15 min; above the CPU count means other")
    print("processes competed for the CPUs and the figures are pessimistic and noisier).")
    print_connection_note(everything)
    print_errors(everything)
    print_server_log(log)
    if not server_alive:
        print(f"warning: gunicorn exited during the run (status {server.returncode})")

    if sum(r.ok for r in everything) == 0:
        print("FAILED: every request errored.")
        return 1
    return 0


def exit_on_sigterm(signum: int, _frame: object) -> None:
    """Turn SIGTERM into SystemExit so that the finally blocks stop the server and remove the directory."""
    raise SystemExit(128 + signum)


def run_in_work_dir(prefix: str, run: Callable[[Path], int]) -> int:
    """Run a benchmark in a new temporary directory that is always removed (SIGTERM included); a
    ``BenchError`` or Ctrl+C is one line on stderr and an exit status, not a traceback."""
    signal.signal(signal.SIGTERM, exit_on_sigterm)
    work_dir = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        return run(work_dir)
    except BenchError as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        shutil.rmtree(work_dir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Entry point: the temporary directory is always removed, the server always stopped."""
    options = parse_options(argv)
    return run_in_work_dir("prongsai-bench-", lambda work_dir: benchmark(options, work_dir))


if __name__ == "__main__":
    sys.exit(main())

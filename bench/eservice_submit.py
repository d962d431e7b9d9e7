"""Throughput and p95 latency of submitting an E-Service request, with and without a 1 MB attachment.

What is measured
----------------
The same throw-away production-like instance as ``bench/public_pages.py`` (whose set-up and server helpers
this script imports): SQLite in a temporary directory unless ``--database-url`` is given, migrated, seeded
with the demo agency, served by gunicorn with DEBUG off. Client threads then send, for a bounded time each:

* ``form``        the citizen's online form (``/eservice/services/elderly-allowance/request/``, multipart,
                  with its CSRF token), no attachment;
* ``form+1MB``    the same with a 1 MiB PDF attached (checked by content, stored under a generated name);
* ``open311``     ``POST /open311/v2/requests.json`` (form-encoded), no attachment.

Every request carries a fresh idempotency key (in the form's signed token), so each one creates a request:
the figure is the cost of a real submission (validation, the transaction with its steps, due dates on the
working-day calendar and audit entry, the file write), not of the idempotent replay. A success is the form's
302 to the tracking page or Open311's 201; anything else is counted as an error and shown. Each thread keeps
one keep-alive connection and its own CSRF cookie. The per-client limits are lifted for the run (every
thread has the same address). Nothing is asserted on timing.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import http.client
import re
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
import public_pages as server

HOST = server.HOST
FORM_PATH = "/eservice/services/elderly-allowance/request/"
OPEN311_PATH = "/open311/v2/requests.json"
ATTACHMENT_BYTES = 1024 * 1024
FIELDS = {
    "applicant_name": "นางสมศรี ใจงาม",
    "applicant_phone": "081-234-5678",
    "a_citizen_id": "1360400012346",
    "a_birth_date": "1/5/2507",
    "a_home_address": "12 หมู่ที่ 3 ตำบลวังทอง อำเภอภักดีชุมพล จังหวัดชัยภูมิ 36260",
    "a_payment": "bank",
    "consent": "on",
}
OPEN311_FIELDS = {
    "service_code": "elderly-allowance",
    "first_name": "สมศรี",
    "last_name": "ใจงาม",
    "phone": "0812345678",
    "attribute[citizen_id]": "1360400012346",
    "attribute[birth_date]": "1964-05-01",
    "attribute[home_address]": FIELDS["a_home_address"],
    "attribute[payment]": "bank",
}
TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SECRET_KEY: list[str] = []  # the instance's, set by benchmark(): form tokens are signed with it


def form_token() -> dict[str, str]:
    """The citizen form's safeguards as a person's browser passes them (prongsai.core.safeguards): a signed
    token issued a minute ago carrying a fresh idempotency key, and the arithmetic question answered.

    The bench signs and answers with the instance's SECRET_KEY exactly as the form does (same salt, payload
    and HMAC), without loading Django settings into this process."""
    from django.core.signing import TimestampSigner

    secret = SECRET_KEY[0]
    nonce = uuid.uuid4().hex[:12]
    payload = {"k": str(uuid.uuid4()), "t": int(time.time()) - 60, "n": nonce}
    signer = TimestampSigner(key=secret, salt="prongsai.form.eservice-request", fallback_keys=[])
    raw = hmac.new(secret.encode(), b"prongsai.challenge:" + nonce.encode(), hashlib.sha256).digest()
    answer = (raw[0] % 9 + 1) + (raw[1] % 9 + 1)
    return {"form_token": signer.sign_object(payload, compress=False), "challenge_answer": str(answer)}


COOKIE_RE = re.compile(r"csrftoken=([^;]+)")


@dataclass
class Options:
    duration: float
    warmup: float
    concurrency: int
    workers: int
    database_url: str | None


def parse_options(argv: list[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--duration", type=float, default=None, help="seconds per target (default 10)")
    parser.add_argument("--warmup", type=float, default=1.0, help="uncounted seconds per target (default 1)")
    parser.add_argument("--concurrency", type=int, default=None, help="client threads (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument("--database-url", default=None, help="a throw-away database instead of SQLite")
    parser.add_argument("--quick", action="store_true", help="smoke run: 2 s per target, 2 client threads")
    args = parser.parse_args(argv)
    duration = args.duration if args.duration is not None else (2.0 if args.quick else 10.0)
    concurrency = args.concurrency if args.concurrency is not None else (2 if args.quick else 4)
    if duration <= 0 or args.warmup < 0 or concurrency < 1 or args.workers < 1:
        parser.error("duration must be positive, warm-up non-negative, concurrency and workers at least 1")
    return Options(duration, args.warmup, concurrency, args.workers, args.database_url)


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes, str]]) -> tuple[bytes, str]:
    boundary = f"----prongsai{uuid.uuid4().hex}"
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, (filename, content, content_type) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        ).encode()
        parts.append(head + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def attachment() -> bytes:
    body = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n"
    return body + b"%" + b"0" * (ATTACHMENT_BYTES - len(body) - 7) + b"\n%%EOF\n"


class Client:
    """One thread's connection, with the CSRF cookie and token the form needs."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.conn = http.client.HTTPConnection(HOST, port, timeout=server.REQUEST_TIMEOUT_S)
        self.cookie = ""
        self.token = ""

    def reconnect(self) -> None:
        self.conn.close()
        self.conn = http.client.HTTPConnection(HOST, self.port, timeout=server.REQUEST_TIMEOUT_S)

    def prime(self) -> None:
        self.conn.request("GET", FORM_PATH, headers={"User-Agent": "prongsai-bench/1"})
        response = self.conn.getresponse()
        body = response.read().decode("utf-8", errors="replace")
        cookie = COOKIE_RE.search(response.getheader("Set-Cookie") or "")
        token = TOKEN_RE.search(body)
        if response.status != 200 or cookie is None or token is None:
            raise server.BenchError(f"GET {FORM_PATH} gave {response.status} without a CSRF token")
        self.cookie, self.token = cookie.group(1), token.group(1)
        if response.will_close:
            self.reconnect()

    def request(self, target: str) -> tuple[str, bytes, bool]:
        headers = {"User-Agent": "prongsai-bench/1", "Referer": f"http://{HOST}:{self.port}{FORM_PATH}"}
        if target == "open311":
            body = urlencode(OPEN311_FIELDS).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Idempotency-Key"] = uuid.uuid4().hex
            path, ok = OPEN311_PATH, 201
        else:
            fields = {**FIELDS, "csrfmiddlewaretoken": self.token, **form_token()}
            files = {"a_id_card": ("card.pdf", ATTACHMENT, "application/pdf")} if target == "form+1MB" else {}
            body, content_type = multipart(fields, files)
            headers["Content-Type"] = content_type
            headers["Cookie"] = f"csrftoken={self.cookie}"
            path, ok = FORM_PATH, 302
        self.conn.request("POST", path, body=body, headers=headers)
        response = self.conn.getresponse()
        data = response.read()
        if response.will_close:
            self.reconnect()
        status = str(response.status)
        return ("200" if response.status == ok else status), data, response.will_close


ATTACHMENT = attachment()


def client_loop(
    port: int, target: str, start: threading.Barrier, deadline: list[float], out: server.ThreadResult
) -> None:
    client = Client(port)
    try:
        client.prime()
    except (OSError, http.client.HTTPException, server.BenchError) as exc:
        out.statuses[type(exc).__name__] += 1
        out.samples.setdefault(type(exc).__name__, str(exc))
    start.wait()
    try:
        while client.token:
            began = time.perf_counter()
            if began >= deadline[0]:
                break
            try:
                status, body, closed = client.request(target)
                out.closed_by_server += int(closed)
            except (OSError, http.client.HTTPException) as exc:
                client.reconnect()
                status, body = type(exc).__name__, b""
            out.latencies_s.append(time.perf_counter() - began)
            out.statuses[status] += 1  # "200" stands for the expected success (302 or 201)
            if status != "200" and status not in out.samples:
                out.samples[status] = server.describe_body(body)
            out.body_bytes += len(body)
    finally:
        client.conn.close()
        out.end = time.perf_counter()


def run_load(port: int, target: str, duration: float, concurrency: int) -> server.TargetResult:
    results = [server.ThreadResult() for _ in range(concurrency)]
    start = threading.Barrier(concurrency + 1)
    deadline = [float("inf")]
    threads = [
        threading.Thread(target=client_loop, args=(port, target, start, deadline, r), daemon=True)
        for r in results
    ]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    deadline[0] = began + duration
    start.wait()
    for thread in threads:
        thread.join()
    statuses: Counter[str] = Counter()
    samples: dict[str, str] = {}
    for r in results:
        statuses.update(r.statuses)
        for status, sample in r.samples.items():
            samples.setdefault(status, sample)
    path = OPEN311_PATH if target == "open311" else FORM_PATH
    return server.TargetResult(
        name=target,
        path=path,
        elapsed_s=max(r.end for r in results) - began,
        latencies_s=[x for r in results for x in r.latencies_s],
        statuses=statuses,
        body_bytes=sum(r.body_bytes for r in results),
        closed_by_server=sum(r.closed_by_server for r in results),
        samples=samples,
    )


def benchmark(options: Options, work_dir: Path) -> int:
    env = server.instance_environment(work_dir / "var", options.database_url)
    # Every simulated client shares one address here: lift the per-client limits for the run.
    env["OPEN311_SUBMIT_RATE"] = "1000000/hour"
    env["CITIZEN_SUBMISSIONS_PER_HOUR"] = "1000000"
    env["CITIZEN_SUBMISSIONS_PER_DAY"] = "1000000"
    SECRET_KEY[:] = [env["SECRET_KEY"]]
    print(f"Setting up a throw-away instance in {work_dir}")
    server.set_up_instance(env)
    port = server.free_port()
    log_path = work_dir / "gunicorn.log"
    process = server.start_server(env, port, options.workers, log_path)
    try:
        up_after = server.wait_until_up(process, port, log_path)
        print(f"  gunicorn answered after {up_after:.1f} s on port {port}")
        print()
        print("Parameters")
        print(
            f"  gunicorn workers : {options.workers} "
            f"({server.worker_class(server.read_log(log_path))}, 1 thread each)"
        )
        print(f"  client threads   : {options.concurrency} (one keep-alive connection and CSRF cookie each)")
        print(
            f"  duration         : {options.duration:g} s per target "
            f"(+{options.warmup:g} s uncounted warm-up)"
        )
        print(f"  database         : {server.database_label(options.database_url)}")
        print(f"  attachment       : {ATTACHMENT_BYTES} bytes (PDF) on the form+1MB target")
        print(f"  software         : {server.versions()}")
        print(f"  load average     : {server.load_average()} (1/5/15 min, before measuring)")
        print()
        results = []
        for target in ("form", "form+1MB", "open311"):
            print(f"  measuring {target}", flush=True)
            if options.warmup > 0:
                run_load(port, target, options.warmup, options.concurrency)
            results.append(run_load(port, target, options.duration, options.concurrency))
        alive = process.poll() is None
    finally:
        server.stop_server(process)
    print()
    print(
        "Submissions (a success is the form's 302 to the tracking page or Open311's 201; shown as 200 below)"
    )
    server.print_table(results)
    print()
    for r in results:
        print(
            f"{r.name:<10} throughput {r.ok / r.elapsed_s if r.elapsed_s else 0:7.1f} submissions/s   "
            f"p95 latency {r.percentile_ms(95):8.1f} ms"
        )
    print()
    print(
        f"Load average after measuring: {server.load_average()} "
        "(above the CPU count: figures are pessimistic)."
    )
    server.print_errors(results)
    server.print_server_log(server.read_log(log_path))
    if not alive:
        print("warning: gunicorn exited during the run")
    if sum(r.ok for r in results) == 0:
        print("FAILED: every submission errored.")
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    options = parse_options(argv)
    return server.run_in_work_dir("prongsai-bench-eservice-", lambda work_dir: benchmark(options, work_dir))


if __name__ == "__main__":
    sys.exit(main())

"""Prongsai at national scale: 1, 100 and 7,850 agencies on one PostgreSQL database.

What is measured
----------------
A PostgreSQL database of its own (``prongsai_bench_scale`` unless ``--database`` names another; created at the
start, dropped at the end unless ``--keep``) is migrated and loaded with the ITA catalogues. Then, for each
size N in ``--sizes`` (default 1, 100, 7850), ``manage.py simulate_agencies N --years 5`` tops the
simulated agencies up to N (ADR 0105: five fiscal years of an agency's news, E-Service requests,
complaints, questions, procurement, plans and ITA evidence, in realistic volumes), and at that size:

* the simulation's own time (rows written, seconds, agencies per second);
* the database size (``pg_database_size``) and the rows of the largest tables;
* through a real server (gunicorn, DEBUG off, exactly as bench/public_pages.py starts it), p50/p95 of:
  - an agency's home page, cold (every request a page-cache miss, bench/public_pages.py explains how) and
    warm, always the same agency (sim-00001, whose data does not change with N);
  - its OIT index (``/ita/<year>/``), cold;
  - its readiness page (``/staff/ita/<year>/``), signed in as its administrator with a verified second
    factor (a session made for the benchmark; the page is never cached);
  - the home page cold across agencies: each request names another agency's host, so that at large N the
    data a request reads is rarely in PostgreSQL's buffers -- the figure that grows with N;
  - the operator's province dashboard (``/hosting/``) over 200 agencies (at most N): a province operator
    made for the benchmark hosts the measured agency's province and then the next agencies by code;
* the nightly jobs over all agencies, run as the scheduler runs them (``ops/jobs.py``, in the agency's scope):
  ITA readiness (``ita.readiness``), E-Service time limits (``eservice.progress_notices``), the
  corruption channel's deadlines and retention (``whistleblower.daily``), personal-data retention
  (``core.purge_personal_data``, instance-wide) and the audit chain check (``core.verify_audit``). A job that
  would run past ``--job-budget`` seconds stops there; the output gives the agencies done, the rate and the
  projected time for all of them, and marks the figure as projected.

At the end, the growth of each figure from the second-largest to the largest size (100 → 7,850 by default).

Nothing is asserted on timing. The exit status is non-zero only when the instance cannot be set up or the
server does not start.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import public_pages as server

REPO_ROOT = server.REPO_ROOT
MANAGE = server.MANAGE
DEFAULT_SERVER_URL = "postgres://postgres@127.0.0.1:5432"
NIGHTLY_JOBS = (
    "ita.readiness",
    "eservice.progress_notices",
    "whistleblower.daily",
    "core.purge_personal_data",
    "core.verify_audit",
)
MEASURED_AGENCY = "sim-00001"
SPREAD_HOSTS = 500  # host names the "across agencies" target cycles through (evenly spaced over all N)


@dataclass
class Options:
    sizes: list[int]
    years: int
    duration: float
    warmup: float
    concurrency: int
    workers: int
    job_budget: float
    database: str
    server_url: str
    keep: bool
    port: int | None


@dataclass
class SizeResult:
    """Every figure measured at one size, by name, in milliseconds, seconds or bytes."""

    size: int
    figures: dict[str, float] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def put(self, name: str, value: float, unit: str) -> None:
        self.figures[name] = value
        self.units[name] = unit


def parse_options(argv: list[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="1,100,7850", help="agency counts, ascending (default 1,100,7850)")
    parser.add_argument("--years", type=int, default=5, help="fiscal years of simulated data (default 5)")
    parser.add_argument("--duration", type=float, default=None, help="seconds per page target (default 10)")
    parser.add_argument("--warmup", type=float, default=None, help="uncounted seconds per target (default 1)")
    parser.add_argument("--concurrency", type=int, default=None, help="client threads (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument(
        "--job-budget",
        type=float,
        default=None,
        help="seconds each nightly job may run per size (default 120)",
    )
    parser.add_argument("--database", default="prongsai_bench_scale", help="database to create and drop")
    parser.add_argument("--server-url", default=DEFAULT_SERVER_URL, help="PostgreSQL server, no database")
    parser.add_argument("--keep", action="store_true", help="keep the database at the end")
    parser.add_argument("--port", type=int, default=None, help="serve on this port (default: any free port)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="smoke run: sizes 1 and 5, one year, 1 s per target, 10 s per job",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in ("1,5" if args.quick and args.sizes == "1,100,7850" else args.sizes).split(",")]
    if sizes != sorted(sizes) or sizes[0] < 1:
        parser.error("--sizes must be positive and ascending")
    if not args.database.replace("_", "").isalnum():
        parser.error("--database: letters, digits and _ only")
    return Options(
        sizes=sizes,
        years=1 if args.quick and args.years == 5 else args.years,
        duration=args.duration if args.duration is not None else (1.0 if args.quick else 10.0),
        warmup=args.warmup if args.warmup is not None else (0.3 if args.quick else 1.0),
        concurrency=args.concurrency if args.concurrency is not None else (2 if args.quick else 4),
        workers=args.workers,
        job_budget=args.job_budget if args.job_budget is not None else (10.0 if args.quick else 120.0),
        database=args.database,
        server_url=args.server_url.rstrip("/"),
        keep=args.keep,
        port=args.port,
    )


# --- the database -------------------------------------------------------------------------------------------


def admin_sql(options: Options, sql: str) -> None:
    """Run ``sql`` on the server's maintenance database (CREATE/DROP DATABASE cannot run in a transaction)."""
    import psycopg

    with psycopg.connect(f"{options.server_url}/postgres", autocommit=True) as conn:
        conn.execute(sql)


def query(options: Options, sql: str) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` on the benchmark's database (none for a statement that returns none)."""
    import psycopg

    with psycopg.connect(f"{options.server_url}/{options.database}", autocommit=True) as conn:
        cursor = conn.execute(sql)
        return cursor.fetchall() if cursor.description is not None else []


def manage(env: dict[str, str], *args: str, timeout: float | None = None) -> tuple[float, str]:
    """Run ``manage.py args``; seconds and output. Raises BenchError on failure."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(MANAGE), *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )
    took = time.perf_counter() - started
    if done.returncode != 0:
        raise server.BenchError(
            f"manage.py {' '.join(args)} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
        )
    return took, done.stdout


def in_django(env: dict[str, str], *args: str) -> dict[str, Any]:
    """Run this file's Django-side helper (``--inside``) in the instance's environment; its JSON answer."""
    done = subprocess.run(
        [sys.executable, __file__, "--inside", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise server.BenchError(f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}{done.stderr}")
    answer: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


# --- inside Django: the staff session and the nightly jobs --------------------------------------------------


def inside(argv: list[str]) -> int:
    """The Django side, run as a child process in the instance's environment; prints one JSON line."""
    sys.path.insert(0, str(REPO_ROOT))
    import django

    django.setup()
    command = argv[0]
    if command == "staff-session":
        print(json.dumps(staff_session(argv[1])))
    elif command == "nightly":
        print(json.dumps(nightly(argv[1], float(argv[2]))))
    elif command == "context":
        print(json.dumps(instance_context()))
    elif command == "operator-path":
        print(json.dumps(operator_path()))
    elif command == "operator-session":
        print(json.dumps(operator_session_inside(argv[1])))
    else:
        raise SystemExit(f"unknown helper {command}")
    return 0


def staff_session(code: str) -> dict[str, Any]:
    """A signed-in, second-factor-verified session of agency ``code``'s administrator; its cookie."""
    from django_scopes import scopes_disabled

    from prongsai.core.models import User
    from prongsai.core.roles import Role

    with scopes_disabled():
        user = User.objects.get(memberships__agency__code=code, memberships__role=Role.ADMINISTRATOR)
    return verified_session(user)


def verified_session(user: Any) -> dict[str, Any]:
    """A session of ``user`` signed in with a passed second factor, as after the TOTP step; its cookie."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device, _created = TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store[DEVICE_ID_SESSION_KEY] = device.persistent_id
    store.create()
    return {"cookie": f"{settings.SESSION_COOKIE_NAME}={store.session_key}"}


def operator_path() -> dict[str, Any]:
    from django.urls import NoReverseMatch, reverse

    try:
        return {"path": reverse("hosting:dashboard")}
    except NoReverseMatch:
        return {"path": None}


def operator_session_inside(province: str) -> dict[str, Any]:
    """The benchmark's province operator, hosting ``OPERATOR_AGENCIES`` simulated agencies, and a session of
    one of its members. Made once per size; the agencies it hosts are topped up as N grows."""
    from django.db.models import Case, IntegerField, Value, When
    from django_scopes import scopes_disabled

    from prongsai.core.models import Agency, Operator, OperatorMember, User

    with scopes_disabled():
        operator, _made = Operator.objects.get_or_create(
            code=OPERATOR_CODE,
            defaults={"name_th": f"ผู้ให้บริการจังหวัด{province}", "kind": "province", "province": province},
        )
        order = Case(When(province=province, then=Value(0)), default=Value(1), output_field=IntegerField())
        ids = list(
            Agency.objects.filter(code__startswith="sim-")
            .annotate(first=order)
            .order_by("first", "code")
            .values_list("pk", flat=True)[:OPERATOR_AGENCIES]
        )
        Agency.objects.filter(pk__in=ids).update(operator=operator)
        user, _made = User.objects.get_or_create(
            username="bench-operator", defaults={"first_name": "ผู้ให้บริการ"}
        )
        OperatorMember.objects.get_or_create(operator=operator, user=user)
    return verified_session(user)


def instance_context() -> dict[str, Any]:
    """The current fiscal year, the measured agency's province and the hosts to spread requests over."""
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from prongsai.core.models import Agency, AgencyHost
    from prongsai.core.thai import fiscal_year

    with scopes_disabled():
        agency = Agency.objects.get(code=MEASURED_AGENCY)
        hosts = list(
            AgencyHost.objects.filter(agency__code__startswith="sim-")
            .order_by("agency__code")
            .values_list("host", flat=True)
        )
        in_province = Agency.objects.filter(province=agency.province, code__startswith="sim-").count()
    step = max(1, len(hosts) // SPREAD_HOSTS)
    return {
        "year": fiscal_year(timezone.now()),
        "host": AgencyHost.objects.filter(agency=agency).values_list("host", flat=True).first(),
        "province": agency.province,
        "in_province": in_province,
        "spread": hosts[::step][:SPREAD_HOSTS],
    }


def nightly(job_name: str, budget: float) -> dict[str, Any]:
    """Run one nightly job over every agency, as ``ops.tasks.run_job`` does, until ``budget`` seconds."""
    from django.utils import timezone
    from django_scopes import scopes_disabled

    from prongsai.core.models import Agency
    from prongsai.core.tenancy import agency_scope
    from prongsai.ops.schedule import JobContext, JobFailed, get_job

    job = get_job(job_name)
    if job is None:
        return {"error": "not declared"}
    now = timezone.now()
    started = time.perf_counter()
    if not job.per_agency:
        with scopes_disabled():
            job.run(JobContext(agency=None, slot=now))
        return {"agencies": None, "done": None, "seconds": time.perf_counter() - started, "failed": 0}
    with scopes_disabled():
        agencies = list(Agency.objects.filter(is_active=True).order_by("code"))
    done = failed = 0
    for agency in agencies:
        try:
            with agency_scope(agency):
                job.run(JobContext(agency=agency, slot=now))
        except JobFailed:
            failed += 1
        done += 1
        if time.perf_counter() - started > budget:
            break
    return {
        "agencies": len(agencies),
        "done": done,
        "seconds": time.perf_counter() - started,
        "failed": failed,
    }


# --- the operator's dashboard ------------------------------------------------------------------------------


OPERATOR_CODE = "bench-province"
OPERATOR_AGENCIES = 200  # issue 17: the province dashboard over 200 agencies


def operator_dashboard_path(env: dict[str, str], province: str) -> str | None:
    """The back-office path of the operator's dashboard (``hosting:dashboard``), or None in an instance
    without hosting operators."""
    answer = in_django(env, "operator-path")
    path: str | None = answer.get("path")
    return path


def operator_session(env: dict[str, str], province: str) -> dict[str, str]:
    """Headers of a signed-in operator who hosts ``OPERATOR_AGENCIES`` simulated agencies: the measured
    agency's province first, then the next agencies by code (a province has fewer than 200 at N = 7,850)."""
    return {"Cookie": in_django(env, "operator-session", province)["cookie"]}


# --- measuring one size -------------------------------------------------------------------------------------


def measure_pages(options: Options, env: dict[str, str], result: SizeResult, work_dir: Path) -> None:
    context = in_django(env, "context")
    year, host = context["year"], context["host"]
    cookie = in_django(env, "staff-session", MEASURED_AGENCY)["cookie"]
    port = options.port or server.free_port()
    log_path = work_dir / f"gunicorn-{result.size}.log"
    proc = server.start_server(env, port, options.workers, log_path)
    targets: list[tuple[str, str, bool, dict[str, str] | None, list[str]]] = [
        ("home cold", "/", True, {"Host": host}, []),
        ("home warm", "/", False, {"Host": host}, []),
        ("OIT index cold", f"/ita/{year}/", True, {"Host": host}, []),
        ("readiness (staff)", f"/staff/ita/{year}/", False, {"Host": host, "Cookie": cookie}, []),
        ("home across agencies", "/", True, None, list(context["spread"])),
    ]
    try:
        server.wait_until_up(proc, port, log_path)
        dashboard = operator_dashboard_path(env, context["province"])
        if dashboard is not None:
            headers = {"Host": host, **operator_session(env, context["province"])}
            hosted = min(OPERATOR_AGENCIES, result.size)
            targets.append((f"operator dashboard ({hosted} agencies)", dashboard, False, headers, []))
        else:
            result.notes.append(
                "operator dashboard: not in this instance; not measured (operator_dashboard_path)"
            )
        for name, path, cold, headers, hosts in targets:
            print(f"    measuring {name:<24} {path}", flush=True)
            if options.warmup > 0:
                server.run_load(
                    port,
                    name,
                    path,
                    options.warmup,
                    options.concurrency,
                    cold=cold,
                    headers=headers,
                    hosts=hosts,
                )
            measured = server.run_load(
                port,
                name,
                path,
                options.duration,
                options.concurrency,
                cold=cold,
                headers=headers,
                hosts=hosts,
            )
            result.put(f"{name} p50", measured.percentile_ms(50), "ms")
            result.put(f"{name} p95", measured.percentile_ms(95), "ms")
            if measured.errors:
                statuses = ", ".join(f"{s} x{c}" for s, c in sorted(measured.statuses.items()) if s != "200")
                samples = "; ".join(f"{s}: {t}" for s, t in measured.samples.items())
                result.notes.append(
                    f"{name}: {measured.errors} of {measured.requests} not 200 ({statuses}) {samples}"
                )
    finally:
        server.stop_server(proc)


def measure_jobs(options: Options, env: dict[str, str], result: SizeResult) -> None:
    for job in NIGHTLY_JOBS:
        print(f"    nightly job {job}", flush=True)
        answer = in_django(env, "nightly", job, str(options.job_budget))
        if "error" in answer:
            result.notes.append(f"{job}: {answer['error']}")
            continue
        seconds = float(answer["seconds"])
        if answer["agencies"] is None or answer["done"] == answer["agencies"]:
            result.put(f"job {job}", seconds, "s")
        else:
            projected = seconds / answer["done"] * answer["agencies"]
            result.put(f"job {job}", projected, "s projected")
            result.notes.append(
                f"{job}: stopped after {seconds:.0f} s at {answer['done']} of {answer['agencies']} agencies "
                f"({answer['done'] / seconds:.1f} agencies/s); all of them projected at {projected:.0f} s"
            )
        if answer.get("failed"):
            result.notes.append(f"{job}: {answer['failed']} agencies failed")


def measure_size(options: Options, env: dict[str, str], size: int, work_dir: Path) -> SizeResult:
    result = SizeResult(size=size)
    print(f"\n== {size:,} agencies", flush=True)
    seconds, output = manage(
        env, "simulate_agencies", str(size), "--years", str(options.years), "--batch", "50"
    )
    summary = next(
        (line for line in output.splitlines() if line.startswith("Simulated")), output.strip()[:200]
    )
    print(f"    simulate_agencies: {summary} [{seconds:.1f} s with start-up]", flush=True)
    result.put("simulation (top-up)", seconds, "s")
    query(options, "ANALYZE")  # fresh statistics for the planner and the row counts below
    (rows,) = query(options, f"SELECT pg_database_size('{options.database}')")
    result.put("database size", float(rows[0]), "bytes")
    largest = query(
        options,
        "SELECT relname, n_live_tup, pg_total_relation_size(relid) FROM pg_stat_user_tables "
        "ORDER BY pg_total_relation_size(relid) DESC LIMIT 6",
    )
    result.notes.append(
        "largest tables: "
        + ", ".join(f"{name} {count:,} rows {size / 2**20:,.0f} MiB" for name, count, size in largest)
    )
    measure_pages(options, env, result, work_dir)
    measure_jobs(options, env, result)
    print_size(result)
    return result


# --- output -------------------------------------------------------------------------------------------------


def show(value: float, unit: str) -> str:
    if unit == "bytes":
        return f"{value / 2**20:,.0f} MiB"
    if unit == "s":
        return f"{value:,.1f} s"
    if unit == "s projected":
        return f"{value:,.1f} s*"
    return f"{value:,.1f} ms"


def print_size(result: SizeResult) -> None:
    print(f"  figures at {result.size:,} agencies")
    for name, value in result.figures.items():
        print(f"    {name:<44} {show(value, result.units[name]):>14}")
    for note in result.notes:
        print(f"    note: {note}")


def print_growth(results: list[SizeResult]) -> None:
    names = list(dict.fromkeys(name for r in results for name in r.figures))
    header = f"{'figure':<44}" + "".join(f"{r.size:>14,}" for r in results)
    if len(results) >= 2:
        header += f"{'growth':>10}"
    print()
    print("Summary (growth: the largest size against the one before it)")
    print(header)
    print("-" * len(header))
    for name in names:
        line = f"{name:<44}"
        for r in results:
            line += f"{show(r.figures[name], r.units[name]) if name in r.figures else '-':>14}"
        if len(results) >= 2:
            before, last = results[-2].figures.get(name), results[-1].figures.get(name)
            growth = f"{last / before:.2f}x" if before and last is not None else "-"
            line += f"{growth:>10}"
        print(line)
    if any(unit == "s projected" for r in results for unit in r.units.values()):
        print("* projected from the agencies done within --job-budget (the notes above say how many)")
    if len(results) >= 2:
        print(
            f"(agencies grew {results[-1].size / results[-2].size:.1f}x "
            f"from {results[-2].size:,} to {results[-1].size:,})"
        )


def benchmark(options: Options, work_dir: Path) -> int:
    database_url = f"{options.server_url}/{options.database}"
    env = server.instance_environment(work_dir / "var", database_url)
    env["ALLOWED_HOSTS"] = "127.0.0.1,localhost,.sim.localhost"
    print(f"Setting up {options.database} on {options.server_url} (dropped at the end unless --keep)")
    admin_sql(options, f'DROP DATABASE IF EXISTS "{options.database}"')
    admin_sql(options, f'CREATE DATABASE "{options.database}"')
    try:
        for step in (
            ["migrate", "--noinput"],
            ["createcachetable"],
            ["load_ita_catalogues"],
            ["collectstatic", "--noinput"],
        ):
            took, _out = manage(env, *step)
            print(f"  manage.py {' '.join(step):<34} {took:6.1f} s")
        print()
        print("Parameters")
        print(
            f"  sizes            : {', '.join(f'{s:,}' for s in options.sizes)} agencies, "
            f"{options.years} years each"
        )
        print(
            f"  gunicorn workers : {options.workers} (sync, 1 thread each); "
            f"client threads {options.concurrency}"
        )
        print(f"  per page target  : {options.duration:g} s (+{options.warmup:g} s warm-up)")
        print(f"  nightly jobs     : {', '.join(NIGHTLY_JOBS)}; budget {options.job_budget:g} s each")
        print(f"  CPU count        : {os.cpu_count()} (client, server and PostgreSQL share them)")
        print(f"  software         : {server.versions()}")
        print(f"  load average     : {server.load_average()}")
        results = [measure_size(options, env, size, work_dir) for size in options.sizes]
        print_growth(results)
        print(f"Load average at the end: {server.load_average()}")
        return 0
    finally:
        if not options.keep:
            admin_sql(options, f'DROP DATABASE IF EXISTS "{options.database}" WITH (FORCE)')


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--inside"]:
        return inside(argv[1:])
    options = parse_options(argv)
    return server.run_in_work_dir("prongsai-scale-", lambda work_dir: benchmark(options, work_dir))


if __name__ == "__main__":
    sys.exit(main())

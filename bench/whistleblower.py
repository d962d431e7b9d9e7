"""Time of one receipt check and of one submission of the corruption-reporting channel, with the Argon2id
parameters that decide them (printed first: the figures mean nothing without them).

What is measured
----------------
A throw-away instance (SQLite in a temporary directory, production settings module with DEBUG on so no
secrets are needed, tasks run inline) is migrated; one agency gets one integrity-committee member and one
identity custodian, each with a key created at the production cost. Then, each repeated ``--runs`` times
and reported as median and maximum wall-clock time (``time.perf_counter``):

* ``submit``          one online submission through ``services.report_submit``: text, one 200 KiB PDF, an
                      identity section; encryption, sealing to two keys, one Argon2id for the receipt, the
                      database writes and the outbox row;
* ``receipt: right``  ``services.receipt_open`` with the correct receipt (rate-limit check, tag look-up, one
                      Argon2id, unwrapping the report key);
* ``receipt: wrong``  a wrong receipt whose tag matches no report (one decoy Argon2id, same cost);
* ``receipt: limited`` a client past its allowance: refused before any slow hash;
* ``key unlock``      a recipient unlocking their private key with the key passphrase (once per session).

Nothing is asserted. ``--ops``/``--mem-mib`` override the receipt cost to compare settings.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))


def timed(runs: int, action: Callable[[], object]) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        samples.append(time.perf_counter() - began)
    return statistics.median(samples), max(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Receipt check and submission times of the whistleblower channel"
    )
    parser.add_argument("--runs", type=int, default=5, help="repetitions per figure (default 5)")
    parser.add_argument(
        "--ops", type=int, default=None, help="Argon2id passes for receipts (default: production)"
    )
    parser.add_argument("--mem-mib", type=int, default=None, help="Argon2id memory for receipts in MiB")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="prongsai-bench-wb-"))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "prongsai.settings",
            "DEBUG": "true",
            "PRONGSAI_VAR_DIR": str(work),
            "TASKS_BACKEND": "immediate",
            "LOG_LEVEL": "WARNING",
        }
    )
    for name in ("DATABASE_URL", "REDIS_URL", "EMAIL_HOST"):
        os.environ.pop(name, None)
    try:
        return run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(args: argparse.Namespace, work: Path) -> int:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django_scopes import scopes_disabled

    from prongsai.core.models import Agency, Membership, User
    from prongsai.core.roles import Role
    from prongsai.core.tenancy import agency_scope
    from prongsai.whistleblower import crypto, services, services_keys

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # keep the output to the figures
    if args.ops or args.mem_mib:
        base_ops, base_mem = crypto.DEFAULT_KDF["receipt"]
        settings.WHISTLEBLOWER_KDF = {
            "receipt": (args.ops or base_ops, (args.mem_mib * 1024 * 1024) if args.mem_mib else base_mem)
        }
    call_command("migrate", verbosity=0)
    with scopes_disabled():
        agency = Agency.objects.create(
            code="bench", name_th="หน่วยงานทดสอบ", kind="sao", province="ชัยภูมิ", is_default=True
        )
        people = {}
        for username, role in (
            ("committee", Role.INTEGRITY_COMMITTEE),
            ("custodian", Role.IDENTITY_CUSTODIAN),
        ):
            people[username] = User.objects.create_user(username=username, email=f"{username}@example.test")
            Membership.objects.create(agency=agency, user=people[username], role=role)

    receipt_params = crypto.kdf_params("receipt")
    pass_params = crypto.kdf_params("passphrase")
    print("Parameters")
    print(
        f"  receipt Argon2id    : {receipt_params.ops} passes, {receipt_params.mem // 2**20} MiB"
        " (one run per check)"
    )
    print(
        f"  passphrase Argon2id : {pass_params.ops} passes, {pass_params.mem // 2**20} MiB"
        " (one run per unlock)"
    )
    print(
        f"  receipt             : {crypto.RECEIPT_DIGITS} digits, lookup tag on the first {crypto.TAG_DIGITS}"
    )
    print(f"  runs per figure     : {args.runs} (median and maximum wall-clock time)")
    print(
        f"  CPU count           : {os.cpu_count()}; "
        f"load average {' / '.join(f'{v:.2f}' for v in os.getloadavg())}"
    )
    print("  database            : SQLite (temporary file)")
    print()

    passphrase = "bench passphrase that is long enough"  # noqa: S105 - a throw-away instance
    pdf = b"%PDF-1.4\n" + os.urandom(200 * 1024)
    results: list[tuple[str, float, float]] = []
    with agency_scope(agency):
        holders = {
            name: services_keys.key_setup(agency=agency, acting_user=user, passphrase=passphrase)[0]
            for name, user in people.items()
        }
        receipts: list[str] = []
        counter = iter(range(10_000))

        def submit_one() -> None:
            result = services.report_submit(
                agency=agency,
                acting_user=None,
                content=services.ReportContent(what="เจ้าหน้าที่เรียกรับเงิน " * 20, who="เจ้าหน้าที่", when="มีนาคม"),
                files=[services.Evidence("evidence.pdf", "application/pdf", pdf)],
                identity=services.Identity(name="ผู้แจ้ง", contact="0810000000"),
                submission_token=f"bench-{next(counter)}",
            )
            assert result.receipt is not None  # noqa: S101 - a bench sanity check
            receipts.append(result.receipt)

        results.append(("submit", *timed(args.runs, submit_one)))
        right = receipts[0]
        clients = iter(range(10_000))
        results.append(
            (
                "receipt: right",
                *timed(
                    args.runs,
                    lambda: services.receipt_open(
                        agency=agency, receipt_text=right, client=f"c{next(clients)}"
                    ),
                ),
            )
        )
        wrong = f"{(int(right[:4]) + 1) % 10000:04d}" + "0" * 12
        results.append(
            (
                "receipt: wrong",
                *timed(
                    args.runs,
                    lambda: services.receipt_open(
                        agency=agency, receipt_text=wrong, client=f"w{next(clients)}"
                    ),
                ),
            )
        )
        for _ in range(20):
            services.receipt_open(agency=agency, receipt_text=wrong, client="greedy")
        results.append(
            (
                "receipt: limited",
                *timed(
                    args.runs,
                    lambda: services.receipt_open(agency=agency, receipt_text=wrong, client="greedy"),
                ),
            )
        )
        holder = holders["committee"]
        user = people["committee"]
        results.append(
            (
                "key unlock",
                *timed(
                    args.runs,
                    lambda: services_keys.key_unlock(holder=holder, acting_user=user, passphrase=passphrase),
                ),
            )
        )

    print(f"{'figure':<18} {'median ms':>10} {'max ms':>10}")
    print("-" * 40)
    for name, median, worst in results:
        print(f"{name:<18} {median * 1000:>10.1f} {worst * 1000:>10.1f}")
    print()
    print("A guesser is refused before any slow hash once past the per-client allowance; each admitted guess")
    print(
        "costs one receipt Argon2id run, and an offline attacker needs up to "
        f"10^{crypto.RECEIPT_DIGITS - crypto.TAG_DIGITS}"
    )
    print("of them per report even with the database and SECRET_KEY (the tag gives away 4 digits at most).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
